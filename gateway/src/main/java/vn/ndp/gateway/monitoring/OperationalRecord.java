package vn.ndp.gateway.monitoring;

import java.time.Instant;

/**
 * What the gateway records about one request it handled, as one JSON line in
 * {@code {dataDir}/operational/records-{yyyy-MM-dd}.jsonl}.
 *
 * @param side           {@code consumer} (from a local system) or {@code provider} (from another gateway)
 * @param xroadId        the message's {@code X-Road-Id}
 * @param requestId      the {@code X-Road-Request-Id} the consumer gateway gave the request
 * @param client         the client subsystem, empty if not known when the request was refused
 * @param service        the service, empty if not known when the request was refused
 * @param fault          the X-Road error type, empty when the request was not failed by a gateway
 */
public record OperationalRecord(
        String side, String xroadId, String requestId, String client, String service, String method, String path,
        long requestBytes, long responseBytes, int status, String fault, Instant startedAt, long durationMicros) {
}
