package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import vn.ndp.gateway.messagelog.MessageLog;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.errors.XRoadErrorType;

/**
 * Answers the requests Jetty refuses before any handler sees them (bad URIs, encoded NUL, invalid upgrade headers,
 * oversized headers, an authority that is not the Host) in the protocol's error format instead of an HTML page, and,
 * on the exchange listeners, as every other refusal: under a new X-Road-Id, which is the error's {@code detail} and its
 * {@code X-Road-Id} header, written to the message log before the answer is sent and recorded for monitoring. What is
 * logged is what Jetty made of the request: its method (Jetty's placeholder {@code BAD} where it could not take the
 * request line) and the digest of the target and headers it kept; no client, service or path, never read.
 * <p>
 * Jetty also comes here when a handler fails an exchange before answering (the message log could not write, say).
 * That exchange is already recorded by its own {@link ExchangeRecorder}: its error names it by its X-Road-Id and is not
 * recorded twice.
 */
public final class ProtocolErrorHandler extends ErrorHandler {

    /** The listener a request came in on, which decides how its refusal is recorded. */
    public enum Listener {
        /** Local systems: refusals are logged as the consumer side's. */
        CONSUMER,
        /** Other gateways: refusals are logged as the provider side's. */
        PROVIDER,
        /** Health, metrics, reloads and evidence: not an exchange, nothing is logged. */
        ADMIN
    }

    /** Set on a request once a handler has taken it, to the exchange's recorder (or to a marker when it is none). */
    static final String HANDLED = ProtocolErrorHandler.class.getName() + ".handled";

    private final Function<Connector, Listener> listeners;
    private final OperationalMonitor monitor;
    private final MessageLog log;
    private final Clock clock;

    /** {@code log}: null when the message log is off. */
    public ProtocolErrorHandler(Function<Connector, Listener> listeners, OperationalMonitor monitor, MessageLog log,
                                Clock clock) {
        this.listeners = listeners;
        this.monitor = monitor;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        XRoadErrorType type = callersFault(status)
                ? XRoadErrorType.CLIENT_BAD_REQUEST : XRoadErrorType.CLIENT_PROXY_INTERNAL_ERROR;
        String message = type == XRoadErrorType.CLIENT_BAD_REQUEST
                ? "The request does not follow HTTP/1.1 or the X-Road Message Protocol for REST: "
                + reason(status, (Throwable) request.getAttribute(ERROR_EXCEPTION))
                : "Internal error";
        Object handled = request.getAttribute(HANDLED);
        Listener listener = listeners.apply(request.getConnectionMetaData().getConnector());
        ExchangeRecorder record = null;
        String xroadId;
        if (handled instanceof ExchangeRecorder recorded && !recorded.xroadId.isEmpty()) {
            xroadId = recorded.xroadId;
        } else {
            xroadId = UUID.randomUUID().toString();
            if (handled == null && listener != Listener.ADMIN) {
                record = new ExchangeRecorder(monitor, log, clock,
                        listener == Listener.PROVIDER ? Responses.Side.PROVIDER.name : Responses.Side.CONSUMER.name, request);
            }
        }
        XRoadError error = XRoadError.of(type, message, xroadId);
        if (type == XRoadErrorType.CLIENT_BAD_REQUEST) {
            // What follows a request Jetty could not take cannot be trusted to start a request: close once answered.
            // (HTTP/2 has no such header: Jetty leaves it out of the stream's headers, and the connection carries on.)
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        if (record != null) {
            Responses.sendError(response, new Responses.FinishingOnce(callback, record::finish), record, error);
            return true;
        }
        if (listener != Listener.ADMIN) {
            response.getHeaders().put(ExchangeHeaders.ID, xroadId);
        }
        response.write(true, ByteBuffer.wrap(Responses.errorAnswer(response, error)), callback);
        return true;
    }

    /**
     * Why Jetty refused the request, as a sentence: the reason it gave, else the standard phrase of the status
     * ("Request header fields too large"), never Jetty's {@code "431: null"} for a reason it left out.
     */
    static String reason(int status, Throwable cause) {
        String reason = cause instanceof HttpException http ? http.getReason() : cause == null ? null : cause.getMessage();
        if (reason == null || reason.isBlank()) {
            String phrase = HttpStatus.getMessage(status);
            reason = phrase == null || phrase.equals(Integer.toString(status)) ? "HTTP status " + status
                    : phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
        }
        return reason;
    }

    /**
     * Whether Jetty's status blames the request: any 4xx, and the two 5xx it uses for a request in a protocol version
     * (HTTP/0.9, HTTP/9.9) or with a feature (a transfer coding) that it does not implement. Those are the caller's
     * to fix (category 3 of the protocol's errors), not a failure of this gateway.
     */
    private static boolean callersFault(int status) {
        return status >= 400 && status < 500 || status == HttpStatus.NOT_IMPLEMENTED_501
                || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
    }
}
