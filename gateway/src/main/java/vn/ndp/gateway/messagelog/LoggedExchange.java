package vn.ndp.gateway.messagelog;

import java.time.Instant;

/**
 * What the message log keeps of one exchange on one side: identifiers, outcome, times, sizes, and
 * SHA-512 digests of the request and response headers and bodies; the bodies themselves only
 * when the log is configured to keep them (then {@code null} when absent or over the limit).
 */
public record LoggedExchange(String side, String xroadId, String requestId, String client, String service,
                             String method, String path, int status, String fault, Instant startedAt,
                             long durationMicros, long requestBytes, long responseBytes, String requestHash,
                             byte[] requestHeadersSha512, byte[] requestBodySha512, byte[] responseHeadersSha512,
                             byte[] responseBodySha512, byte[] requestBody, byte[] responseBody) {
}
