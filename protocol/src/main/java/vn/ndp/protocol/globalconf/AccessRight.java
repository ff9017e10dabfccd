package vn.ndp.protocol.globalconf;

import java.util.Comparator;
import java.util.Objects;

import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * A client subsystem's right to call a service, for the whole service or, when {@code endpoint}
 * is present, for the requests it matches.
 */
public record AccessRight(SubsystemId client, ServiceId service, Endpoint endpoint) implements Comparable<AccessRight> {

    private static final Comparator<AccessRight> ORDER = Comparator.comparing(AccessRight::client)
            .thenComparing(AccessRight::service)
            .thenComparing(AccessRight::endpoint, Comparator.nullsFirst(Comparator.naturalOrder()));

    public AccessRight {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
    }

    public static AccessRight toWholeService(SubsystemId client, ServiceId service) {
        return new AccessRight(client, service, null);
    }

    public boolean allows(SubsystemId caller, ServiceId called, String method, String path) {
        return client.equals(caller) && service.equals(called) && (endpoint == null || endpoint.matches(method, path));
    }

    @Override
    public int compareTo(AccessRight other) {
        return ORDER.compare(this, other);
    }
}
