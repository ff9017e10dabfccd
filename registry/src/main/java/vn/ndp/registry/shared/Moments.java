package vn.ndp.registry.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Moments as the database keeps them: a {@code timestamptz} holds microseconds and is read back in UTC. A moment
 * that is stored and answered at once (a new resource's {@code createdAt}) is taken here, so that the answer to its
 * creation and every later read show the same text, rather than {@code ...T06:55:56.116739804+07:00} first and
 * {@code ...T23:55:56.11674Z} after. For a person, {@link VietnamTime} shows it on Vietnam's clock.
 */
public final class Moments {

    private Moments() {
    }

    /** Now, as it will be stored and read back: in UTC, to the microsecond. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
