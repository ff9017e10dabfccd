package vn.ndp.protocol.identifiers;

import java.util.Objects;

/**
 * What {@code /r1/{serviceId}[/path]} addresses: the service and the rest of the path, kept
 * exactly as received (still percent-encoded, starting with {@code /} or empty) so that the
 * gateway can apply its own path rules before anything reaches a backend.
 */
public record ServiceRequestTarget(ServiceId service, String path) {

    public ServiceRequestTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
    }
}
