package vn.ndp.registry.overlap.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.ndp.registry.overlap.OverlapSettings;

/**
 * Token buckets per client address for anonymous checks: {@code capacity}
 * checks at once, refilled at {@code perMinute}. Counts are per registry node;
 * behind a load balancer with n nodes a client gets up to n times the rate,
 * which is acceptable for a free read-only check. When more than
 * {@code clients} addresses are tracked, full buckets are forgotten.
 */
@Component
class ClientRateLimiter {

    private final OverlapSettings.RateLimit settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(OverlapSettings settings, Clock clock) {
        this.settings = settings.rateLimit();
        this.clock = clock;
    }

    /** Whether the client may check now, and if not, in how many seconds it may. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    Decision acquire(String client) {
        if (!settings.enabled()) {
            return new Decision(true, 0);
        }
        long now = clock.millis();
        if (buckets.size() > settings.clients()) {
            buckets.entrySet().removeIf(e -> e.getValue().fullAt(now, settings));
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(settings.capacity(), now));
        return bucket.take(now, settings);
    }

    /** Forgets a client's bucket, as if it had never checked. */
    void forget(String client) {
        buckets.remove(client);
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized Decision take(long now, OverlapSettings.RateLimit settings) {
            refill(now, settings);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0);
            }
            double perMilli = settings.perMinute() / 60_000.0;
            long wait = perMilli <= 0 ? 60 : (long) Math.ceil((1 - tokens) / perMilli / 1000.0);
            return new Decision(false, Math.max(1, wait));
        }

        synchronized boolean fullAt(long now, OverlapSettings.RateLimit settings) {
            refill(now, settings);
            return tokens >= settings.capacity();
        }

        private void refill(long now, OverlapSettings.RateLimit settings) {
            if (now > updated) {
                tokens = Math.min(settings.capacity(), tokens + (now - updated) * settings.perMinute() / 60_000.0);
                updated = now;
            }
        }
    }
}
