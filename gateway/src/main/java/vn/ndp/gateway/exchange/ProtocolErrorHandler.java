package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.errors.XRoadErrorType;

/**
 * Answers the requests Jetty refuses before any handler sees them (bad URIs, encoded NUL, invalid
 * upgrade headers, oversized headers) in the protocol's error format instead of an HTML page.
 */
public final class ProtocolErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        XRoadErrorType type = callersFault(response.getStatus())
                ? XRoadErrorType.CLIENT_BAD_REQUEST : XRoadErrorType.CLIENT_PROXY_INTERNAL_ERROR;
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        String message = type == XRoadErrorType.CLIENT_BAD_REQUEST
                ? "The request does not follow HTTP/1.1 or the X-Road Message Protocol for REST"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage())
                : "Internal error";
        XRoadError error = XRoadError.of(type, message, UUID.randomUUID().toString());
        response.setStatus(error.httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, XRoadError.CONTENT_TYPE);
        response.getHeaders().put(ExchangeHeaders.ERROR, error.headerValue());
        if (type == XRoadErrorType.CLIENT_BAD_REQUEST) {
            // What follows a request Jetty could not take cannot be trusted to start a request: close once answered.
            // (HTTP/2 has no such header: Jetty leaves it out of the stream's headers, and the connection carries on.)
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(error.toJson().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
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
