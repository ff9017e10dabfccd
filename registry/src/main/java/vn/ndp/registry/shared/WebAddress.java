package vn.ndp.registry.shared;

import java.net.URI;

/** The one rule for a web address people give the registry: a platform's website, a service's OpenAPI description. */
public final class WebAddress {

    private WebAddress() {
    }

    /** Whether {@code value} is an absolute http or https URI with a host. */
    public static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
