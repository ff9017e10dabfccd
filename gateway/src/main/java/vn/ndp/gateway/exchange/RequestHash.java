package vn.ndp.gateway.exchange;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

import vn.ndp.protocol.pki.Digests;


/**
 * The {@code X-Road-Request-Hash} of one request: base64 of SHA-512(SHA-512(headers) +
 * SHA-512(body)), or of SHA-512(headers) alone when the body is empty (Message Protocol for REST,
 * 4.3). "Headers" is, in UTF-8, the line {@code METHOD SP TARGET LF} (TARGET as the provider
 * gateway receives it: {@code /r1/{serviceId}[/path][?query]}) followed by one line
 * {@code name:value LF} per header that {@link ExchangeHeaders#hashed} keeps, names in lower case,
 * sorted by name, values of a repeated name in the order sent. Both gateways compute it, the
 * consumer's over what it sent and the provider's over what it received.
 */
public final class RequestHash {

    private final MessageDigest body = Digests.sha512();
    private long bodyBytes;
    private byte[] headers;
    private byte[] bodyDigest;
    private BoundedCopy capture;

    /** Called as the headers are committed to the wire (consumer) or received (provider). */
    public void headers(String method, String target, HttpFields fields) {
        headers = headersDigest(method, target, fields);
    }

    /**
     * SHA-512 of {@code METHOD SP TARGET LF} and {@code name:value LF} per header that
     * {@link ExchangeHeaders#hashed} keeps, names in lower case, sorted by name: the request hash's
     * "headers".
     */
    static byte[] headersDigest(String method, String target, HttpFields fields) {
        return headersDigest(new Utf8DigestInput(Digests.sha512()).append(method).append(' ').append(target), fields);
    }

    /**
     * The message log's digest of response headers: as {@link #headersDigest(String, String, HttpFields)},
     * with the status code as the first line.
     */
    static byte[] responseHeadersDigest(int status, HttpFields fields) {
        return headersDigest(new Utf8DigestInput(Digests.sha512()).append(Integer.toString(status)), fields);
    }

    private static byte[] headersDigest(Utf8DigestInput text, HttpFields fields) {
        List<Line> kept = new ArrayList<>(fields.size());
        for (HttpField field : fields) {
            String name = field.getLowerCaseName(); // a new string for headers Jetty does not know: taken once
            if (ExchangeHeaders.hashed(name)) {
                kept.add(new Line(name, field.getValue()));
            }
        }
        kept.sort(Comparator.comparing(Line::name)); // stable: a repeated name keeps the order sent
        text.append('\n');
        for (Line line : kept) {
            text.append(line.name()).append(':').append(line.value()).append('\n');
        }
        return text.digest();
    }

    private record Line(String name, String value) {
    }

    /** Adds body bytes without moving the buffer's position. */
    public void body(ByteBuffer bytes) {
        bodyBytes += bytes.remaining();
        if (capture != null) {
            capture.add(bytes);
        }
        body.update(bytes.slice());
    }

    /** Also keeps the body (for the message log) while it is at most {@code limit} bytes. */
    void capture(long limit) {
        capture = new BoundedCopy(limit);
    }

    /** The body kept by {@link #capture}, or null when none was kept or it grew past the limit. */
    byte[] capturedBody() {
        return capture == null ? null : capture.bytes();
    }

    /** SHA-512 of the headers text (null before {@link #headers}). */
    byte[] headersDigest() {
        return headers == null ? null : headers.clone();
    }

    /** SHA-512 of the body, or null when it was empty. */
    byte[] bodyDigest() {
        if (bodyBytes == 0) {
            return null;
        }
        if (bodyDigest == null) {
            bodyDigest = body.digest();
        }
        return bodyDigest.clone();
    }

    public boolean hasHeaders() {
        return headers != null;
    }

    public String value() {
        if (headers == null) {
            throw new IllegalStateException("The request headers were not hashed");
        }
        if (bodyBytes == 0) {
            return Base64.getEncoder().encodeToString(headers);
        }
        MessageDigest outer = Digests.sha512();
        outer.update(headers);
        outer.update(bodyDigest());
        return Base64.getEncoder().encodeToString(outer.digest());
    }
}
