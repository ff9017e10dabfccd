package vn.ndp.registry.exchange;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.protocol.globalconf.EndpointRules;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.IdentifierParser;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.exchange.DirectoryEntries.AccessRight;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.exchange.DirectoryEntries.Gateway;
import vn.ndp.registry.exchange.DirectoryEntries.Member;
import vn.ndp.registry.exchange.DirectoryEntries.PlatformConnections;
import vn.ndp.registry.exchange.DirectoryEntries.Subsystem;
import vn.ndp.registry.exchange.internal.DirectoryRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.RegistryException.Said;
import vn.ndp.registry.shared.WebAddress;

/**
 * Registers who is on the exchange. Identifiers are checked with the same
 * rules the gateways apply (X-Road identifier characters); every change is
 * audited and triggers a new global configuration.
 */
@Service
public class ExchangeRegister {

    private final DirectoryRepository directory;
    private final Agencies agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentifierParser ids;
    private final String instance;
    private final Catalog catalog;

    /** The longest name or description the directory keeps. */
    static final int MAX_NAME = 500;

    ExchangeRegister(DirectoryRepository directory, Agencies agencies, Catalog catalog, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, @Value("${ndp.exchange.instance:VN}") String instance) {
        this.directory = directory;
        this.agencies = agencies;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.ids = IdentifierParser.forInstance(instance);
        this.instance = instance;
    }

    public String instance() {
        return instance;
    }

    public List<Member> members() {
        return directory.members();
    }

    public List<Subsystem> subsystems() {
        return directory.subsystems();
    }

    public List<Gateway> gateways() {
        return directory.gateways();
    }

    public List<DirectoryEntries.Service> services() {
        return directory.services();
    }

    public List<AccessRight> accessRights() {
        return directory.accessRights();
    }

    public List<DirectoryEntries.RevokedCertificate> revokedCertificates() {
        return directory.revokedCertificates();
    }

    public Member member(String id) {
        return directory.member(id).orElseThrow(() -> notFound("member", id));
    }

    public Subsystem subsystem(String id) {
        return directory.subsystem(id).orElseThrow(() -> notFound("subsystem", id));
    }

    public DirectoryEntries.Service service(String id) {
        return directory.service(id).orElseThrow(() -> notFound("service", id));
    }

    /** The subsystem, if the directory has it (a form or a request body names it as typed). */
    public Optional<Subsystem> findSubsystem(String id) {
        return directory.subsystem(id);
    }

    public Optional<DirectoryEntries.Service> findService(String id) {
        return directory.service(id);
    }

    /** The agency behind a subsystem (its member's agency), if it is a state body on the list. */
    public String agencyOf(String subsystemId) {
        return member(subsystem(subsystemId).memberId()).agencyCode();
    }

    /** Services a platform offers through the exchange and the subsystems that may call them. */
    public PlatformConnections connectionsOf(String platformCode) {
        List<Subsystem> subsystems = directory.subsystemsOfPlatform(platformCode);
        List<String> subsystemIds = subsystems.stream().map(Subsystem::id).toList();
        List<DirectoryEntries.Service> services = directory.services().stream()
                .filter(s -> subsystemIds.contains(s.subsystemId())).toList();
        List<String> serviceIds = services.stream().map(DirectoryEntries.Service::id).toList();
        List<AccessRight> rights = directory.accessRights();
        return new PlatformConnections(platformCode, subsystems, services,
                rights.stream().filter(r -> serviceIds.contains(r.serviceId())).toList(),
                rights.stream().filter(r -> subsystemIds.contains(r.clientId())).toList());
    }

    @Transactional
    public Member registerMember(String memberClass, String memberCode, String name, String agencyCode,
            boolean sample, String actor) {
        List<FieldError> errors = new ArrayList<>();
        MemberId id = parse("memberCode", errors, () -> ids.member(instance() + "/" + memberClass + "/" + memberCode));
        String named = required("name", name, MAX_NAME, errors);
        String agency = InvalidParameters.stripped(agencyCode);
        if (agency != null && agencies.find(agency).isEmpty()) {
            errors.add(FieldError.of("agencyCode", "no agency has the code '" + agency + "'."));
        }
        reject(errors);
        Member member = new Member(id.encoded(), id.memberClass().name(), id.memberCode(), named, agency, sample);
        refuseIfTaken(directory.member(member.id()).isPresent(), "member", member.id());
        insert(() -> directory.insertMember(member, now()), "member", member.id());
        changed(AuditEvent.EXCHANGE_MEMBER_REGISTERED, actor, member.id(), Collections.singletonMap("agency", agency));
        return member;
    }

    /** A member's information system; {@code platformCode}, when given, names the catalogue platform it belongs to. */
    @Transactional
    public Subsystem registerSubsystem(String memberId, String code, String platformCode, boolean sample,
            String actor) {
        List<FieldError> errors = new ArrayList<>();
        Member member = existing("memberId", memberId, directory::member, "member", errors);
        SubsystemId id = member == null ? null : parse("code", errors, () -> ids.client(member.id() + "/" + code));
        String platform = InvalidParameters.stripped(platformCode);
        if (platform != null && catalog.find(platform).isEmpty()) {
            errors.add(FieldError.of("platformCode", "no platform in the catalogue has the code '" + platform + "'."));
        }
        reject(errors);
        Subsystem subsystem = new Subsystem(id.encoded(), member.id(), id.subsystemCode(), platform, sample);
        refuseIfTaken(directory.subsystem(subsystem.id()).isPresent(), "subsystem", subsystem.id());
        insert(() -> directory.insertSubsystem(subsystem, now()), "subsystem", subsystem.id());
        changed(AuditEvent.EXCHANGE_SUBSYSTEM_REGISTERED, actor, subsystem.id(),
                Collections.singletonMap("platform", platform));
        return subsystem;
    }

    /** A gateway with its CA-issued TLS certificate and the subsystems it hosts (one or many tenants). */
    @Transactional
    public Gateway registerGateway(String gatewayId, String address, String certificatePem, List<String> hosted,
            boolean sample, String actor) {
        List<FieldError> errors = new ArrayList<>();
        GatewayId id = parse("id", errors, () -> ids.gateway(gatewayId));
        if (id != null) {
            existing("id", id.owner().encoded(), directory::member, "member", errors);
        }
        GatewayDetails details = GatewayDetails.check(address, certificatePem, hosted, directory, errors);
        reject(errors);
        Gateway gateway = details.of(id.encoded(), id.owner().encoded(), sample);
        refuseIfTaken(directory.gateway(gateway.id()).isPresent(), "gateway", gateway.id());
        refuseIfCertificateTaken(gateway);
        insert(() -> directory.insertGateway(gateway, now()), "gateway", gateway.id());
        gateway.hostedSubsystems().forEach(subsystem -> directory.host(gateway.id(), subsystem));
        changed(AuditEvent.EXCHANGE_GATEWAY_REGISTERED, actor, gateway.id(),
                Map.of("address", gateway.address(), "hosts", String.join(",", gateway.hostedSubsystems())));
        return gateway;
    }

    /**
     * A registered gateway as it is now: its address, its certificate (a renewed one, say) and every system it hosts
     * (a province's systems moving onto a shared gateway, or off it). Each is given whole, as at registration; the
     * change reaches the gateways with the next global configuration. A replaced certificate is not revoked by this:
     * a gateway still presenting it is refused because the configuration names another, and {@link
     * #revokeCertificate} says so to everyone for good.
     */
    @Transactional
    public Gateway changeGateway(String gatewayId, String address, String certificatePem, List<String> hosted,
            String actor) {
        Gateway before = directory.gateway(gatewayId).orElseThrow(() -> notFound("gateway", gatewayId));
        List<FieldError> errors = new ArrayList<>();
        GatewayDetails details = GatewayDetails.check(address, certificatePem, hosted, directory, errors);
        reject(errors);
        Gateway after = details.of(before.id(), before.ownerMemberId(), before.sample());
        refuseIfCertificateTaken(after);
        if (after.equals(before)) {
            return before;
        }
        insert(() -> directory.updateGateway(after), "gateway", after.id());
        directory.hostOnly(after.id(), after.hostedSubsystems());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("address", after.address());
        detail.put("hosts", String.join(",", after.hostedSubsystems()));
        detail.put("added", String.join(",", without(after.hostedSubsystems(), before.hostedSubsystems())));
        detail.put("removed", String.join(",", without(before.hostedSubsystems(), after.hostedSubsystems())));
        if (!after.certificateSha256().equals(before.certificateSha256())) {
            detail.put("certificate", before.certificateSerial() + " → " + after.certificateSerial());
        }
        changed(AuditEvent.EXCHANGE_GATEWAY_CHANGED, actor, after.id(), detail);
        return after;
    }

    private static List<String> without(List<String> these, List<String> those) {
        return these.stream().filter(s -> !those.contains(s)).toList();
    }

    /** What a gateway's form or body says of it besides its id, checked by the same rules for a new and a changed one. */
    private record GatewayDetails(String address, X509Certificate certificate, List<String> hosted) {

        static GatewayDetails check(String address, String certificatePem, List<String> hosted,
                DirectoryRepository directory, List<FieldError> errors) {
            X509Certificate certificate = null;
            try {
                certificate = Pem.parseCertificate(certificatePem);
            } catch (RuntimeException e) {
                errors.add(FieldError.of("certificate", "is not a PEM X.509 certificate."));
            }
            String at = InvalidParameters.stripped(address);
            if (!vn.ndp.protocol.globalconf.Gateway.isAddress(at)) {
                errors.add(FieldError.of("address", "must be host:port of the gateway's mutual TLS port."));
            }
            List<String> tenants = hosted == null ? List.of() : hosted.stream().map(InvalidParameters::stripped)
                    .filter(Objects::nonNull).distinct().sorted().toList();
            for (String subsystem : tenants) {
                existing("hostedSubsystems", subsystem, directory::subsystem, "subsystem", errors);
            }
            return new GatewayDetails(at, certificate, tenants);
        }

        Gateway of(String id, String owner, boolean sample) {
            return new Gateway(id, owner, address, Pem.encode(certificate), Pem.sha256Fingerprint(certificate),
                    certificate.getSerialNumber().toString(16), hosted, sample);
        }
    }

    /** {@code gateway}'s certificate when another gateway has it already: a 409 naming that gateway. */
    private void refuseIfCertificateTaken(Gateway gateway) {
        directory.gatewayWithCertificate(gateway.certificateSha256()).filter(holder -> !holder.equals(gateway.id()))
                .ifPresent(holder -> {
                    throw new RegistryException(ErrorCode.DIRECTORY_ENTRY_EXISTS, "The certificate is already the"
                            + " certificate of the gateway '" + holder + "'; each gateway has its own.",
                            Said.of("exchange.manage.taken.certificate", holder));
                });
    }

    @Transactional
    public DirectoryEntries.Service registerService(String subsystemId, String code, String description,
            String openApiUrl, List<Endpoint> endpoints, boolean sample, String actor) {
        List<FieldError> errors = new ArrayList<>();
        Subsystem subsystem = existing("subsystemId", subsystemId, directory::subsystem, "subsystem", errors);
        ServiceId id = subsystem == null ? null : parse("code", errors, () -> ids.service(subsystem.id() + "/" + code));
        String described = InvalidParameters.stripped(description);
        if (described != null && described.length() > MAX_NAME) {
            errors.add(FieldError.of("description", "is longer than " + MAX_NAME + " characters."));
        }
        String openApi = InvalidParameters.stripped(openApiUrl);
        if (openApi != null && !WebAddress.isWebAddress(openApi)) {
            errors.add(FieldError.of("openApiUrl", "must be an http or https URL."));
        }
        Set<Endpoint> declared = new LinkedHashSet<>();
        List<String> badEndpoints = new ArrayList<>();
        for (Endpoint endpoint : endpoints == null ? List.<Endpoint>of() : endpoints) {
            List<FieldError> problems = new ArrayList<>();
            endpoint(endpoint, "method", "path", problems).ifPresent(declared::add);
            if (!problems.isEmpty()) {
                badEndpoints.add("'" + (endpoint == null ? null : EndpointRules.quoted(endpoint.method() + " " + endpoint.path()))
                        + "': "
                        + String.join("; ", problems.stream().map(e -> e.field() + ": " + e.message()).toList()));
            }
        }
        if (!badEndpoints.isEmpty()) {
            errors.add(FieldError.of("endpoints", String.join("; ", badEndpoints)));
        }
        reject(errors);
        DirectoryEntries.Service service = new DirectoryEntries.Service(id.encoded(), subsystem.id(),
                id.serviceCode(), described, openApi, List.copyOf(declared), sample);
        refuseIfTaken(directory.service(service.id()).isPresent(), "service", service.id());
        insert(() -> directory.insertService(service, now()), "service", service.id());
        changed(AuditEvent.EXCHANGE_SERVICE_REGISTERED, actor, service.id(), Map.of());
        return service;
    }

    /** Grants directly (administrators, and approved access requests through {@link AccessRequests}). */
    @Transactional
    public AccessRight grant(String clientId, String serviceId, Endpoint endpoint, UUID requestId, boolean sample,
            String actor) {
        // a right with a sample system at either end is sample too, however it was granted
        boolean sampleEnd = subsystem(clientId).sample() | service(serviceId).sample();
        AccessRight right = new AccessRight(clientId, serviceId, endpoint == null ? null : endpoint.method(),
                endpoint == null ? null : endpoint.path(), actor, now(), sample || sampleEnd);
        directory.grant(right, requestId);
        changed(AuditEvent.ACCESS_GRANTED, actor, clientId + " → " + serviceId,
                Map.of("endpoint", endpoint == null ? "*" : endpoint.method() + " " + endpoint.path()));
        return right;
    }

    /** Revokes a gateway certificate by its serial (hexadecimal); returns the serial as the directory keeps it. */
    @Transactional
    public String revokeCertificate(String serialHex, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String typed = InvalidParameters.stripped(serialHex);
        String serial = null;
        if (typed == null) {
            errors.add(FieldError.of("serial", "is required."));
        } else {
            try {
                serial = new BigInteger(typed, 16).toString(16);
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("serial", "'" + typed + "' is not a hexadecimal serial number."));
            }
        }
        String why = InvalidParameters.stripped(reason);
        if (why != null && why.length() > MAX_NAME) {
            errors.add(FieldError.of("reason", "is longer than " + MAX_NAME + " characters."));
        }
        reject(errors);
        directory.revokeCertificate(serial, now(), why);
        changed(AuditEvent.GATEWAY_CERTIFICATE_REVOKED, actor, serial, Collections.singletonMap("reason", why));
        return serial;
    }

    private void changed(AuditEvent event, String actor, String subject, Map<String, ?> detail) {
        audit.record(event, actor, subject, detail);
        events.publishEvent(new DirectoryChanged(subject));
    }

    private <T> T parse(String field, List<FieldError> errors, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidIdentifierException | IllegalArgumentException e) {
            errors.add(FieldError.of(field, e.getMessage()));
            return null;
        } catch (NullPointerException e) {
            errors.add(FieldError.of(field, "is required."));
            return null;
        }
    }

    /** Refuses a body with these field errors, if any: INVALID_BODY naming each. */
    static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid.", errors);
        }
    }

    /**
     * The entry {@code id} names, for a field of a form or request body: a field error, not a 404, when it is missing
     * or names nothing (the request is what is wrong, not its address).
     */
    static <T> T existing(String field, String id, Function<String, Optional<T>> find, String what,
            List<FieldError> errors) {
        String given = InvalidParameters.stripped(id);
        if (given == null) {
            errors.add(FieldError.of(field, "is required."));
            return null;
        }
        Optional<T> found = find.apply(given);
        if (found.isEmpty()) {
            errors.add(FieldError.of(field, "no " + what + " in the directory has the id '" + given + "'."));
        }
        return found.orElse(null);
    }

    /**
     * An endpoint as the global configuration carries it (method in upper case, both stripped), or empty with each
     * problem added under {@code methodField} and {@code pathField}: so that a pattern means to the gateways what it
     * says here, a method they relay or {@code *}, and a path as {@link EndpointRules#patternProblem} requires (the
     * method and the path checked apart so that both can be named at once); a path is at most 500 characters.
     */
    static Optional<Endpoint> endpoint(Endpoint endpoint, String methodField, String pathField,
            List<FieldError> errors) {
        String method = endpoint == null || endpoint.method() == null ? "" : endpoint.method().strip()
                .toUpperCase(Locale.ROOT);
        String path = endpoint == null || endpoint.path() == null ? "" : endpoint.path().strip();
        int before = errors.size();
        if (!method.equals(vn.ndp.protocol.globalconf.Endpoint.ANY_METHOD) && !EndpointRules.relayed(method)) {
            errors.add(FieldError.of(methodField, (method.isEmpty() ? "is required with a path"
                    : "'" + EndpointRules.quoted(method) + "' is not a method the gateways relay") + "; use "
                    + String.join(", ", EndpointRules.METHODS) + ", or * for any."));
        }
        EndpointRules.patternProblem(path).ifPresent(problem -> errors.add(FieldError.of(pathField, problem)));
        if (path.length() > 500) {
            errors.add(FieldError.of(pathField, "is longer than 500 characters."));
        }
        return errors.size() > before ? Optional.empty() : Optional.of(new Endpoint(method, path));
    }

    private static String required(String field, String value, int max, List<FieldError> errors) {
        String given = InvalidParameters.stripped(value);
        if (given == null) {
            errors.add(FieldError.of(field, "is required."));
        } else if (given.length() > max) {
            errors.add(FieldError.of(field, "is longer than " + max + " characters."));
        }
        return given;
    }

    /** An identifier registered before: a 409 whose sentence names it ({@code exchange.manage.taken.<what>}). */
    private static void refuseIfTaken(boolean taken, String what, String id) {
        if (taken) {
            throw new RegistryException(ErrorCode.DIRECTORY_ENTRY_EXISTS, "The " + what + " '" + id
                    + "' is already in the directory.", Said.of("exchange.manage.taken." + what, id));
        }
    }

    /**
     * The insert itself. The checks before it see every registered identifier and certificate; what they cannot see
     * is a registration of the same one at the same moment (the directory keeps no deletions), a 409 too.
     */
    private static void insert(Runnable insert, String what, String id) {
        try {
            insert.run();
        } catch (DataIntegrityViolationException e) {
            throw new RegistryException(ErrorCode.DIRECTORY_ENTRY_EXISTS, "The " + what + " '" + id
                    + "' (or its certificate) was registered by someone else at the same moment.");
        }
    }

    private static RegistryException notFound(String what, String id) {
        return new RegistryException(ErrorCode.NOT_FOUND, "No exchange " + what + " has the id '" + id + "'.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
