package vn.ndp.gateway.exchange;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * Passes a request body through chunk by chunk (never buffering it whole), counting the bytes,
 * adding them to the request hash, and failing the body as soon as it grows past the limit.
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
        Content.Chunk chunk = first.getAndSet(null);
        if (chunk == null) {
            chunk = delegate.read();
        }
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
        int size = chunk.remaining();
        if (size > 0) {
            long total = bytes + size;
            if (total > limit) {
                chunk.release();
                BodyTooLargeException failure = new BodyTooLargeException(limit);
                delegate.fail(failure);
                return Content.Chunk.from(failure, true);
            }
            bytes = total;
            hash.body(chunk.getByteBuffer());
        }
        if (chunk.isLast()) {
            complete = true;
        }
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (first.get() != null) {
            demandCallback.run(); // a chunk is waiting to be read
        } else {
            delegate.demand(demandCallback);
        }
    }

    @Override
    public void fail(Throwable failure) {
        Content.Chunk waiting = first.getAndSet(null);
        if (waiting != null) {
            waiting.release();
        }
        delegate.fail(failure);
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
