package vn.ndp.protocol.globalconf;

import java.util.List;
import java.util.Objects;

import vn.ndp.protocol.identifiers.ServiceId;

/**
 * A service a provider subsystem offers, with its OpenAPI description (URL and summary, both
 * optional) and its endpoints; a service without endpoints is one endpoint, {@code * /**}.
 */
public record Service(ServiceId id, String openApiUrl, String description, List<Endpoint> endpoints) {

    public Service {
        Objects.requireNonNull(id, "id");
        endpoints = Canonical.sortedDistinct(endpoints, "endpoint");
    }

    public boolean hasEndpoint(String method, String path) {
        return endpoints.isEmpty() || endpoints.stream().anyMatch(endpoint -> endpoint.matches(method, path));
    }
}
