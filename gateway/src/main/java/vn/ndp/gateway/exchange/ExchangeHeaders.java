package vn.ndp.gateway.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * Which headers cross the gateway. Hop-by-hop headers and those that leak the origin host are
 * dropped (Message Protocol for REST, 4.3 "Filtered headers"), {@code Connection}-nominated
 * headers too, and no header the protocol defines ({@link #PROTOCOL}) is ever copied: the gateways
 * set those themselves, so neither a caller nor a backend can spoof them. Any other {@code X-Road-*}
 * header is an extension agreed between information systems, passed unmodified as any other header
 * (4.3).
 */
public final class ExchangeHeaders {

    public static final String CLIENT = "X-Road-Client";
    public static final String SERVICE = "X-Road-Service";
    public static final String ID = "X-Road-Id";
    public static final String USER_ID = "X-Road-UserId";
    public static final String ISSUE = "X-Road-Issue";
    public static final String REQUEST_ID = "X-Road-Request-Id";
    public static final String REQUEST_HASH = "X-Road-Request-Hash";
    public static final String ERROR = "X-Road-Error";
    public static final String SECURITY_SERVER = "X-Road-Security-Server";

    /** The headers the protocol defines (lower case): only a gateway sets them, from what it checked. */
    static final Set<String> PROTOCOL = Set.of(CLIENT, SERVICE, ID, USER_ID, ISSUE, REQUEST_ID, REQUEST_HASH, ERROR,
            SECURITY_SERVER).stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> DROPPED = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "host", "user-agent", "server", "content-length", "expect", "forwarded",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "via", "date");

    private ExchangeHeaders() {
    }

    /**
     * Adds to {@code to} the end-to-end headers of {@code from}: not hop-by-hop, not nominated by its
     * {@code Connection} headers, none the protocol defines.
     */
    public static void copy(HttpFields from, HttpFields.Mutable to) {
        copy(from, to, field -> true);
    }

    /** {@link #copy(HttpFields, HttpFields.Mutable)}, keeping only the headers {@code also} accepts. */
    public static void copy(HttpFields from, HttpFields.Mutable to, Predicate<HttpField> also) {
        Set<String> nominated = nominated(from);
        for (HttpField field : from) {
            if (copied(field, nominated) && also.test(field)) {
                to.add(field);
            }
        }
    }

    /** The names (lower case) that the {@code Connection} headers of {@code all} nominate as hop-by-hop; usually none. */
    static Set<String> nominated(HttpFields all) {
        if (!all.contains(HttpHeader.CONNECTION)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String nominated : all.getCSV(HttpHeader.CONNECTION, false)) {
            names.add(nominated.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static boolean copied(HttpField field, Set<String> nominated) {
        String name = field.getLowerCaseName(); // a new string only for headers Jetty does not know
        return !DROPPED.contains(name) && !PROTOCOL.contains(name) && !nominated.contains(name);
    }

    /**
     * Whether a header a gateway received takes part in the request hash: every header except
     * those the transport adds or changes between the two gateways.
     */
    static boolean hashed(String lowerCaseName) {
        return !DROPPED.contains(lowerCaseName) && !lowerCaseName.equals("x-road-request-hash")
                && !lowerCaseName.equals("accept-encoding");
    }

    /**
     * A protocol header a request may carry at most once, as printable ASCII (surrounding spaces dropped); absent, none.
     * Given twice or unprintable, the request is refused as {@code Client.BadRequest}.
     */
    static Optional<String> once(Request request, String name) {
        List<String> values = request.getHeaders().getValuesList(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.getFirst().strip();
        if (values.size() > 1 || !printable(value)) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                    "The " + name + " header must appear once, with 1 to 255 printable ASCII characters");
        }
        return Optional.of(value);
    }

    /** A header value that is safe to log and echo: printable ASCII, at most 255 characters. */
    static boolean printable(String value) {
        if (value.isEmpty() || value.length() > 255) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
