package vn.ndp.protocol.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The exchanges of one minute that share side, client, service, HTTP status and fault.
 *
 * @param minute          the start of the minute (UTC, whole minute)
 * @param side            {@code consumer} when counted by the client's gateway, {@code provider} when
 *                        counted by the service's gateway; the registry counts a transaction once, from
 *                        the provider side, and from the consumer side the failures the client's gateway
 *                        raised before the provider's saw the request ({@code Server.ClientProxy.*})
 * @param client          the client subsystem, empty when the request was refused before it was known
 * @param service         the service, empty when the request named none that could be parsed
 * @param status          the HTTP status returned to the caller
 * @param fault           the X-Road error type when the gateways failed the request, empty otherwise
 * @param count           how many exchanges
 * @param requestBytes    request body bytes, summed
 * @param responseBytes   response body bytes, summed
 * @param durationMillis  total time in the gateway, summed, in milliseconds
 * @param latencyBuckets  how many exchanges took at most {@link #LATENCY_BOUNDS_MILLIS}[i] ms, last entry for longer ones
 */
public record UsageAggregate(
        Instant minute, String side, String client, String service, int status, String fault,
        long count, long requestBytes, long responseBytes, long durationMillis, List<Long> latencyBuckets) {

    public static final String CONSUMER = "consumer";
    public static final String PROVIDER = "provider";

    /** Upper bounds of the latency buckets, in milliseconds; a last bucket counts everything slower. */
    public static final List<Long> LATENCY_BOUNDS_MILLIS = List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L, 5000L, 10000L);

    public UsageAggregate {
        Objects.requireNonNull(minute, "minute");
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException("minute " + minute + " is not a whole minute");
        }
        if (!CONSUMER.equals(side) && !PROVIDER.equals(side)) {
            throw new IllegalArgumentException("side must be consumer or provider, was " + side);
        }
        client = client == null ? "" : client;
        service = service == null ? "" : service;
        fault = fault == null ? "" : fault;
        latencyBuckets = List.copyOf(latencyBuckets);
        if (latencyBuckets.size() != LATENCY_BOUNDS_MILLIS.size() + 1) {
            throw new IllegalArgumentException("expected " + (LATENCY_BOUNDS_MILLIS.size() + 1) + " latency buckets");
        }
    }

    /** The index of the latency bucket for a duration. */
    public static int bucketOf(long millis) {
        for (int i = 0; i < LATENCY_BOUNDS_MILLIS.size(); i++) {
            if (millis <= LATENCY_BOUNDS_MILLIS.get(i)) {
                return i;
            }
        }
        return LATENCY_BOUNDS_MILLIS.size();
    }
}
