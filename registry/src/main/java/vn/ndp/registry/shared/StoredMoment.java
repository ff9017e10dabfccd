package vn.ndp.registry.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The clock's moment as a {@code timestamptz} column gives it back: to the microsecond (PostgreSQL keeps no finer;
 * the driver would round the rest) and at offset zero (the driver reads every {@code timestamptz} so). A record
 * made with it equals the record read back after it is stored, so the answer to a write can be built without
 * reading the row again, and shows the same moment as every later read of it.
 */
public final class StoredMoment {

    private StoredMoment() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
