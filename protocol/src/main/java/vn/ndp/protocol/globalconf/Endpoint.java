package vn.ndp.protocol.globalconf;

import java.util.Locale;
import java.util.Objects;

/**
 * A method and path pattern. The method is an HTTP method in upper case or {@code *} for any;
 * the path starts with {@code /}, a segment {@code *} matches one segment and a final
 * {@code **} matches the rest of the path, including nothing. What else a path should not say, as the gateways would
 * never match it, {@link EndpointRules} tells.
 */
public record Endpoint(String method, String path) implements Comparable<Endpoint> {

    public static final String ANY_METHOD = "*";
    public static final String ANY_PATH = "/**";

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        if (!method.equals(ANY_METHOD) && !method.matches("[A-Z]{1,20}")) {
            throw new IllegalArgumentException("'" + method + "' is not an HTTP method");
        }
        EndpointRules.shapeProblem(path).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static Endpoint anything() {
        return new Endpoint(ANY_METHOD, ANY_PATH);
    }

    /**
     * Whether a request matches. {@code requestPath} must already be normalised and
     * percent-decoded by the gateway (no {@code .} or {@code ..} segments, no empty segments).
     */
    public boolean matches(String requestMethod, String requestPath) {
        return (method.equals(ANY_METHOD) || method.equalsIgnoreCase(requestMethod)) && pathMatches(requestPath);
    }

    private boolean pathMatches(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return false;
        }
        String[] pattern = path.substring(1).split("/", -1);
        String[] actual = requestPath.substring(1).split("/", -1);
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("**")) {
                return true;
            }
            if (i >= actual.length || !(pattern[i].equals("*") ? !actual[i].isEmpty() : pattern[i].equals(actual[i]))) {
                return false;
            }
        }
        return pattern.length == actual.length;
    }

    @Override
    public int compareTo(Endpoint other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }
}
