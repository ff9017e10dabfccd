package vn.ndp.registry.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.exchange.AccessRequests;
import vn.ndp.registry.exchange.DirectoryEntries;
import vn.ndp.registry.exchange.EvidenceSources;
import vn.ndp.registry.exchange.ExchangeRegister;
import vn.ndp.registry.exchange.GlobalConfigurationPublisher;
import vn.ndp.registry.exchange.UsageStatistics;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ProblemApi;
import vn.ndp.registry.shared.VietnamTime;
import vn.ndp.registry.shared.web.Downloads;

@ProblemApi
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange", description = "The exchange directory (NDXP), its signed global configuration, access "
        + "requests and usage")
class ExchangeApi {

    private final ExchangeRegister register;
    private final GlobalConfigurationPublisher publisher;
    private final AccessRequests requests;
    private final UsageStatistics usage;
    private final SigningKeys keys;
    private final EvidenceSources evidence;
    private final ExchangeScopes scopes;
    private final Clock clock;

    ExchangeApi(ExchangeRegister register, GlobalConfigurationPublisher publisher, AccessRequests requests,
            UsageStatistics usage, SigningKeys keys, EvidenceSources evidence, ExchangeScopes scopes, Clock clock) {
        this.register = register;
        this.publisher = publisher;
        this.requests = requests;
        this.usage = usage;
        this.keys = keys;
        this.evidence = evidence;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/globalconf")
    @Operation(summary = "The current signed global configuration (CMS SignedData of canonical JSON)",
            description = "Gateways poll with If-None-Match; verify the signature against the registry's signing "
                    + "certificate and serve from the last verified copy until it expires.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = "The"
                    + " ETag of the copy held (a list, weak tags and * are compared as RFC 9110 says): 304 when"
                    + " it is the current one"))
    ResponseEntity<byte[]> globalConfiguration(@RequestHeader HttpHeaders headers) {
        var published = publisher.latest().orElseGet(publisher::publishIfNeeded);
        if (notModified(headers.get(HttpHeaders.IF_NONE_MATCH), published.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(published.etag()).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/pkcs7-mime"))
                .eTag(published.etag())
                .header("X-NDP-Configuration-Version", String.valueOf(published.version()))
                .header("X-NDP-Configuration-Expires", published.expiresAt().toString())
                .body(published.signed());
    }

    /**
     * Whether If-None-Match (each of its fields) names the current representation, as RFC 9110, 13.1.2 compares: *
     * matches any, a list when one of its tags does, weakly (W/"x" matches "x"). Not {@code
     * WebRequest.checkNotModified}: it compares lists and weak tags alike, but takes * only as an unsafe method's
     * guard against a lost update, so a GET with * would get the whole configuration again.
     */
    static boolean notModified(List<String> ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return false;
        }
        ETag ours = ETag.create(current);
        return ifNoneMatch.stream().flatMap(field -> ETag.parse(field).stream())
                .anyMatch(tag -> tag.isWildcard() || tag.compare(ours, false));
    }

    @GetMapping(value = "/signing-certificate", produces = "application/x-pem-file")
    @Operation(summary = "The certificate that signs the global configuration (the gateways' anchor)")
    String signingCertificate() {
        return Pem.encode(keys.certificate());
    }

    @GetMapping("/directory")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Members, subsystems, gateways, services and access rights")
    Directory directory() {
        return new Directory(register.instance(), register.members(), register.subsystems(),
                register.gateways().stream().map(GatewayJson::of).toList(),
                register.services(), register.accessRights());
    }

    @Operation(summary = "Registers a member", description = "400 with a field error for an invalid code or an unknown"
            + " agencyCode; 409 directory-entry-exists when the member is already registered.")
    @PostMapping("/members")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryEntries.Member registerMember(Authentication auth, @RequestBody NewMember body) {
        return register.registerMember(body.memberClass(), body.memberCode(), body.name(), body.agencyCode(), false,
                actor(auth));
    }

    @Operation(summary = "Registers a member's information system, linked to its catalogue platform",
            description = "400 with a field error for an unknown memberId or platformCode or an invalid code; 409"
                    + " directory-entry-exists when the system is already registered.")
    @PostMapping("/subsystems")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryEntries.Subsystem registerSubsystem(Authentication auth, @RequestBody NewSubsystem body) {
        return register.registerSubsystem(body.memberId(), body.code(), body.platformCode(), false, actor(auth));
    }

    @Operation(summary = "Registers a gateway with its CA-issued certificate and the systems it hosts",
            description = "400 with a field error for an unknown owner or hosted system, a bad address or"
                    + " certificate; 409 directory-entry-exists when the gateway is already registered.")
    @PostMapping("/gateways")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    GatewayJson registerGateway(Authentication auth, @RequestBody NewGateway body) {
        return GatewayJson.of(register.registerGateway(body.id(), body.address(), body.certificate(),
                body.hostedSubsystems() == null ? List.of() : body.hostedSubsystems(), false, actor(auth)));
    }

    @Operation(summary = "Changes a registered gateway: its address, its certificate, the systems it hosts",
            description = "The path ends with the gateway's id, its four parts as four segments, each slash as it is"
                    + " (not %2F), e.g. /api/v1/exchange/gateways/VN/GOV/000.00.00.G12/lgsp."
                    + " The body gives the gateway whole, as at registration (a system left out of hostedSubsystems"
                    + " is no longer hosted). 404 for an unknown gateway; 400 with a field error for a bad address or"
                    + " certificate or an unknown system; 409 directory-entry-exists for another gateway's"
                    + " certificate. A replaced certificate is not revoked: see /revocations.")
    @PutMapping("/gateways/{instance}/{memberClass}/{memberCode}/{gatewayCode}")
    @PreAuthorize("hasRole('ADMIN')")
    GatewayJson changeGateway(Authentication auth, @PathVariable String instance, @PathVariable String memberClass,
            @PathVariable String memberCode, @PathVariable String gatewayCode, @RequestBody GatewayChange body) {
        return GatewayJson.of(register.changeGateway(String.join("/", instance, memberClass, memberCode, gatewayCode),
                body.address(), body.certificate(),
                body.hostedSubsystems() == null ? List.of() : body.hostedSubsystems(), actor(auth)));
    }

    @Operation(summary = "Registers a service of a system, with its endpoints",
            description = "400 with a field error for an unknown subsystemId, an invalid code, endpoint or OpenAPI"
                    + " URL; 409 directory-entry-exists when the service is already registered.")
    @PostMapping("/services")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryEntries.Service registerService(Authentication auth, @RequestBody NewService body) {
        return register.registerService(body.subsystemId(), body.code(), body.description(), body.openApiUrl(),
                body.endpoints() == null ? List.of() : body.endpoints(), false, actor(auth));
    }

    @PostMapping("/revocations")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication auth, @RequestBody Revocation body) {
        register.revokeCertificate(body.serial(), body.reason(), actor(auth));
    }

    @GetMapping("/access-requests")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Access requests: all of them for an administrator or reviewer; for anyone else, as the page"
            + " shows them, the ones they made, the ones for their systems and the ones for their services, decided or"
            + " not")
    List<AccessRequests.AccessRequest> accessRequests(Authentication auth,
            @RequestParam(required = false) String status) {
        InvalidParameters params = new InvalidParameters();
        AccessRequests.Status parsed = params.choice("status", status, AccessRequests.Status.class);
        params.throwIfAny();
        ExchangeScopes.Judge judge = scopes.judge(CurrentUser.from(auth).orElseThrow());
        return requests.find(parsed).stream().filter(judge::sees).toList();
    }

    @PostMapping("/access-requests")
    @PreAuthorize("hasRole('ADMIN') or @exchangeScopes.canRequestFor(authentication, #body.clientId())")
    @ResponseStatus(HttpStatus.CREATED)
    AccessRequests.AccessRequest requestAccess(Authentication auth, @RequestBody NewAccessRequest body) {
        return requests.request(body.clientId(), body.serviceId(), body.endpoint(), body.purpose(), body.legalBasis(),
                actor(auth));
    }

    @PostMapping("/access-requests/{id}/approve")
    @PreAuthorize("@exchangeScopes.canDecide(authentication, #id)")
    AccessRequests.AccessRequest approve(Authentication auth, @PathVariable UUID id) {
        return requests.approve(id, actor(auth));
    }

    @PostMapping("/access-requests/{id}/deny")
    @PreAuthorize("@exchangeScopes.canDecide(authentication, #id)")
    AccessRequests.AccessRequest deny(Authentication auth, @PathVariable UUID id, @RequestBody Denial body) {
        return requests.deny(id, body.reason(), actor(auth));
    }

    @PostMapping("/access-requests/{id}/withdraw")
    @PreAuthorize("@exchangeScopes.canWithdraw(authentication, #id)")
    AccessRequests.AccessRequest withdraw(Authentication auth, @PathVariable UUID id) {
        return requests.withdraw(id, actor(auth));
    }

    @PostMapping(value = "/usage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "A gateway's per-minute usage report; a report sent twice is counted once")
    ResponseEntity<Void> receiveUsage(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = UsageReport.class))) @RequestBody byte[] body) {
        // read here, after @PreAuthorize: Spring reads a typed body before it, and would tell a role that may not
        // send reports what is wrong with one
        UsageReport report = UsageReportJson.read(body);
        return usage.receive(report) ? ResponseEntity.status(HttpStatus.CREATED).build()
                : ResponseEntity.ok().build();
    }

    @GetMapping("/usage")
    @Operation(summary = "Transactions per day by the provider's platform or agency, or by province (consumer or provider side)",
            description = "Public programme figures: anyone may read them. Days are Vietnamese calendar days. An"
                    + " exchange is counted once: from the provider's gateway when it reached it, otherwise as a failure"
                    + " from the consumer's gateway (a Server.ClientProxy.* fault, such as a provider that is down).")
    List<UsageStatistics.DailyCount> usage(
            @Parameter(description = "What the transactions are counted by: the provider's platform or agency, or the"
                    + " province of the consuming and of the providing system", schema = @Schema(type = "string",
                    allowableValues = {"platform", "agency", "province"}, defaultValue = "platform"))
            @RequestParam(defaultValue = "platform") String by,
            @Parameter(description = "The first day; by default the " + UsageStatistics.RECENT_DAYS
                    + " days that end with `to`",
                    schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(description = "The last day; today by default",
                    schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to) {
        InvalidParameters params = new InvalidParameters();
        UsageStatistics.Dimension dimension = params.choice("by", by, UsageStatistics.Dimension.class);
        LocalDate start = params.date("from", from);
        LocalDate end = params.date("to", to);
        params.throwIfAny();
        LocalDate last = end == null ? LocalDate.now(clock.withZone(VietnamTime.ZONE)) : end;
        LocalDate first = start == null ? UsageStatistics.recentFrom(last) : start;
        if (first.isAfter(last)) {
            params.reject(start == null ? "to" : "from", "from " + first + " is after to " + last
                    + ": give the first day, then the last");
            params.throwIfAny();
        }
        return usage.perDay(dimension, first, last);
    }

    @GetMapping(value = "/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The evidence of one exchange, fetched from the gateway that logged it",
            description = "A self-contained file that `ndp log verify-evidence FILE` checks offline.")
    ResponseEntity<byte[]> evidence(@RequestParam(required = false) String gateway,
            @RequestParam(required = false) String id) {
        return Downloads.attachment(EvidenceSources.fileName(id), MediaType.APPLICATION_JSON_VALUE,
                evidence.fetch(gateway, id));
    }

    /** Who did it, for the audit trail: the signed-in user's name (the exchange's pages use it too). */
    static String actor(Authentication auth) {
        return CurrentUser.from(auth).map(CurrentUser::username).orElse("anonymous");
    }

    record Directory(String instance, List<DirectoryEntries.Member> members, List<DirectoryEntries.Subsystem> subsystems,
            List<GatewayJson> gateways, List<DirectoryEntries.Service> services,
            List<DirectoryEntries.AccessRight> accessRights) {
    }

    record GatewayJson(String id, String ownerMemberId, String address, String certificateSha256,
            String certificateSerial, List<String> hostedSubsystems, boolean sample) {

        static GatewayJson of(DirectoryEntries.Gateway g) {
            return new GatewayJson(g.id(), g.ownerMemberId(), g.address(), g.certificateSha256(),
                    g.certificateSerial(), g.hostedSubsystems(), g.sample());
        }
    }

    record NewMember(String memberClass, String memberCode, String name, String agencyCode) {
    }

    record NewSubsystem(String memberId, String code, String platformCode) {
    }

    record NewGateway(String id, String address, String certificate, List<String> hostedSubsystems) {
    }

    record GatewayChange(String address, String certificate, List<String> hostedSubsystems) {
    }

    record NewService(String subsystemId, String code, String description, String openApiUrl,
            List<DirectoryEntries.Endpoint> endpoints) {
    }

    record Revocation(String serial, String reason) {
    }

    record NewAccessRequest(String clientId, String serviceId, DirectoryEntries.Endpoint endpoint, String purpose,
            String legalBasis) {
    }

    record Denial(String reason) {
    }
}
