package vn.ndp.gateway.exchange;

import java.net.URI;
import java.net.URISyntaxException;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.globalconf.EndpointRules;

/**
 * The part of a request path after the service identifier, checked so that it can only ever
 * address something under the backend base URL registered for the service: what
 * {@link EndpointRules#decodedPath} refuses (anything not starting with {@code /}, empty, {@code .} and
 * {@code ..} segments, encoded {@code /} {@code \} and {@code %}, backslashes, control characters, bytes
 * that are not UTF-8) is refused here too. What passes is forwarded exactly as received, so the
 * backend sees the client's own encoding.
 *
 * @param raw     the path as received and forwarded, empty or starting with {@code /}
 * @param decoded the percent-decoded path that access rights are matched against, at least {@code /}
 */
public record BackendPath(String raw, String decoded) {

    public static BackendPath of(String raw) {
        return new BackendPath(raw == null ? "" : raw, EndpointRules.decodedPath(raw));
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

    private static XRoadException refuse(String why) {
        return new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "The service path " + why);
    }
}
