package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.overlap.OverlapSettings;

class ClientRateLimiterTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-07-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static OverlapSettings settings(int capacity, int perMinute) {
        OverlapSettings d = OverlapSettings.defaults();
        return new OverlapSettings(d.duplicateScore(), d.overlapScore(), d.reportScore(), d.topN(), d.nameBoost(),
                d.functionsBoost(), d.functionMatch(), d.syllableWeight(), d.nameWeight(), d.limits(),
                new OverlapSettings.RateLimit(true, capacity, perMinute, 100));
    }

    @Test
    void aClientMayBurstUpToTheCapacityThenWaitsForARefill() {
        MovableClock clock = new MovableClock();
        ClientRateLimiter limiter = new ClientRateLimiter(settings(3, 6), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
        }
        ClientRateLimiter.Decision refused = limiter.acquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        ClientRateLimiter limiter = new ClientRateLimiter(settings(1, 1), new MovableClock());
        assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.1").allowed()).isFalse();
        assertThat(limiter.acquire("10.0.0.2").allowed()).isTrue();
    }
}
