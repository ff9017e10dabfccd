package vn.ndp.gateway.exchange;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Passes a request body through chunk by chunk (never buffering it whole), counting the bytes,
 * adding them to the request hash, and failing the body as soon as it grows past the limit.
 */
final class MeteredSource implements Content.Source {

    /** The body grew past the configured maximum. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super("The request body is larger than the limit of " + limit + " bytes", null, false, false);
        }
    }

    private final Content.Source delegate;
    private final long limit;
    private final RequestHash hash;
    private volatile long bytes;
    private volatile boolean complete;

    /** The body of {@code request} metered, or null when the request has none. */
    static MeteredSource of(Request request, long limit, RequestHash hash) {
        long length = request.getLength();
        boolean body = length > 0 || length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        return body ? new MeteredSource(request, limit, hash) : null;
    }

    private MeteredSource(Content.Source delegate, long limit, RequestHash hash) {
        this.delegate = delegate;
        this.limit = limit;
        this.hash = hash;
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = delegate.read();
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
        delegate.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
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
}
