package vn.ndp.gateway.exchange;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The time limits an idle timeout cannot enforce. An idle timeout fires only after a silence, so a next hop that
 * sends one byte every few seconds (of its answer's head, or of its body) would hold an exchange for as long as it
 * liked, and so would a caller trickling its request body. Two limits close that:
 * <ul>
 *     <li>the <b>answer</b>: once the request has been sent whole, the head of the answer (status and headers) must
 *     have arrived within the hop's read timeout ({@code backendReadTimeout} for a backend, {@code gatewayReadTimeout}
 *     for a provider's gateway), however it trickles;</li>
 *     <li>the <b>exchange</b>: from the request's arrival in this gateway until the next hop has sent the whole answer,
 *     at most {@code limits.exchangeTimeout}.</li>
 * </ul>
 * A limit that passes aborts the request to the next hop with a {@link DeadlineException}: an answer not yet begun
 * becomes an X-Road error (the caller's when it was the one too slow, else the side's for its next hop), one being
 * relayed is broken off. There is no timer per exchange: one sweeper thread checks the requests waiting on a next hop
 * five times a second, so a limit is kept to within 0.2 s.
 */
public final class ExchangeDeadlines implements AutoCloseable {

    /** How often the exchanges waiting on a next hop are checked. */
    static final long SWEEP_MILLIS = 200;

    /** An exchange waiting on its next hop, checked by the sweeper. */
    interface Watched {
        /** Aborts the exchange if one of its limits has passed at {@code nowNanos} ({@link System#nanoTime()}). */
        void expireIfLate(long nowNanos);
    }

    /** Which limit passed. */
    enum Limit {
        ANSWER, EXCHANGE
    }

    /** Whom the exchange was waiting on when its limit passed. */
    enum Waiting {
        /** the caller, for more of its request body */
        CALLER_SENDING,
        /** the caller, to take the answer written to it */
        CALLER_READING,
        /** the next hop, to take the request or to send its answer */
        NEXT_HOP
    }

    /** The failure an exchange is aborted with when one of its limits has passed. */
    static final class DeadlineException extends TimeoutException {

        final Limit limit;
        final Waiting waitingOn;

        DeadlineException(Limit limit, Waiting waitingOn, String message) {
            super(message);
            this.limit = limit;
            this.waitingOn = waitingOn;
        }
    }

    private final Duration exchangeTimeout;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Counter answerLate;
    private final Counter exchangeLate;
    private final ScheduledExecutorService sweeper;

    public ExchangeDeadlines(Duration exchangeTimeout, MeterRegistry metrics) {
        this.exchangeTimeout = exchangeTimeout;
        answerLate = lateCounter(metrics, "answer");
        exchangeLate = lateCounter(metrics, "exchange");
        sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("exchange-deadlines").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Counter lateCounter(MeterRegistry metrics, String limit) {
        return Counter.builder("ndp.gateway.exchanges.timed.out")
                .description("Exchanges ended because the next hop's answer did not begin within its read timeout, silent"
                        + " or trickling (answer), or because the exchange took longer than limits.exchangeTimeout (exchange)")
                .tag("limit", limit).register(metrics);
    }

    Duration exchangeTimeout() {
        return exchangeTimeout;
    }

    /** The {@link System#nanoTime()} by which an exchange that arrived at {@code startNanos} must be over. */
    long exchangeDeadline(long startNanos) {
        return startNanos + exchangeTimeout.toNanos();
    }

    void watch(Watched exchange) {
        watched.add(exchange);
    }

    void unwatch(Watched exchange) {
        watched.remove(exchange);
    }

    /** Counts an exchange aborted for {@code limit}. */
    void late(Limit limit) {
        (limit == Limit.ANSWER ? answerLate : exchangeLate).increment();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watched exchange : watched) {
            try {
                exchange.expireIfLate(now);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ExchangeDeadlines.class).warn("Deadline check failed", e);
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
