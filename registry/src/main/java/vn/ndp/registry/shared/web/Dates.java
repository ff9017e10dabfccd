package vn.ndp.registry.shared.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Dates and moments as people read them, in the page's language ({@link CalendarDates#format}); moments
 * (stored as instants, read back from the database in UTC) on Vietnam's clock, so that something done at
 * 06:30 in Hà Nội shows that day and that hour. Templates call it as {@code ${@dates.format(date)}},
 * {@code ${@dates.date(moment)}}, {@code ${@dates.dateTime(moment)}} and {@code ${@dates.dateTimeSeconds(moment)}};
 * each gives an empty text for null. Date fields show their value through {@code ${@dates.input(value)}}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String format(LocalDate date) {
        return CalendarDates.format(date, LocaleContextHolder.getLocale());
    }

    /**
     * The value of a date field, dd/MM/yyyy in either language (the form a person types, whatever the browser's
     * language): {@code value} is a date, its ISO text, or text a person typed that was refused, shown as typed.
     */
    public String input(Object value) {
        return CalendarDates.forInput(value);
    }

    /** The day of {@code moment} in Vietnam. */
    public String date(OffsetDateTime moment) {
        return moment == null ? "" : format(VietnamTime.local(moment).toLocalDate());
    }

    /** Day and minute of {@code moment} in Vietnam: {@code 24/11/2026 10:05}. */
    public String dateTime(OffsetDateTime moment) {
        return withTime(moment, MINUTES);
    }

    /** Day and second, for the audit trail: {@code 24/11/2026 10:05:31}. */
    public String dateTimeSeconds(OffsetDateTime moment) {
        return withTime(moment, SECONDS);
    }

    private String withTime(OffsetDateTime moment, DateTimeFormatter time) {
        if (moment == null) {
            return "";
        }
        OffsetDateTime local = VietnamTime.local(moment);
        return format(local.toLocalDate()) + " " + time.format(local);
    }
}
