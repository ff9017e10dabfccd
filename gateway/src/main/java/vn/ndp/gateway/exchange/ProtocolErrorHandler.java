package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
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
        int status = response.getStatus();
        XRoadErrorType type = status >= 400 && status < 500
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
        if (type == XRoadErrorType.CLIENT_BAD_REQUEST
                && request.getConnectionMetaData().getHttpVersion().getVersion() < HttpVersion.HTTP_2.getVersion()) {
            // What follows a request Jetty could not take cannot be trusted to start a request: close once answered.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(error.toJson().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
