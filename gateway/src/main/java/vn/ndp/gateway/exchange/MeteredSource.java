package vn.ndp.gateway.exchange;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * Passes a request body through chunk by chunk (never buffering it whole), counting the bytes,
 * adding them to the request hash, and failing the body as soon as it grows past the limit. When
 * the next hop answers before it has read the whole body, {@link #detach} takes the body from it
 * and {@link #drain} reads the rest here, so that the caller's error can say whether it was too large.
 */
final class MeteredSource implements Content.Source {

    /** The body grew past the configured maximum. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super(tooLargeMessage(limit), null, false, false);
        }
    }

    /** The caller's error for a request body past the limit, declared so in advance or grown past it as it streamed. */
    static XRoadException tooLarge(long limit) {
        return new XRoadException(XRoadErrorType.CLIENT_INVALID_BODY, tooLargeMessage(limit));
    }

    private static String tooLargeMessage(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes";
    }

    private final Content.Source delegate;
    private final long limit;
    private final RequestHash hash;
    private volatile long bytes;
    private volatile boolean complete;
    /** The last read found nothing: the next hop is ready for more of the body, and the caller has not sent it yet. */
    private volatile boolean awaitingCaller;
    /**
     * A chunk read to learn whether there is a body at all (HTTP/2), handed out by the first {@link #read()}; taken
     * atomically, since a timeout may fail the body on another thread while the relay reads it.
     */
    private final AtomicReference<Content.Chunk> first;
    /** Set once the body is taken from the next hop's client: its reads fail, and the caller's body is not failed. */
    private volatile boolean detached;
    /** Why the next hop's client gave the body up, if it did: the caller's body is failed only once the relay settles. */
    private volatile Throwable givenUp;
    /** When the last bytes of the body arrived (or the body was opened), in {@link System#nanoTime()}. */
    private volatile long arrivedNanos = System.nanoTime();
    /** The body grew past the limit. */
    private volatile boolean tooLarge;
    /** Who waits for more of the body: the next hop's client, or the drain once the body is detached. */
    private volatile Runnable waiting;
    /** Whether a demand is pending on the caller's body: at most one at a time, whoever waits. */
    private final AtomicBoolean demanding = new AtomicBoolean();

    /**
     * The body of {@code request} metered, or null when the request has none. A body whose declared length is already
     * past the limit is refused here, before anything is forwarded.
     */
    static MeteredSource of(Request request, long limit, RequestHash hash) {
        long length = request.getLength();
        if (length > limit) {
            throw tooLarge(limit);
        }
        if (length >= 0) {
            return length > 0 ? new MeteredSource(request, limit, hash, null) : null;
        }
        if (request.getConnectionMetaData().getHttpVersion().getVersion() < HttpVersion.HTTP_2.getVersion()) {
            // HTTP/1.x (RFC 9112 6.3): a request without Content-Length has a body only when chunked
            boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            return chunked ? new MeteredSource(request, limit, hash, null) : null;
        }
        // HTTP/2: no length is said either when there is no body (the headers ended the stream) or when the body's length
        // is not known in advance (it streams). Only the stream knows: a request without body has already ended, so its
        // first read is the end, empty.
        Content.Chunk first = request.read();
        if (first != null && first.isLast() && !first.hasRemaining() && !Content.Chunk.isFailure(first)) {
            first.release();
            return null;
        }
        return new MeteredSource(request, limit, hash, first);
    }

    private MeteredSource(Content.Source delegate, long limit, RequestHash hash, Content.Chunk first) {
        this.delegate = delegate;
        this.limit = limit;
        this.hash = hash;
        this.first = new AtomicReference<>(first);
    }

    @Override
    public Content.Chunk read() {
        if (detached || givenUp != null) {
            return Content.Chunk.from(new IOException("The request body was taken from this reader"), true);
        }
        return meter(take(), true);
    }

    private Content.Chunk take() {
        Content.Chunk chunk = first.getAndSet(null);
        return chunk != null ? chunk : delegate.read();
    }

    private Content.Chunk meter(Content.Chunk chunk, boolean hashed) {
        if (chunk == null) {
            awaitingCaller = true;
        } else if (!Content.Chunk.isFailure(chunk)) {
            awaitingCaller = false;
        }
        // a failure chunk leaves it as it was: after a timeout the next hop's client fails the body and may read it
        // once more, and that read must not unsay who was being waited on when the timeout struck
        if (chunk == null || Content.Chunk.isFailure(chunk)) {
            return chunk;
        }
        arrivedNanos = System.nanoTime();
        int size = chunk.remaining();
        if (size > 0) {
            long total = bytes + size;
            if (total > limit) {
                tooLarge = true;
                chunk.release();
                BodyTooLargeException failure = new BodyTooLargeException(limit);
                delegate.fail(failure);
                return Content.Chunk.from(failure, true);
            }
            bytes = total;
            if (hashed) {
                hash.body(chunk.getByteBuffer());
            }
        }
        if (chunk.isLast()) {
            complete = true;
        }
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (first.get() != null || detached) {
            demandCallback.run(); // a chunk is waiting to be read, or the failure of a detached body
        } else {
            demandCaller(demandCallback);
        }
    }

    /** Runs {@code callback} when more of the body has arrived; it replaces any callback a pending demand would run. */
    private void demandCaller(Runnable callback) {
        waiting = callback;
        if (demanding.compareAndSet(false, true)) {
            // as the callback it is given, so that Jetty runs it on the thread it would have
            delegate.demand(Invocable.from(Invocable.getInvocationType(callback), () -> {
                demanding.set(false);
                waiting.run();
            }));
        }
    }

    /**
     * The next hop's client gives the body up. The caller's body is failed only by {@link #settle}, once the relay knows
     * it will not {@link #drain} it: the next hop may close its side before its answer is seen.
     */
    @Override
    public void fail(Throwable failure) {
        givenUp = failure;
    }

    /** Fails the caller's body (unless {@link #detach detached}), releasing a chunk read ahead of the next hop. */
    void failCaller(Throwable failure) {
        if (detached) {
            return;
        }
        Content.Chunk waitingChunk = first.getAndSet(null);
        if (waitingChunk != null) {
            waitingChunk.release();
        }
        delegate.fail(failure);
    }

    /** Once the next hop's request has ended: fails the caller's body if the next hop's client gave it up. */
    void settle() {
        Throwable failure = givenUp;
        if (failure != null) {
            failCaller(failure);
        }
    }

    /**
     * Takes the body from the next hop's client: from now on its reads fail and its giving the body up leaves the
     * caller's request alone, so that {@link #drain} can read the rest once that client has stopped.
     */
    void detach() {
        detached = true;
    }

    /**
     * Reads the rest of a {@link #detach detached} body, metered but sent nowhere, until it ends, fails or grows past the
     * limit ({@link #tooLarge}); then runs {@code ended}. Only once the next hop's client has stopped reading.
     */
    void drain(Runnable ended) {
        while (true) {
            Content.Chunk chunk = meter(take(), false); // the hash was taken when the next hop answered
            if (chunk == null) {
                demandCaller(() -> drain(ended));
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                ended.run(); // past the limit, or the caller's request broke off
                return;
            }
            chunk.release();
            if (chunk.isLast()) {
                ended.run();
                return;
            }
        }
    }

    /** Ends a {@link #drain} that waits too long for the caller: fails the caller's body. */
    void stopDrain(Throwable failure) {
        delegate.fail(failure);
    }

    /** How long the body has waited for more bytes from the caller, at {@code nowNanos}. */
    long quietNanos(long nowNanos) {
        return nowNanos - arrivedNanos;
    }

    /** Whether the body grew past the limit. */
    boolean tooLarge() {
        return tooLarge;
    }

    @Override
    public long getLength() {
        return delegate.getLength();
    }

    long bytes() {
        return bytes;
    }

    boolean complete() {
        return complete;
    }

    /** Whether the body is held up by its sender (the caller), not by its reader (the next hop). */
    boolean awaitingCaller() {
        return awaitingCaller && !complete;
    }
}
