package vn.ndp.gateway.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jetty.client.ContentSourceRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Invocable;

import vn.ndp.protocol.errors.Failures;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * Carries one request to the next hop (the provider's gateway, or the backend) and its answer back
 * without holding a thread while either side waits: the request body flows as the next hop reads
 * it, the response body as the caller's connection takes it, chunk by chunk, never whole. Each
 * chunk is written once the next one has arrived, so the last one is still held when the body
 * ends; it is released only after the exchange is in the message log, so no caller receives a
 * whole response that is not logged.
 */
final class Relay {

    /**
     * Checks the next hop's answer and sets the caller's status and headers, but for its Content-Length, which the relay
     * sets; throws {@link XRoadException} to refuse it.
     */
    @FunctionalInterface
    interface Answer {
        void accept(org.eclipse.jetty.client.Response reply);
    }

    /**
     * The next hop as the relay waits on it: its name in messages ({@code The provider service}), the error when it
     * has not sent its whole answer within the exchange's time limit, the error when its answer is larger than the
     * limit, and how long after the request was sent whole the head of its answer may take to arrive.
     */
    record NextHop(Supplier<String> name, XRoadErrorType tooSlow, XRoadErrorType tooLarge, Duration answerTimeout) {
    }

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<org.eclipse.jetty.client.Request> request;
    private final MeteredSource body;
    private final Response response;
    private final Callback callback;
    private final ExchangeRecorder record;
    private final long maxBodyBytes;
    private final Answer answer;
    private final Function<Throwable, XRoadException> failed;
    private final Function<Throwable, XRoadException> broken;
    private final ExchangeDeadlines deadlines;
    private final NextHop hop;
    private final long finishBy;
    /** The answer's body being relayed, once its head has been accepted. */
    private volatile BodyRelay relaying;
    /** Set when the exchange is cut off at its time limit: what fails after that is put down to it. */
    private volatile ExchangeDeadlines.DeadlineException cutOff;
    /**
     * Whom the exchange was waiting on when the next hop's answer failed (null while it has not): when it was the caller,
     * not taking the answer, the relay had stopped reading the next hop, so the next hop's idle timeout is the caller's
     * doing.
     */
    private volatile ExchangeDeadlines.Waiting answerFailedWaitingOn;

    /**
     * @param request   builds the request to the next hop, without body (called again for a resend)
     * @param body      the request body as forwarded ({@link MeteredSource#of}), or null without one
     * @param maxBodyBytes the limit of the request body, as metered, and of the answer's
     * @param failed    the X-Road error for a failure before the answer's headers (cannot connect, timeout...)
     * @param broken    the X-Road error for a failure while the answer's body is relayed, if the caller has
     *                  not yet received anything; an answer past {@code maxBodyBytes}, declared so or grown past
     *                  it, is the relay's own refusal ({@link NextHop#tooLarge})
     */
    Relay(Supplier<org.eclipse.jetty.client.Request> request, MeteredSource body, Response response, Callback callback,
          ExchangeRecorder record, long maxBodyBytes, Answer answer, Function<Throwable, XRoadException> failed,
          Function<Throwable, XRoadException> broken, ExchangeDeadlines deadlines, NextHop hop) {
        this.request = request;
        this.body = body;
        this.response = response;
        this.callback = callback;
        this.record = record;
        this.maxBodyBytes = maxBodyBytes;
        this.answer = answer;
        this.failed = failed;
        this.broken = broken;
        this.deadlines = deadlines;
        this.hop = hop;
        this.finishBy = deadlines.exchangeDeadline(record.startNanos());
    }

    /** Sends the request and relays its answer to the caller. */
    void send() {
        attempt(1);
    }

    private void attempt(int attempt) {
        AtomicBoolean answered = new AtomicBoolean();
        org.eclipse.jetty.client.Request out = request.get();
        if (body != null) {
            out.body(new ContentSourceRequestContent(body, null));
        }
        Attempt watched = new Attempt(out);
        deadlines.watch(watched);
        out.onResponseFailure((reply, failure) -> answerFailedWaitingOn = waitingOn());
        out.onResponseContentSource((reply, source) -> {
            answered.set(true);
            record.requestBytes = body == null ? 0 : body.bytes();
            try {
                long length = reply.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
                if (length > maxBodyBytes) {
                    throw answerTooLarge();
                }
                answer.accept(reply);
                if (length >= 0) {
                    // the declared length goes on whichever side relays it: the body is streamed as it comes
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
                }
            } catch (XRoadException e) {
                reply.abort(e);
                Responses.error(response, callback, e, record);
                return;
            }
            record.status = reply.getStatus();
            BodyRelay relay = new BodyRelay(source, response, callback, record, maxBodyBytes, this::brokenOff);
            relaying = relay;
            relay.iterate();
        });
        out.send(result -> {
            deadlines.unwatch(watched);
            if (result.isFailed() && answered.compareAndSet(false, true)) {
                Throwable failure = result.getFailure();
                if (attempt == 1 && body == null && IDEMPOTENT.contains(out.getMethod())
                        && closedUnderTheRequest(failure)) {
                    // A pooled keep-alive connection the other side had just closed: nothing was
                    // answered, and the request has no body and is idempotent, so it is sent once more.
                    attempt(2);
                    return;
                }
                record.requestBytes = body == null ? 0 : body.bytes();
                ExchangeDeadlines.Waiting waiting = waitingOn(); // before the body is failed
                if (body != null) {
                    // a request failed before its body was read (no connection, queued too long) leaves the body's
                    // first chunk held (HTTP/2, see MeteredSource.of): failing the body releases it
                    body.fail(failure);
                }
                Responses.error(response, callback, blame(failure, waiting, false), record);
            }
        });
    }

    /**
     * Whom the exchange is waiting on now: the caller, to take a write to it pending longer than a reading caller takes;
     * the caller, to send more of its request body; else the next hop. The sweeper asks it when a limit passes, and each
     * failure as it happens, so that the error names whom the exchange was held up by.
     */
    private ExchangeDeadlines.Waiting waitingOn() {
        BodyRelay relay = relaying;
        if (relay != null && relay.stalledOnCaller(System.nanoTime())) {
            return ExchangeDeadlines.Waiting.CALLER_READING;
        }
        return body != null && body.awaitingCaller()
                ? ExchangeDeadlines.Waiting.CALLER_SENDING : ExchangeDeadlines.Waiting.NEXT_HOP;
    }

    /** The error for an answer whose relay failed: the caller's when the failure is the write to it. */
    private XRoadException brokenOff(Throwable failure) {
        return blame(failure, relaying.writeFailed() ? ExchangeDeadlines.Waiting.CALLER_READING : answerFailedWaitingOn,
                true);
    }

    /**
     * The error for a failed exchange, naming whom it was waiting on. Cut off at {@code limits.exchangeTimeout}, that is
     * whom the sweeper found, whatever failure followed (the aborted request, or a write to the caller timing out).
     * Otherwise it is {@code waiting}, as found when the failure happened: while the answer is relayed, a caller that
     * had stopped taking it; before the answer began, a caller that had stopped sending its body until the next hop's
     * connection fell idle, or whose body grew past the limit. Anything else is the next hop's failure, in the side's own
     * words.
     *
     * @param waiting   whom the exchange was waiting on when the failure happened, or null when that was not found
     * @param answering whether the answer's body was being relayed (else the request failed before its answer began)
     */
    private XRoadException blame(Throwable failure, ExchangeDeadlines.Waiting waiting, boolean answering) {
        ExchangeDeadlines.DeadlineException late = cutOff;
        if (late != null) {
            return switch (late.waitingOn) {
                case CALLER_SENDING -> callersFault("The request body had not arrived whole when " + late.getMessage());
                case CALLER_READING -> callersFault("The caller had not read the whole answer when " + late.getMessage());
                case NEXT_HOP -> new XRoadException(hop.tooSlow(), hop.name().get() + " had not sent its whole answer when "
                        + late.getMessage());
            };
        }
        if (answering) {
            if (waiting == ExchangeDeadlines.Waiting.CALLER_READING) {
                return callersFault("The caller stopped taking the answer: " + Failures.describe(failure));
            }
            return Responses.causedBy(failure, AnswerTooLargeException.class) ? answerTooLarge() : broken.apply(failure);
        }
        if (Responses.causedBy(failure, MeteredSource.BodyTooLargeException.class)) {
            return MeteredSource.tooLarge(maxBodyBytes);
        }
        if (Responses.causedBy(failure, TimeoutException.class)) {
            if (waiting == ExchangeDeadlines.Waiting.CALLER_SENDING) {
                return callersFault("The request body stopped arriving for " + hop.answerTimeout() + " before it was whole");
            }
            deadlines.late(ExchangeDeadlines.Limit.ANSWER);
        }
        return failed.apply(failure);
    }

    /** The next hop's error for an answer larger than the limit, declared so in its head or grown past it as it was relayed. */
    private XRoadException answerTooLarge() {
        return new XRoadException(hop.tooLarge(), hop.name().get() + " sent an answer larger than the limit of "
                + maxBodyBytes + " bytes");
    }

    private static XRoadException callersFault(String message) {
        return new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, message);
    }

    /**
     * One request to the next hop as the deadline sweeper sees it. One per attempt, so that a resend is watched on its
     * own and the sweeper can never act on an attempt that has ended.
     */
    private final class Attempt implements ExchangeDeadlines.Watched {

        private final org.eclipse.jetty.client.Request out;
        private volatile long sentAt;
        private volatile boolean sent;
        /** Apart from {@link #sent}: a quick answer may arrive before the client reports the request sent. */
        private volatile boolean headArrived;

        Attempt(org.eclipse.jetty.client.Request out) {
            this.out = out;
            out.onRequestSuccess(request -> {
                sentAt = System.nanoTime();
                sent = true;
            });
            out.onResponseHeaders(reply -> headArrived = true);
        }

        @Override
        public void expireIfLate(long nowNanos) {
            if (nowNanos - finishBy > 0) {
                abort(new ExchangeDeadlines.DeadlineException(ExchangeDeadlines.Limit.EXCHANGE, waitingOn(),
                        "the exchange did not finish within limits.exchangeTimeout (" + deadlines.exchangeTimeout() + ")"));
            } else if (sent && !headArrived && nowNanos - sentAt - hop.answerTimeout().toNanos() > 0) {
                abort(new ExchangeDeadlines.DeadlineException(ExchangeDeadlines.Limit.ANSWER,
                        ExchangeDeadlines.Waiting.NEXT_HOP, "the answer did not begin within " + hop.answerTimeout()));
            }
        }

        private void abort(ExchangeDeadlines.DeadlineException late) {
            deadlines.unwatch(this);
            if (late.limit == ExchangeDeadlines.Limit.EXCHANGE) {
                cutOff = late;
            }
            out.abort(late).thenAccept(aborted -> {
                if (aborted && late.limit == ExchangeDeadlines.Limit.EXCHANGE) {
                    deadlines.late(late.limit);
                }
            });
        }
    }

    /** The connection was closed under the request (not refused, not timed out, not a TLS failure). */
    private static boolean closedUnderTheRequest(Throwable failure) {
        return !Responses.tlsFailure(failure) && !Responses.causedBy(failure, TimeoutException.class)
                && (Responses.causedBy(failure, java.nio.channels.ClosedChannelException.class)
                || Responses.causedBy(failure, java.io.EOFException.class));
    }

    /** The answer's body grew past the limit as it was relayed: {@link #blame} makes it the next hop's error. */
    private static final class AnswerTooLargeException extends IOException {
    }

    /** Copies the answer's body to the caller, one chunk behind, and completes the exchange. */
    private static final class BodyRelay extends IteratingCallback {

        private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
        /** A write still pending after this long waits on the caller: writes to a reading caller take microseconds. */
        private static final long STALLED_WRITE_NANOS = Duration.ofMillis(100).toNanos();

        private final Content.Source source;
        private final Response response;
        private final Callback callback;
        private final ExchangeRecorder record;
        private final long limit;
        private final Function<Throwable, XRoadException> broken;
        private final Runnable demand = Invocable.from(InvocationType.NON_BLOCKING, this::iterate);
        private Content.Chunk held;
        private volatile Content.Chunk writing;
        private volatile long writeSince;
        private boolean ended;
        private boolean completing;
        private long total;

        BodyRelay(Content.Source source, Response response, Callback callback, ExchangeRecorder record, long limit,
                  Function<Throwable, XRoadException> broken) {
            this.source = source;
            this.response = response;
            this.callback = callback;
            this.record = record;
            this.limit = limit;
            this.broken = broken;
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        protected Action process() throws Throwable {
            release();
            if (completing) {
                return Action.SUCCEEDED;
            }
            while (!ended) {
                Content.Chunk chunk = source.read();
                if (chunk == null) {
                    source.demand(demand);
                    return Action.IDLE;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    throw chunk.getFailure();
                }
                int size = chunk.remaining();
                ended = chunk.isLast();
                if (size == 0) {
                    chunk.release();
                    continue;
                }
                total += size;
                if (total > limit) {
                    chunk.release();
                    throw new AnswerTooLargeException();
                }
                record.responseBody(chunk.getByteBuffer());
                Content.Chunk previous = held;
                held = chunk;
                if (previous != null) {
                    writeSince = System.nanoTime();
                    writing = previous;
                    response.write(false, previous.getByteBuffer(), this);
                    return Action.SCHEDULED;
                }
            }
            record.responseBytes = total;
            completing = true;
            record.durable(response).whenComplete((ok, failure) -> {
                if (failure != null) {
                    failed(failure);
                    return;
                }
                writeSince = System.nanoTime();
                writing = held;
                held = null;
                response.write(true, writing == null ? NOTHING : writing.getByteBuffer(), this);
            });
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            callback.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable failure) {
            XRoadException error = broken.apply(failure); // before release(): it asks whether a write was pending
            release();
            if (held != null) {
                held.release();
                held = null;
            }
            source.fail(failure);
            record.responseBytes = total;
            if (!response.isCommitted()) {
                Responses.error(response, callback, error, record);
                return;
            }
            record.fault = error.type().code();
            callback.failed(failure);
        }

        /**
         * A write to the caller has been under way for longer than a write to a reading caller takes: the relay is
         * held up by the caller, not by the next hop.
         */
        boolean stalledOnCaller(long nowNanos) {
            return writing != null && nowNanos - writeSince > STALLED_WRITE_NANOS;
        }

        /** In {@link #onCompleteFailure}: the failure is the write to the caller's (the caller went away or stalled). */
        boolean writeFailed() {
            return writing != null;
        }

        private void release() {
            if (writing != null) {
                writing.release();
                writing = null;
            }
        }
    }
}
