package vn.ndp.gateway.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A copy of a body kept for the message log while it stays within a limit; past it, none is kept. */
final class BoundedCopy {

    private final long limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BoundedCopy(long limit) {
        this.limit = limit;
    }

    /** Adds the buffer's remaining bytes without moving its position. */
    void add(ByteBuffer buffer) {
        if (bytes == null) {
            return;
        }
        int length = buffer.remaining();
        if (bytes.size() + length > limit) {
            bytes = null;
            return;
        }
        byte[] copy = new byte[length];
        buffer.slice().get(copy);
        bytes.write(copy, 0, length);
    }

    /** The body, or null when it was empty or grew past the limit. */
    byte[] bytes() {
        return bytes == null || bytes.size() == 0 ? null : bytes.toByteArray();
    }
}
