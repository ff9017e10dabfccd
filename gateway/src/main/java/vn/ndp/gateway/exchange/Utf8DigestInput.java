package vn.ndp.gateway.exchange;

import java.security.MessageDigest;

/**
 * Feeds text to a digest as UTF-8 through one small buffer, so that the text is never built as a
 * {@code String} and then copied into bytes. Each {@link #append(String)} adds the very bytes
 * {@code String.valueOf(text).getBytes(UTF_8)} would give: an unpaired surrogate as {@code ?}, and
 * null as {@code null}, as string concatenation wrote it before. A surrogate pair must therefore not
 * be split across two calls.
 */
final class Utf8DigestInput {

    private final MessageDigest digest;
    private final byte[] buffer = new byte[512];
    private int used;

    Utf8DigestInput(MessageDigest digest) {
        this.digest = digest;
    }

    Utf8DigestInput append(String text) {
        if (text == null) {
            return append("null"); // a request without a path (CONNECT) is still recorded, as before
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (used > buffer.length - 4) {
                flush();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                buffer[used++] = (byte) (0xE0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[used++] = (byte) (0xF0 | codePoint >> 18);
                buffer[used++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                buffer[used++] = '?';
            }
        }
        return this;
    }

    /** Appends one character below U+0080. */
    Utf8DigestInput append(char ascii) {
        if (ascii >= 0x80) {
            throw new IllegalArgumentException("Not an ASCII character: " + (int) ascii);
        }
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) ascii;
        return this;
    }

    /** The digest of everything appended. */
    byte[] digest() {
        flush();
        return digest.digest();
    }

    private void flush() {
        digest.update(buffer, 0, used);
        used = 0;
    }
}
