package vn.ndp.gateway.exchange;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * The part of a request path after the service identifier, checked so that it can only ever
 * address something under the backend base URL registered for the service. Refused: anything not
 * starting with {@code /}, empty segments ({@code //}), {@code .} and {@code ..} segments (also
 * percent-encoded, and with {@code ;parameters}), encoded {@code /} {@code \} and {@code %}
 * (double encoding), backslashes, control characters (C0, DEL and C1, the last percent-encoded as UTF-8) and
 * bytes that are not UTF-8, as the registry's rule for endpoint paths says. What passes
 * is forwarded exactly as received, so the backend sees the client's own encoding.
 *
 * @param raw     the path as received and forwarded, empty or starting with {@code /}
 * @param decoded the percent-decoded path that access rights are matched against, at least {@code /}
 */
public record BackendPath(String raw, String decoded) {

    public static BackendPath of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new BackendPath("", "/");
        }
        if (raw.charAt(0) != '/') {
            throw refuse("does not start with /");
        }
        String[] segments = raw.substring(1).split("/", -1);
        StringBuilder decoded = new StringBuilder(raw.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                throw refuse("contains an empty segment (//)");
            }
            String plain = decode(segment);
            int parameters = plain.indexOf(';');
            String name = parameters < 0 ? plain : plain.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                throw refuse("contains a '" + name + "' segment");
            }
            if (plain.chars().anyMatch(Character::isISOControl)) {
                throw refuse("contains a control character"); // C1 (U+0080-U+009F), encoded as UTF-8
            }
            decoded.append('/').append(plain);
        }
        return new BackendPath(raw, decoded.toString());
    }

    /** The URL to call: the backend base URL, this path appended, the query passed unmodified. */
    public URI resolve(URI base, String rawQuery) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String path = basePath + raw;
        if (path.isEmpty()) {
            path = "/";
        }
        if (!(path.equals(basePath) || path.startsWith(basePath + "/") || basePath.isEmpty())) {
            throw refuse("would leave the registered backend path");
        }
        if (rawQuery != null) {
            for (int i = 0; i < rawQuery.length(); i++) {
                char c = rawQuery.charAt(i);
                if (c <= 0x20 || c >= 0x7f || c == '#') {
                    throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                            "The query string contains a character that must be percent-encoded");
                }
            }
        }
        try {
            URI uri = new URI(base.getScheme() + "://" + base.getRawAuthority() + path
                    + (rawQuery == null ? "" : "?" + rawQuery));
            if (!uri.getHost().equals(base.getHost()) || uri.getPort() != base.getPort()) {
                throw refuse("would leave the registered backend");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refuse("is not a valid URI path: " + e.getReason());
        }
    }

    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw refuse("has a '%' not followed by two hexadecimal digits");
                }
                int b = high << 4 | low;
                if (b == '/' || b == '\\') {
                    throw refuse("contains an encoded slash or backslash");
                }
                if (b == '%') {
                    throw refuse("contains an encoded '%' (double encoding)");
                }
                if (b < 0x20 || b == 0x7f) {
                    throw refuse("contains an encoded control character");
                }
                bytes.write(b);
                i += 2;
            } else if (c == '\\') {
                throw refuse("contains a backslash");
            } else if (c <= 0x20 || c >= 0x7f) {
                throw refuse("contains a character that must be percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refuse("percent-encodes bytes that are not UTF-8");
        }
    }

    private static XRoadException refuse(String why) {
        return new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "The service path " + why);
    }
}
