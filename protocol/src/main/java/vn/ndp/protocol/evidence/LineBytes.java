package vn.ndp.protocol.evidence;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte buffer the writer fills with a batch's lines, reused from batch to batch. */
final class LineBytes {

    private static final byte[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    /** Past this, a buffer grown by a batch of large records (logged bodies) is let go rather than kept. */
    private static final int KEPT = 4 << 20;

    private final int capacity;
    private byte[] bytes;
    private int length;

    LineBytes(int capacity) {
        this.capacity = capacity;
        bytes = new byte[capacity];
    }

    void clear() {
        length = 0;
        if (bytes.length > KEPT) {
            bytes = new byte[capacity];
        }
    }

    LineBytes put(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    LineBytes put(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    LineBytes put(byte[] source) {
        return put(source, 0, source.length);
    }

    LineBytes putDecimal(long number) {
        String digits = Long.toString(number);
        ensure(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            bytes[length++] = (byte) digits.charAt(i);
        }
        return this;
    }

    /** Lower-case hex, as {@link Hashes#hex}. */
    LineBytes putHex(byte[] source) {
        ensure(2 * source.length);
        for (byte b : source) {
            bytes[length++] = HEX_DIGITS[b >> 4 & 0xf];
            bytes[length++] = HEX_DIGITS[b & 0xf];
        }
        return this;
    }

    /** The content, for one write (valid until the next change). */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
