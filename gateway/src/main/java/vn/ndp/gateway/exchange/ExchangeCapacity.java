package vn.ndp.gateway.exchange;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many exchanges a gateway handles at once, on both sides together. Each exchange in progress can hold
 * buffered body bytes: up to one HTTP/2 stream window (256 KiB) per hop that has not been read yet, when a backend or
 * a caller reads slower than the other side writes. Bounding the exchanges bounds that memory for the whole gateway,
 * however many peer gateways and connections there are: a connection's own window bounds only its streams. Past the
 * bound an exchange is refused at once with {@code Server.ClientProxy.OutOfCapacity} or
 * {@code Server.ServerProxy.OutOfCapacity}; nothing is forwarded.
 */
public final class ExchangeCapacity {

    private final int max;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Counter refusedConsumer;
    private final Counter refusedProvider;

    public ExchangeCapacity(int max, MeterRegistry metrics) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        Gauge.builder("ndp.gateway.exchanges.in.progress", inProgress, AtomicInteger::get)
                .description("Exchanges this gateway is handling, both sides").register(metrics);
        Gauge.builder("ndp.gateway.exchanges.max", () -> max)
                .description("Exchanges this gateway handles at once (limits.maxExchanges)").register(metrics);
        refusedConsumer = refusedCounter(metrics, "consumer");
        refusedProvider = refusedCounter(metrics, "provider");
    }

    private static Counter refusedCounter(MeterRegistry metrics, String side) {
        return Counter.builder("ndp.gateway.exchanges.refused")
                .description("Exchanges refused because limits.maxExchanges were in progress").tag("side", side)
                .register(metrics);
    }

    /** Takes a place for one exchange; false (and counted as refused on that side) when every place is taken. */
    boolean tryEnter(boolean consumer) {
        int now = inProgress.incrementAndGet();
        if (now <= max) {
            return true;
        }
        inProgress.decrementAndGet();
        (consumer ? refusedConsumer : refusedProvider).increment();
        return false;
    }

    /** Gives back the place taken by a successful {@link #tryEnter}. */
    void leave() {
        inProgress.decrementAndGet();
    }

    public int max() {
        return max;
    }

    public int inProgress() {
        return inProgress.get();
    }
}
