package vn.ndp.registry.support;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code ndp.support}.
 *
 * @param sla working days to resolve a request, per priority
 * @param holidays public holidays (besides Saturdays and Sundays) that are not working days
 * @param reopenPeriod how long after a resolution the requester may reopen the request
 * @param maxAttachmentSize largest attachment accepted (the content checks of evidence documents also apply)
 * @param maxAttachments attachments per message
 */
@ConfigurationProperties("ndp.support")
public record SupportSettings(@DefaultValue Sla sla, @DefaultValue({}) List<LocalDate> holidays,
        @DefaultValue("P14D") Period reopenPeriod, @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5") int maxAttachments) {

    public SupportSettings {
        holidays = List.copyOf(holidays);
    }

    /** Working days to resolve a request of each priority. */
    public record Sla(@DefaultValue("1") int urgent, @DefaultValue("3") int high, @DefaultValue("5") int normal,
            @DefaultValue("10") int low) {

        public Sla {
            if (urgent < 0 || high < 0 || normal < 0 || low < 0) {
                throw new IllegalArgumentException("ndp.support.sla: working days cannot be negative");
            }
        }

        public int workingDays(Priority priority) {
            return switch (priority) {
                case URGENT -> urgent;
                case HIGH -> high;
                case NORMAL -> normal;
                case LOW -> low;
            };
        }
    }

    public static SupportSettings defaults() {
        return new SupportSettings(new Sla(1, 3, 5, 10), List.of(), Period.ofDays(14), DataSize.ofMegabytes(10), 5);
    }
}
