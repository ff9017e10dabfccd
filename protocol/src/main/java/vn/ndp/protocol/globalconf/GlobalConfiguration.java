package vn.ndp.protocol.globalconf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.ndp.protocol.identifiers.ExchangeId;
import vn.ndp.protocol.identifiers.IdentifierParser;

/**
 * One version of the global configuration. Versions only grow; a gateway serves from a version
 * until {@link #expiresAt()}, then refuses with {@code Server.ClientProxy.OutdatedGlobalConf}.
 * Lists are kept sorted and free of duplicates, and every identifier belongs to {@link #instance()}.
 */
public record GlobalConfiguration(
        String instance,
        long version,
        Instant generatedAt,
        Instant expiresAt,
        List<Member> members,
        List<Subsystem> subsystems,
        List<Gateway> gateways,
        List<Service> services,
        List<AccessRight> accessRights,
        List<RevokedCertificate> revokedCertificates) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(10);

    public GlobalConfiguration {
        IdentifierParser.forInstance(instance);
        if (version < 1) {
            throw new IllegalArgumentException("The version must be positive, was " + version);
        }
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(generatedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after generatedAt " + generatedAt);
        }
        members = Canonical.sortedByUniqueKey(members, Member::id, "member");
        subsystems = Canonical.sortedByUniqueKey(subsystems, Subsystem::id, "subsystem");
        gateways = Canonical.sortedByUniqueKey(gateways, Gateway::id, "gateway");
        services = Canonical.sortedByUniqueKey(services, Service::id, "service");
        accessRights = Canonical.sortedDistinct(accessRights, "access right");
        revokedCertificates = Canonical.sortedByUniqueKey(revokedCertificates, RevokedCertificate::serialNumber,
                "revoked certificate");
        List<ExchangeId> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.id()));
        subsystems.forEach(subsystem -> ids.add(subsystem.id()));
        gateways.forEach(gateway -> {
            ids.add(gateway.id());
            ids.addAll(gateway.hostedSubsystems());
        });
        services.forEach(service -> ids.add(service.id()));
        accessRights.forEach(right -> {
            ids.add(right.client());
            ids.add(right.service());
        });
        for (ExchangeId id : ids) {
            if (!id.instance().equals(instance)) {
                throw new IllegalArgumentException(id + " is not of instance " + instance);
            }
        }
    }

    public static Builder builder(String instance, long version, Instant generatedAt) {
        return new Builder(instance, version, generatedAt);
    }

    /** True from {@link #expiresAt()} on. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Collects the parts of a configuration in any order; {@link #build()} sorts them. */
    public static final class Builder {

        private final String instance;
        private final long version;
        private final Instant generatedAt;
        private Instant expiresAt;
        private final List<Member> members = new ArrayList<>();
        private final List<Subsystem> subsystems = new ArrayList<>();
        private final List<Gateway> gateways = new ArrayList<>();
        private final List<Service> services = new ArrayList<>();
        private final List<AccessRight> accessRights = new ArrayList<>();
        private final List<RevokedCertificate> revokedCertificates = new ArrayList<>();

        private Builder(String instance, long version, Instant generatedAt) {
            this.instance = instance;
            this.version = version;
            this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
            this.expiresAt = generatedAt.plus(DEFAULT_VALIDITY);
        }

        public Builder validFor(Duration validity) {
            this.expiresAt = generatedAt.plus(validity);
            return this;
        }

        public Builder member(Member member) {
            members.add(member);
            return this;
        }

        public Builder subsystem(Subsystem subsystem) {
            subsystems.add(subsystem);
            return this;
        }

        public Builder gateway(Gateway gateway) {
            gateways.add(gateway);
            return this;
        }

        public Builder service(Service service) {
            services.add(service);
            return this;
        }

        public Builder accessRight(AccessRight accessRight) {
            accessRights.add(accessRight);
            return this;
        }

        public Builder revokedCertificate(RevokedCertificate revoked) {
            revokedCertificates.add(revoked);
            return this;
        }

        public GlobalConfiguration build() {
            return new GlobalConfiguration(instance, version, generatedAt, expiresAt, members, subsystems, gateways,
                    services, accessRights, revokedCertificates);
        }
    }
}
