package vn.ndp.protocol.globalconf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * What the gateways serve and what an {@link Endpoint} may therefore say, in one place for the registry (which keeps
 * only endpoints that mean to the gateways what they say) and the gateways (which check each request).
 *
 * <p>A gateway relays a method among {@link #METHODS}, and a service path (what follows the service identifier)
 * that {@link #decodedPath} accepts: percent-decoded, it is matched segment by segment against the endpoints. A
 * segment may not be empty (but the last), {@code .} or {@code ..} (also with {@code ;parameters}), nor hold a
 * backslash or a control character; so an endpoint with such a segment could never apply. An endpoint's path
 * ({@link #patternProblem}) besides names the characters themselves, as the gateways match the decoded path (no
 * {@code %}), the path alone (no {@code ?} or {@code #}), and {@code *} as one whole segment only.
 */
public final class EndpointRules {

    /**
     * The methods the gateways relay, which an endpoint may name besides {@code *}. Not TRACE, which echoes the request
     * (its tokens included) back, nor CONNECT, which asks for a tunnel, not a resource.
     */
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private EndpointRules() {
    }

    /** Whether the gateways relay {@code method}, in any case (an endpoint keeps it in upper case). */
    public static boolean relayed(String method) {
        if (method != null) {
            for (String relayed : METHODS) { // per request in each gateway: no upper-cased copy
                if (relayed.equalsIgnoreCase(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code method} if the gateways relay it, or a {@code Client.BadRequest} that names those they do. */
    public static String requireRelayed(String method) {
        if (!relayed(method)) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "The gateways do not relay the method "
                    + method + "; they relay " + String.join(", ", METHODS));
        }
        return method;
    }

    /**
     * What keeps a path pattern from meaning to the gateways what it says, as a sentence that quotes it, or empty
     * when nothing does.
     */
    public static Optional<String> patternProblem(String pattern) {
        String quoted = "'" + quoted(pattern) + "'";
        Optional<String> shape = shapeProblem(pattern);
        if (shape.isPresent()) {
            return shape.map(problem -> problem + ", e.g. /units/**.");
        }
        String[] segments = pattern.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Fault fault = fault(segment, i == segments.length - 1);
            if (fault != null) {
                return Optional.of(switch (fault) {
                    case EMPTY_SEGMENT -> quoted + " has an empty segment (//); the gateways refuse such paths.";
                    case DOT_SEGMENT -> quoted + " has a '" + name(segment) + "' segment; the gateways refuse such"
                            + " paths, so name the path it stands for, e.g. /units/** rather than /units/x/../**.";
                    case BACKSLASH -> quoted + " has a backslash; the gateways refuse such paths.";
                    case CONTROL_CHARACTER -> quoted + " has a control character.";
                });
            }
            if (segment.contains("%")) {
                return Optional.of(quoted + " is percent-encoded; the gateways match the decoded path, so write"
                        + " the characters themselves, e.g. /đơn-vị/** rather than /%C4%91%C6%A1n-v%E1%BB%8B/**.");
            }
            if (segment.contains("?") || segment.contains("#")) {
                return Optional.of(quoted + " has a query or a fragment (? or #); the gateways match the path"
                        + " alone, so give only the path.");
            }
            if (segment.contains("*") && !segment.equals("*") && !segment.equals("**")) {
                return Optional.of(quoted + " has * within a segment; * stands for one whole segment and a"
                        + " last ** for the rest of the path, e.g. /units/*/members or /units/**.");
            }
        }
        return Optional.empty();
    }

    /**
     * The percent-decoded service path that endpoints are matched against, at least {@code /}, or a {@code
     * Client.BadRequest} that says what is wrong with {@code raw}: the path as received, empty or starting with
     * {@code /}, every character outside printable ASCII percent-encoded, and no encoded {@code /}, {@code \},
     * {@code %} (double encoding) or control character, no bytes that are not UTF-8.
     */
    public static String decodedPath(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        if (raw.charAt(0) != '/') {
            throw refuse("does not start with /");
        }
        String[] segments = raw.substring(1).split("/", -1);
        StringBuilder decoded = new StringBuilder(raw.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = decode(segments[i]);
            Fault fault = fault(segment, i == segments.length - 1);
            if (fault != null) {
                throw refuse(switch (fault) {
                    case EMPTY_SEGMENT -> "contains an empty segment (//)";
                    case DOT_SEGMENT -> "contains a '" + name(segment) + "' segment";
                    case BACKSLASH -> "contains a backslash";
                    case CONTROL_CHARACTER -> "contains a control character";
                });
            }
            decoded.append('/').append(segment);
        }
        return decoded.toString();
    }

    /**
     * Why {@code path} cannot be an endpoint's path at all, or empty: it must start with {@code /}, and {@code **} may
     * only be its last segment.
     */
    static Optional<String> shapeProblem(String path) {
        if (!path.startsWith("/")) {
            return Optional.of("The endpoint path '" + quoted(path) + "' does not start with /");
        }
        int deepWildcard = path.indexOf("**");
        if (deepWildcard >= 0 && (deepWildcard != path.length() - 2 || path.charAt(deepWildcard - 1) != '/')) {
            return Optional.of("In '" + quoted(path) + "' ** may only be the last segment");
        }
        return Optional.empty();
    }

    /** What no segment of a decoded path may be or hold, for the gateways and the endpoints alike. */
    private enum Fault {
        EMPTY_SEGMENT, DOT_SEGMENT, BACKSLASH, CONTROL_CHARACTER
    }

    /** The fault of a decoded {@code segment}, the {@code last} of its path or not, or null. */
    private static Fault fault(String segment, boolean last) {
        if (segment.isEmpty() && !last) {
            return Fault.EMPTY_SEGMENT;
        }
        String name = name(segment);
        if (name.equals(".") || name.equals("..")) {
            return Fault.DOT_SEGMENT;
        }
        if (segment.indexOf('\\') >= 0) {
            return Fault.BACKSLASH;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isISOControl(segment.charAt(i))) {
                return Fault.CONTROL_CHARACTER;
            }
        }
        return null;
    }

    /** {@code typed} as a message may quote it: each control character (C0, DEL, C1) shown as {@code ?}. */
    public static String quoted(String typed) {
        return typed == null ? null : typed.replaceAll("\\p{Cc}", "?");
    }

    /** A segment without its {@code ;parameters}. */
    private static String name(String segment) {
        int parameters = segment.indexOf(';');
        return parameters < 0 ? segment : segment.substring(0, parameters);
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
