package vn.ndp.registry.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Vietnam's one time zone, and moments as the registry's messages name them. The database hands back its
 * timestamps in UTC ({@code timestamptz} read as {@link OffsetDateTime} always has offset zero), so a moment
 * shown as it comes is seven hours off, and its date is the day before for anything done before 07:00: every
 * moment a person reads goes through here or through the pages' {@code @dates}.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private VietnamTime() {
    }

    /** The same moment on Vietnam's clock. */
    public static OffsetDateTime local(OffsetDateTime moment) {
        return moment.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    /** The moment {@code day} begins in Vietnam (a day's figures and filters run from it to the next day's). */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** For messages: {@code 24/11/2026 10:05 (UTC+7)}, Vietnam time, saying so. */
    public static String moment(OffsetDateTime moment) {
        return MOMENT.format(moment.atZoneSameInstant(ZONE)) + " (UTC+7)";
    }
}
