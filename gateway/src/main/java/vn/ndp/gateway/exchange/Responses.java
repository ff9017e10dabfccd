package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

import vn.ndp.gateway.messagelog.MessageLog;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.usage.UsageAggregate;

/** Running an exchange and writing the gateway's own answers (errors, metaservices). */
final class Responses {

    private Responses() {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Responses.class);

    /** One side's handling of an exchange: answers through the callback or throws an {@link XRoadException}. */
    @FunctionalInterface
    interface Exchange {
        void run(Request request, Response response, Callback callback, ExchangeRecorder record);
    }

    /** Which proxy runs an exchange, and the error types it answers with. */
    enum Side {
        CONSUMER(UsageAggregate.CONSUMER, XRoadErrorType.CLIENT_PROXY_INTERNAL_ERROR,
                XRoadErrorType.CLIENT_PROXY_OUT_OF_CAPACITY),
        PROVIDER(UsageAggregate.PROVIDER, XRoadErrorType.SERVER_PROXY_INTERNAL_ERROR,
                XRoadErrorType.SERVER_PROXY_OUT_OF_CAPACITY);

        /** The side's name in messages and in the records of its exchanges ({@code consumer}, {@code provider}). */
        final String name;
        final XRoadErrorType internalError;
        final XRoadErrorType outOfCapacity;

        Side(String name, XRoadErrorType internalError, XRoadErrorType outOfCapacity) {
            this.name = name;
            this.internalError = internalError;
            this.outOfCapacity = outOfCapacity;
        }
    }

    /** Where one side takes in its exchanges: each recorded from its arrival, and run within the gateway's capacity. */
    record Intake(Side side, ExchangeCapacity capacity, OperationalMonitor monitor, MessageLog log, Clock clock) {

        /**
         * Runs an exchange of this side so that its record is finished exactly once however it ends, and any failure
         * reaches the caller as an X-Road error (the side's internal error for the unexpected ones). The exchange
         * holds a place in {@code capacity} until its response is complete; with every place taken it is refused at
         * once as out of capacity, and nothing is forwarded.
         */
        void run(Exchange exchange, Request request, Response response, Callback callback) {
            ExchangeRecorder record = new ExchangeRecorder(monitor, log, clock, side.name, request);
            request.setAttribute(ProtocolErrorHandler.HANDLED, record);
            boolean admitted = capacity.tryEnter(side == Side.CONSUMER);
            Callback recorded = new FinishingOnce(callback, () -> finish(record, capacity, admitted));
            if (!admitted) {
                error(response, recorded, new XRoadException(side.outOfCapacity, "The " + side.name + " gateway is handling "
                        + capacity.max() + " exchanges, as many as it takes at once; try again shortly"), record);
                return;
            }
            attempt(exchange, request, response, recorded, record, side);
        }
    }

    /**
     * Completes {@code callback}, having run {@code finish} before it the first time: once however the answer ends,
     * and however often it is told.
     */
    static final class FinishingOnce implements Callback {

        private final Callback callback;
        private final Runnable finish;
        private final AtomicBoolean finished = new AtomicBoolean();

        FinishingOnce(Callback callback, Runnable finish) {
            this.callback = callback;
            this.finish = finish;
        }

        @Override
        public void succeeded() {
            finishOnce();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            finishOnce();
            callback.failed(failure);
        }

        private void finishOnce() {
            if (finished.compareAndSet(false, true)) {
                finish.run();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    private static void finish(ExchangeRecorder record, ExchangeCapacity capacity, boolean admitted) {
        if (admitted) {
            capacity.leave();
        }
        record.finish();
    }

    /** Runs (part of) an exchange whose callback is already recorded, answering any failure as an X-Road error. */
    static void attempt(Exchange exchange, Request request, Response response, Callback recorded, ExchangeRecorder record,
            Side side) {
        try {
            exchange.run(request, response, recorded, record);
        } catch (XRoadException e) {
            error(response, recorded, e, record);
        } catch (RuntimeException e) {
            LOG.error("Internal error on a " + side.name + " request", e);
            error(response, recorded, new XRoadException(side.internalError, "Internal error in the " + side.name
                    + " gateway"), record);
        }
    }

    /**
     * Sends an error of this gateway: status 400 or 500, the JSON body and the {@code X-Road-Error} header. Its
     * {@code detail} is the exchange's X-Road-Id, also sent as the {@code X-Road-Id} header, so that whoever got
     * the error can name the exchange it was logged under; a request refused before it had an X-Road-Id gets a new
     * one.
     */
    static void error(Response response, Callback callback, XRoadException failure, ExchangeRecorder record) {
        boolean identified = !record.xroadId.isEmpty();
        XRoadError error = failure.toError(identified ? record.xroadId : UUID.randomUUID().toString());
        if (response.isCommitted()) {
            // too late to answer with it: the exchange is broken off, and recorded with the error
            record.status = error.httpStatus();
            record.fault = error.type();
            callback.failed(failure);
            return;
        }
        response.reset();
        sendError(response, callback, record, error);
    }

    /**
     * Sends {@code error} as the answer to a recorded exchange (the response not yet committed): under its detail as
     * X-Road-Id, in the {@code X-Road-Id} header and in the record, which goes to the message log first.
     */
    static void sendError(Response response, Callback callback, ExchangeRecorder record, XRoadError error) {
        record.xroadId = error.detail();
        record.status = error.httpStatus();
        record.fault = error.type();
        response.getHeaders().put(ExchangeHeaders.ID, error.detail());
        send(response, callback, record, errorAnswer(response, error));
    }

    /**
     * Sets {@code error}'s status and its {@code Content-Type} and {@code X-Road-Error} headers on a response not yet
     * committed, and returns the body that says it.
     */
    static byte[] errorAnswer(Response response, XRoadError error) {
        response.setStatus(error.httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, XRoadError.CONTENT_TYPE);
        response.getHeaders().put(ExchangeHeaders.ERROR, error.headerValue());
        return error.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends a whole body the gateway made itself (status and headers already set): the exchange goes
     * to the message log first, and the body is written once it is there.
     */
    static void send(Response response, Callback callback, ExchangeRecorder record, byte[] body) {
        record.responseBytes = body.length;
        record.responseBody(body, 0, body.length);
        record.durable(response).whenComplete((ok, failure) -> {
            if (failure != null) {
                callback.failed(failure);
            } else {
                response.write(true, ByteBuffer.wrap(body), callback);
            }
        });
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
}
