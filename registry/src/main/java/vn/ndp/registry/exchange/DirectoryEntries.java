package vn.ndp.registry.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import vn.ndp.protocol.identifiers.SubsystemId;

/** The exchange directory's entries as the registry shows and publishes them. */
public final class DirectoryEntries {

    private DirectoryEntries() {
    }

    public record Member(String id, String memberClass, String memberCode, String name, String agencyCode,
            boolean sample) {
    }

    public record Subsystem(String id, String memberId, String code, String platformCode, boolean sample) {
    }

    public record Gateway(String id, String ownerMemberId, String address, String certificatePem,
            String certificateSha256, String certificateSerial, List<String> hostedSubsystems, boolean sample) {

        /**
         * Whether it hosts a system of a member other than its owner: an LGSP offered as a service, as the protocol's
         * {@link vn.ndp.protocol.globalconf.Gateway} has it. An agency's own gateway hosting only its own systems,
         * however many, does not.
         */
        public boolean hostsOthers() {
            return hostedSubsystems.stream()
                    .anyMatch(system -> !SubsystemId.parse(system).member().encoded().equals(ownerMemberId));
        }
    }

    public record Endpoint(String method, String path) {
    }

    public record Service(String id, String subsystemId, String code, String description, String openApiUrl,
            List<Endpoint> endpoints, boolean sample) {
    }

    /** A grant; {@code method} and {@code path} are null for the whole service. */
    public record AccessRight(String clientId, String serviceId, String method, String path, String grantedBy,
            OffsetDateTime grantedAt, boolean sample) {
    }

    public record RevokedCertificate(String serial, OffsetDateTime revokedAt, String reason) {
    }

    /** A platform's connection to the exchange: services it offers and who consumes them. */
    public record PlatformConnections(String platformCode, List<Subsystem> subsystems, List<Service> services,
            List<AccessRight> consumers, List<AccessRight> consumes) {

        public boolean connected() {
            return !subsystems.isEmpty();
        }
    }
}
