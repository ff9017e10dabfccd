package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jetty.client.ContentSourceRequestContent;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Invocable;

import vn.ndp.protocol.errors.XRoadException;

/**
 * Carries one request to the next hop (the provider's gateway, or the backend) and its answer back
 * without holding a thread while either side waits: the request body flows as the next hop reads
 * it, the response body as the caller's connection takes it, chunk by chunk, never whole. Each
 * chunk is written once the next one has arrived, so the last one is still held when the body
 * ends; it is released only after the exchange is in the message log, so no caller receives a
 * whole response that is not logged.
 */
final class Relay implements ExchangeDeadlines.Watched {

    /** Checks the next hop's answer and sets the caller's status and headers; throws {@link XRoadException} to refuse it. */
    @FunctionalInterface
    interface Answer {
        void accept(org.eclipse.jetty.client.Response reply);
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
    private final long answerTimeoutNanos;
    private final String answerTimeoutText;
    private final long finishBy;
    /** The request to the next hop now being sent or answered. */
    private volatile org.eclipse.jetty.client.Request current;
    /** The {@link System#nanoTime()} by which the head of the answer must arrive; 0 while that is not awaited. */
    private volatile long answerBy;

    /**
     * @param request   builds the request to the next hop, without body (called again for a resend)
     * @param body      the request body as forwarded ({@link MeteredSource#of}), or null without one
     * @param failed    the X-Road error for a failure before the answer's headers (cannot connect, timeout...)
     * @param broken    the X-Road error for a failure while the answer's body is relayed, if the caller has
     *                  not yet received anything
     * @param answerTimeout how long after the request was sent whole the answer's head may take to arrive
     */
    Relay(Supplier<org.eclipse.jetty.client.Request> request, MeteredSource body, Response response, Callback callback,
          ExchangeRecorder record, long maxBodyBytes, Answer answer, Function<Throwable, XRoadException> failed,
          Function<Throwable, XRoadException> broken, ExchangeDeadlines deadlines, java.time.Duration answerTimeout) {
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
        this.answerTimeoutNanos = answerTimeout.toNanos();
        this.answerTimeoutText = answerTimeout.toString();
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
        out.onRequestSuccess(sent -> answerBy = Math.max(1, System.nanoTime() + answerTimeoutNanos));
        out.onResponseHeaders(reply -> answerBy = 0);
        current = out;
        deadlines.watch(this);
        out.onResponseContentSource((reply, source) -> {
            answered.set(true);
            record.requestBytes = body == null ? 0 : body.bytes();
            try {
                answer.accept(reply);
            } catch (XRoadException e) {
                reply.abort(e);
                Responses.error(response, callback, e, record);
                return;
            }
            record.status = reply.getStatus();
            new BodyRelay(source, response, callback, record, maxBodyBytes, broken).iterate();
        });
        out.send(result -> {
            deadlines.unwatch(this);
            if (result.isFailed() && answered.compareAndSet(false, true)) {
                if (attempt == 1 && body == null && IDEMPOTENT.contains(out.getMethod())
                        && closedUnderTheRequest(result.getFailure())) {
                    // A pooled keep-alive connection the other side had just closed: nothing was
                    // answered, and the request has no body and is idempotent, so it is sent once more.
                    attempt(2);
                    return;
                }
                record.requestBytes = body == null ? 0 : body.bytes();
                if (body != null) {
                    // a request failed before its body was read (no connection, queued too long) leaves the body's
                    // first chunk held (HTTP/2, see MeteredSource.of): failing the body releases it
                    body.fail(result.getFailure());
                }
                Responses.error(response, callback, failed.apply(result.getFailure()), record);
            }
        });
    }

    @Override
    public void expireIfLate(long nowNanos) {
        org.eclipse.jetty.client.Request out = current;
        if (nowNanos - finishBy > 0) {
            abort(out, new ExchangeDeadlines.DeadlineException(ExchangeDeadlines.Limit.EXCHANGE,
                    "the exchange did not finish within limits.exchangeTimeout (" + deadlines.exchangeTimeout() + ")"));
            return;
        }
        long by = answerBy;
        if (by != 0 && nowNanos - by > 0) {
            abort(out, new ExchangeDeadlines.DeadlineException(ExchangeDeadlines.Limit.ANSWER,
                    "the answer did not begin within " + answerTimeoutText + " of the request"));
        }
    }

    private void abort(org.eclipse.jetty.client.Request out, ExchangeDeadlines.DeadlineException late) {
        deadlines.unwatch(this);
        out.abort(late).thenAccept(aborted -> {
            if (aborted) {
                deadlines.late(late.limit);
            }
        });
    }

    /** The connection was closed under the request (not refused, not timed out, not a TLS failure). */
    private static boolean closedUnderTheRequest(Throwable failure) {
        return !Responses.tlsFailure(failure) && !Responses.causedBy(failure, java.util.concurrent.TimeoutException.class)
                && (Responses.causedBy(failure, java.nio.channels.ClosedChannelException.class)
                || Responses.causedBy(failure, java.io.EOFException.class));
    }

    /** Copies the answer's body to the caller, one chunk behind, and completes the exchange. */
    private static final class BodyRelay extends IteratingCallback {

        private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

        private final Content.Source source;
        private final Response response;
        private final Callback callback;
        private final ExchangeRecorder record;
        private final long limit;
        private final Function<Throwable, XRoadException> broken;
        private final Runnable demand = Invocable.from(InvocationType.NON_BLOCKING, this::iterate);
        private Content.Chunk held;
        private Content.Chunk writing;
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
                    throw new Responses.ResponseTooLargeException(limit);
                }
                record.responseBody(chunk.getByteBuffer());
                Content.Chunk previous = held;
                held = chunk;
                if (previous != null) {
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
            release();
            if (held != null) {
                held.release();
                held = null;
            }
            source.fail(failure);
            record.responseBytes = total;
            if (!response.isCommitted()) {
                Responses.error(response, callback, broken.apply(failure), record);
                return;
            }
            record.fault = broken.apply(failure).type().code();
            callback.failed(failure);
        }

        private void release() {
            if (writing != null) {
                writing.release();
                writing = null;
            }
        }
    }
}
