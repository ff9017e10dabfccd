package vn.ndp.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/** Writing gateway errors and streaming bodies. */
final class Responses {

    private Responses() {
    }

    /** Sends an error of this gateway: status 400 or 500, the JSON body and the {@code X-Road-Error} header. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Responses.class);

    /** One side's handling of an exchange: answers through the callback or throws an {@link XRoadException}. */
    @FunctionalInterface
    interface Exchange {
        void run(Request request, Response response, Callback callback, ExchangeRecorder record);
    }

    /**
     * Runs an exchange so that its record is finished exactly once however it ends, and any failure
     * reaches the caller as an X-Road error ({@code internalError} for the unexpected ones).
     */
    static void run(Exchange exchange, Request request, Response response, Callback callback, ExchangeRecorder record,
            XRoadErrorType internalError, String side) {
        Callback recorded = Callback.from(() -> {
            record.finish();
            callback.succeeded();
        }, failure -> {
            record.finish();
            callback.failed(failure);
        });
        try {
            exchange.run(request, response, recorded, record);
        } catch (XRoadException e) {
            error(response, recorded, e, record);
        } catch (RuntimeException e) {
            LOG.error("Internal error on a " + side + " request", e);
            error(response, recorded, new XRoadException(internalError, "Internal error in the " + side + " gateway"),
                    record);
        }
    }

    static void error(Response response, Callback callback, XRoadException failure, ExchangeRecorder record) {
        XRoadError error = failure.toError(UUID.randomUUID().toString());
        record.status = error.httpStatus();
        record.fault = error.type();
        if (response.isCommitted()) {
            callback.failed(failure);
            return;
        }
        response.reset();
        response.setStatus(error.httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, XRoadError.CONTENT_TYPE);
        response.getHeaders().put(ExchangeHeaders.ERROR, error.headerValue());
        byte[] body = error.toJson().getBytes(StandardCharsets.UTF_8);
        record.responseBytes = body.length;
        record.responseBody(body, 0, body.length);
        try {
            record.durable(response);
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Copies a body, failing with {@link ResponseTooLargeException} past {@code limit} bytes; returns
     * the bytes copied. The last chunk read is held back until the exchange is in the message log
     * ({@link ExchangeRecorder#durable}), so that no caller receives a whole response that is not
     * logged; on failure the response is left incomplete for the caller to abort.
     */
    static long copy(InputStream in, Response response, long limit, ExchangeRecorder record) throws IOException {
        long total = 0;
        OutputStream out = Content.Sink.asOutputStream(response);
        byte[] buffer = new byte[16 * 1024];
        byte[] held = new byte[16 * 1024];
        int heldLength = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (read == 0) {
                continue;
            }
            total += read;
            if (total > limit) {
                throw new ResponseTooLargeException(limit);
            }
            record.responseBody(buffer, 0, read);
            if (heldLength > 0) {
                out.write(held, 0, heldLength);
            }
            byte[] swap = held;
            held = buffer;
            buffer = swap;
            heldLength = read;
        }
        record.responseBytes = total;
        record.durable(response);
        if (heldLength > 0) {
            out.write(held, 0, heldLength);
        }
        out.close();
        return total;
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    static boolean tlsFailure(Throwable failure) {
        return causedBy(failure, SSLHandshakeException.class) || causedBy(failure, javax.net.ssl.SSLException.class);
    }

    /** A response body grew past the configured maximum while it was being relayed. */
    static final class ResponseTooLargeException extends IOException {

        ResponseTooLargeException(long limit) {
            super("The response body is larger than the limit of " + limit + " bytes");
        }
    }
}
