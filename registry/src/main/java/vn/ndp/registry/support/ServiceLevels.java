package vn.ndp.registry.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Due dates from the service level: a request of a priority is due the given
 * number of working days after the day it was opened. Working days are Monday
 * to Friday except the configured public holidays; a request opened on a
 * weekend or holiday starts counting from the next working day (Saturday + 1
 * is Monday).
 */
public final class ServiceLevels {

    private final SupportSettings.Sla sla;
    private final Set<LocalDate> holidays;

    public ServiceLevels(SupportSettings settings) {
        this.sla = settings.sla();
        this.holidays = Set.copyOf(settings.holidays());
    }

    public LocalDate dueDate(Priority priority, LocalDate opened) {
        LocalDate due = opened;
        int left = sla.workingDays(priority);
        if (left == 0) {
            while (!workingDay(due)) {
                due = due.plusDays(1);
            }
            return due;
        }
        while (left > 0) {
            due = due.plusDays(1);
            if (workingDay(due)) {
                left--;
            }
        }
        return due;
    }

    public boolean workingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }
}
