package vn.ndp.protocol.globalconf;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/** A global configuration indexed for the questions a gateway asks on every request. */
public final class ExchangeDirectory {

    private final GlobalConfiguration configuration;
    private final Map<MemberId, Member> members;
    private final Map<SubsystemId, Subsystem> subsystems;
    private final Map<GatewayId, Gateway> gateways;
    private final Map<SubsystemId, Gateway> gatewayByHostedSubsystem;
    private final Map<String, Gateway> gatewayByFingerprint;
    private final Map<ServiceId, Service> services;
    private final Map<ServiceId, List<AccessRight>> rightsByService;
    private final Set<BigInteger> revokedSerials;

    private ExchangeDirectory(GlobalConfiguration configuration) {
        this.configuration = configuration;
        members = index(configuration.members(), Member::id);
        subsystems = index(configuration.subsystems(), Subsystem::id);
        gateways = index(configuration.gateways(), Gateway::id);
        services = index(configuration.services(), Service::id);
        gatewayByFingerprint = new HashMap<>();
        for (Gateway gateway : configuration.gateways()) {
            Gateway previous = gatewayByFingerprint.putIfAbsent(gateway.tlsCertificateSha256(), gateway);
            if (previous != null) {
                throw new IllegalArgumentException(previous.id() + " and " + gateway.id() + " present the same certificate");
            }
        }
        Map<SubsystemId, Gateway> hosting = new HashMap<>();
        for (Gateway gateway : configuration.gateways()) {
            for (SubsystemId hosted : gateway.hostedSubsystems()) {
                Gateway previous = hosting.putIfAbsent(hosted, gateway);
                if (previous != null) {
                    throw new IllegalArgumentException(hosted + " is hosted by both " + previous.id() + " and " + gateway.id());
                }
            }
        }
        gatewayByHostedSubsystem = Map.copyOf(hosting);
        rightsByService = configuration.accessRights().stream()
                .collect(Collectors.groupingBy(AccessRight::service, Collectors.toUnmodifiableList()));
        revokedSerials = configuration.revokedCertificates().stream()
                .map(RevokedCertificate::serialNumber).collect(Collectors.toUnmodifiableSet());
    }

    public static ExchangeDirectory of(GlobalConfiguration configuration) {
        return new ExchangeDirectory(configuration);
    }

    public GlobalConfiguration configuration() {
        return configuration;
    }

    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    public Optional<Subsystem> subsystem(SubsystemId id) {
        return Optional.ofNullable(subsystems.get(id));
    }

    public Optional<Gateway> gateway(GatewayId id) {
        return Optional.ofNullable(gateways.get(id));
    }

    /** The gateway that hosts a subsystem, where requests for that subsystem's services go. */
    public Optional<Gateway> gatewayHosting(SubsystemId subsystem) {
        return Optional.ofNullable(gatewayByHostedSubsystem.get(subsystem));
    }

    /** The gateway that presented a TLS certificate, by the certificate's SHA-256 fingerprint. */
    public Optional<Gateway> gatewayPresenting(String sha256Fingerprint) {
        return Optional.ofNullable(gatewayByFingerprint.get(sha256Fingerprint));
    }

    public Optional<Service> service(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    /** Whether {@code client} may call {@code method path} on {@code service}; deny by default. */
    public boolean allows(SubsystemId client, ServiceId service, String method, String path) {
        Service offered = services.get(service);
        return offered != null && offered.hasEndpoint(method, path)
                && rightsByService.getOrDefault(service, List.of()).stream()
                        .anyMatch(right -> right.allows(client, service, method, path));
    }

    /** The access rights {@code client} holds, for the {@code allowedMethods} metaservice. */
    public List<AccessRight> rightsOf(SubsystemId client) {
        return configuration.accessRights().stream().filter(right -> right.client().equals(client)).toList();
    }

    public boolean isRevoked(BigInteger serial) {
        return revokedSerials.contains(serial);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
