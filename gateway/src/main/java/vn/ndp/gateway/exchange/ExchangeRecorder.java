package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import vn.ndp.gateway.messagelog.LoggedExchange;
import vn.ndp.gateway.messagelog.MessageLog;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.gateway.monitoring.OperationalRecord;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.pki.Digests;

/**
 * Collects what is known about one request as it is handled, and records it once at the end. With a
 * message log, {@link #durable} writes the exchange to it before the last byte of the response is
 * released; an exchange that ends otherwise (a broken connection) is logged by {@link #finish}.
 */
final class ExchangeRecorder {

    private final OperationalMonitor monitor;
    private final MessageLog log;
    private final Request request;
    private final String side;
    private final String method;
    private final long startNanos = System.nanoTime();
    private final Instant startedAt;
    private RequestHash requestHash;
    private final MessageDigest responseDigest;
    private BoundedCopy responseCapture;
    private long responseDigested;
    private boolean logged;
    String xroadId = "";
    String requestId = "";
    String client = "";
    String service = "";
    String path = "";
    long requestBytes;
    long responseBytes;
    int status;
    String fault = "";

    ExchangeRecorder(OperationalMonitor monitor, MessageLog log, Clock clock, String side, Request request) {
        this.monitor = monitor;
        this.log = log;
        this.request = request;
        this.side = side;
        // a request Jetty refused may have no method or target (ProtocolErrorHandler records those too)
        this.method = request.getMethod() == null ? "" : request.getMethod();
        this.startedAt = clock.instant();
        this.responseDigest = log == null ? null : Digests.sha512();
        if (log != null && log.keepsBodies()) {
            responseCapture = new BoundedCopy(log.maxBodyBytes());
        }
    }

    /** When the exchange arrived, in {@link System#nanoTime()}. */
    long startNanos() {
        return startNanos;
    }

    /** Refuses the exchange when the message log's outage policy says so. */
    void admit(XRoadErrorType type) {
        if (log != null) {
            log.refusal().ifPresent(why -> {
                throw new XRoadException(type, why);
            });
        }
    }

    /** The request hash of the request as forwarded, which also keeps the request body when the log does. */
    RequestHash newRequestHash() {
        requestHash = new RequestHash();
        if (log != null && log.keepsBodies()) {
            requestHash.capture(log.maxBodyBytes());
        }
        return requestHash;
    }

    void responseBody(byte[] bytes, int offset, int length) {
        responseBody(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Adds response body bytes to the digest (and the kept copy) without moving the buffer's position. */
    void responseBody(ByteBuffer bytes) {
        if (responseDigest == null) {
            return;
        }
        responseDigested += bytes.remaining();
        if (responseCapture != null) {
            responseCapture.add(bytes);
        }
        responseDigest.update(bytes.slice());
    }

    /**
     * Writes the exchange to the message log; the future completes once it is on disk (at once
     * without a log). Call it before the response's last byte and release that byte only after.
     */
    CompletableFuture<Void> durable(Response response) {
        if (log == null || logged) {
            return CompletableFuture.completedFuture(null);
        }
        logged = true;
        return log.append(exchange(response));
    }

    void finish() {
        monitor.record(new OperationalRecord(side, xroadId, requestId, client, service, method, path, requestBytes,
                responseBytes, status, fault, startedAt, (System.nanoTime() - startNanos) / 1000));
        if (log != null && !logged) {
            logged = true;
            log.append(exchange(null));
        }
    }

    private LoggedExchange exchange(Response response) {
        byte[] requestHeaders;
        byte[] requestBody = null;
        byte[] requestBodyDigest = null;
        if (requestHash != null && requestHash.hasHeaders()) {
            requestHeaders = requestHash.headersDigest();
            requestBodyDigest = requestHash.bodyDigest();
            requestBody = requestHash.capturedBody();
        } else {
            String target = request.getHttpURI() == null ? null : request.getHttpURI().getPathQuery();
            requestHeaders = RequestHash.headersDigest(method, target == null ? "" : target, request.getHeaders());
        }
        String hash = response == null ? "" : value(response.getHeaders().get(ExchangeHeaders.REQUEST_HASH));
        byte[] responseHeaders = response == null ? null : RequestHash.responseHeadersDigest(status, response.getHeaders());
        byte[] responseBodyDigest = responseDigested == 0 ? null : responseDigest.digest();
        return new LoggedExchange(side, xroadId, requestId, client, service, method, path, status, fault, startedAt,
                (System.nanoTime() - startNanos) / 1000, requestBytes, responseBytes, hash, requestHeaders,
                requestBodyDigest, responseHeaders, responseBodyDigest, requestBody,
                responseCapture == null ? null : responseCapture.bytes());
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }
}
