package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Endpoint;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.exchange.internal.SigningKeys;
import vn.ndp.registry.shared.VietnamTime;

@RegistryIntegrationTest
class ExchangeDirectoryIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    SigningKeys keys;

    @Autowired
    UsageStatistics usage;

    static final String ACCESS_REQUESTS = "/api/v1/exchange/access-requests";
    static final String USAGE = "/api/v1/exchange/usage";

    /** A provider (a province portal offering a service on DVCQG's behalf) and a consumer (a ministry). */
    record Topology(String admin, String provider, String consumer, String service, String gateway) {
    }

    Topology register() throws Exception {
        String admin = accounts.token(Role.ADMIN, null);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String providerMember = api.create(admin, "/api/v1/exchange/members",
                Map.of("memberClass", "GOV", "memberCode", "T.H" + suffix, "name", "UBND tỉnh thử nghiệm",
                        "agencyCode", "P-HA-NOI"));
        String consumerMember = api.create(admin, "/api/v1/exchange/members",
                Map.of("memberClass", "GOV", "memberCode", "T.G" + suffix, "name", "Bộ thử nghiệm",
                        "agencyCode", "BTC"));
        String provider = api.create(admin, "/api/v1/exchange/subsystems",
                Map.of("memberId", providerMember, "code", "portal", "platformCode", "DVCQG"));
        String consumer = api.create(admin, "/api/v1/exchange/subsystems",
                Map.of("memberId", consumerMember, "code", "ledger"));
        String service = api.create(admin, "/api/v1/exchange/services", Map.of("subsystemId", provider, "code", "units",
                "description", "Đơn vị hành chính",
                "endpoints", List.of(Map.of("method", "GET", "path", "/units/**"))));
        GatewayId gatewayId = GatewayId.parse(providerMember + "/lgsp");
        String gateway = api.create(admin, "/api/v1/exchange/gateways", Map.of("id", gatewayId.encoded(),
                "address", "localhost:5500", "certificate", ExchangeTestData.certificateFor(keys, gatewayId.encoded()),
                "hostedSubsystems", List.of(provider, consumer)));
        return new Topology(admin, provider, consumer, service, gateway);
    }

    /** The consumer's request for the service, for one method and path, or for the whole service when both are null. */
    static Map<String, Object> accessRequest(Topology t, String method, String path) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", t.consumer(), "serviceId", t.service(),
                "purpose", "Đối chiếu đơn vị hành chính", "legalBasis", "Nghị định 47/2020/NĐ-CP"));
        if (method != null || path != null) {
            body.put("endpoint", Map.of("method", method, "path", path));
        }
        return body;
    }

    /** The consumer's request, sent with {@code token}: the answer, with the status asserted. */
    JsonNode requestAccess(String token, Map<String, Object> body, int status) {
        return api.post(token, ACCESS_REQUESTS, body, status);
    }

    JsonNode approve(String token, String request, int status) {
        return api.post(token, ACCESS_REQUESTS + "/" + request + "/approve", Map.of(), status);
    }

    /** A gateway's usage report, sent with an operator's {@code token}: the answer, with the status asserted. */
    JsonNode report(String token, UsageReport report, int status) {
        return api.post(token, USAGE, report.toJson(), status);
    }

    /** The published usage counts for {@code query} ({@code by=...}, a range), read anonymously as a gateway would. */
    JsonNode counts(String query) {
        return api.get(null, USAGE + "?" + query, 200);
    }

    /** The transactions of the counts whose key is {@code key}, in their order. */
    static List<Long> transactions(JsonNode counts, String key) {
        return counts.valueStream().filter(count -> key.equals(count.path("key").asString()))
                .map(count -> count.get("transactions").asLong()).toList();
    }

    /** The signed global configuration as a gateway asks for it, with the ETag it holds (none when null). */
    RestTestClient.ResponseSpec globalConfiguration(String etag) {
        RestTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/v1/exchange/globalconf");
        return (etag == null ? request : request.header("If-None-Match", etag)).exchange();
    }

    GlobalConfiguration download() throws Exception {
        byte[] signed = globalConfiguration(null).expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        return ExchangeTestData.verified(keys, signed);
    }

    @Test
    void theGlobalConfigurationIsSignedAndShowsWhatWasRegistered() throws Exception {
        Topology t = register();
        GlobalConfiguration configuration = download();
        assertThat(configuration.services()).extracting(s -> s.id().encoded()).contains(t.service());
        assertThat(configuration.gateways()).filteredOn(g -> g.id().encoded().equals(t.gateway()))
                .singleElement()
                .satisfies(g -> assertThat(g.hostedSubsystems()).hasSize(2));
        assertThat(configuration.expiresAt()).isAfter(Instant.now().plus(5, ChronoUnit.MINUTES));
    }

    @Test
    void anUnchangedConfigurationIsNotDownloadedAgain() throws Exception {
        String etag = globalConfiguration(null).expectStatus().isOk().returnResult(byte[].class).getResponseHeaders()
                .getETag();
        globalConfiguration(etag).expectStatus().isNotModified();
    }

    /** RFC 9110, 13.1.2: any current representation matches *, a list matches if one of it does, and weakly. */
    @Test
    void aWildcardAListOrAWeakTagNamingTheCurrentConfigurationIsAnsweredNotModified() throws Exception {
        String etag = globalConfiguration(null).expectStatus().isOk().returnResult(byte[].class).getResponseHeaders()
                .getETag();
        globalConfiguration("*").expectStatus().isNotModified().expectHeader().valueEquals("ETag", etag);
        globalConfiguration("\"older\", " + etag).expectStatus().isNotModified();
        globalConfiguration("W/" + etag).expectStatus().isNotModified();
        client.get().uri("/api/v1/exchange/globalconf").header("If-None-Match", "\"older\"")
                .header("If-None-Match", etag).exchange().expectStatus().isNotModified();
        globalConfiguration("\"older\", W/\"other\"").expectStatus().isOk();
    }

    @Test
    void anApprovedAccessRequestBecomesARightInTheNextConfiguration() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String providerEditor = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String otherProvince = accounts.token(Role.PROVINCE_EDITOR, "P-HUE");
        requestAccess(providerEditor, Map.of("clientId", t.consumer(), "serviceId", t.service(), "purpose", "x",
                "legalBasis", "y"), 403);
        String request = requestAccess(consumerEditor, accessRequest(t, null, null), 201).get("id").asString();
        approve(otherProvince, request, 403);
        assertThat(approve(providerEditor, request, 200).get("status").asString()).isEqualTo("APPROVED");
        assertThat(approve(providerEditor, request, 409).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        GlobalConfiguration configuration = download();
        assertThat(configuration.accessRights()).anySatisfy(right -> {
            assertThat(right.client()).isEqualTo(SubsystemId.parse(t.consumer()));
            assertThat(right.service()).isEqualTo(ServiceId.parse(t.service()));
        });
    }

    @Test
    void usageReportsAreCountedOncePerPlatformAndDay() throws Exception {
        Topology t = register();
        String operator = accounts.token(Role.OPERATOR, null, "DVCQG");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        UsageReport report = new UsageReport(UUID.randomUUID(), t.gateway(), minute, List.of(
                aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 7)));
        for (int expected : new int[] {201, 200}) {
            report(operator, report, expected);
        }
        assertThat(transactions(counts("by=platform"), "DVCQG").stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(7);
        JsonNode platform = api.get(null, "/api/v1/platforms/DVCQG", 200);
        assertThat(platform.get("ndxpStatus").asString()).isEqualTo("connected");
        assertThat(platform.get("exchange").get("registered").asBoolean()).isTrue();
    }

    @Test
    void aSecondPendingRequestOrOneForAHeldRightIsRefusedWithAStableCode() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        Map<String, Object> body = accessRequest(t, "get", "/units/**");
        String request = requestAccess(consumerEditor, body, 201).get("id").asString();
        JsonNode pending = requestAccess(consumerEditor, body, 409);
        assertThat(pending.get("code").asString()).isEqualTo("ACCESS_REQUEST_PENDING");
        assertThat(pending.get("detail").asString()).contains(request);
        approve(t.admin(), request, 200);
        assertThat(requestAccess(consumerEditor, body, 409).get("code").asString())
                .isEqualTo("ACCESS_ALREADY_GRANTED");
    }

    @Test
    void editorsListTheAccessRequestsTheyMadeOrMayDecideAsThePageShowsThemAndNoOthers() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String request = requestAccess(consumerEditor, accessRequest(t, "GET", "/units/**"), 201).get("id").asString();
        String providerEditor = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String otherEditor = accounts.token(Role.PROVINCE_EDITOR, "P-HUE");

        for (String mayDecideOrMadeIt : List.of(consumerEditor, providerEditor, t.admin(),
                accounts.token(Role.REVIEWER, null))) {
            assertThat(api.get(mayDecideOrMadeIt, ACCESS_REQUESTS, 200).valueStream().map(r -> r.get("id").asString()))
                    .contains(request);
        }
        assertThat(api.get(otherEditor, ACCESS_REQUESTS, 200).valueStream().map(r -> r.get("id").asString()))
                .doesNotContain(request);
    }

    @Test
    void aReversedUsageRangeIsRefused() {
        JsonNode refused = api.get(null, "/api/v1/exchange/usage?from=2026-12-01&to=2026-11-01", 400);
        assertThat(refused.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(refused.get("detail").asString()).contains("from 2026-12-01 is after to 2026-11-01");
        api.get(null, "/api/v1/exchange/usage?from=2026-11-01&to=2026-11-01", 200);
    }

    @Test
    void aWholeServiceRightCoversEveryEndpointButAnEndpointRightDoesNotCoverTheWholeService() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String byEndpoint = requestAccess(consumerEditor, accessRequest(t, "GET", "/units/**"), 201).get("id")
                .asString();
        approve(t.admin(), byEndpoint, 200);
        String whole = requestAccess(consumerEditor, accessRequest(t, null, null), 201).get("id").asString();
        approve(t.admin(), whole, 200);
        assertThat(requestAccess(consumerEditor, accessRequest(t, "POST", "/units"), 409).get("code").asString())
                .isEqualTo("ACCESS_ALREADY_GRANTED");
    }

    @Test
    void aPaddedEndpointIsStoredTrimmedAndTheApprovedRightStillPublishes() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        JsonNode created = requestAccess(consumerEditor, accessRequest(t, " get", " /units/** "), 201);
        assertThat(created.get("method").asString()).isEqualTo("GET");
        assertThat(created.get("path").asString()).isEqualTo("/units/**");
        approve(t.admin(), created.get("id").asString(), 200);
        assertThat(download().accessRights()).contains(new AccessRight(SubsystemId.parse(t.consumer()),
                ServiceId.parse(t.service()), new Endpoint("GET", "/units/**")));
    }

    @Test
    void aBadEndpointIsNamedByItsFieldAndNothingIsStored() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        assertThat(requestAccess(consumerEditor, accessRequest(t, "GET", "units"), 400).get("errors").get(0)
                .get("field").asString()).isEqualTo("endpoint.path");
        assertThat(api.get(t.admin(), ACCESS_REQUESTS + "?status=pending", 200).valueStream()
                .filter(pending -> t.consumer().equals(pending.path("clientId").asString()))).isEmpty();
    }

    /**
     * A pattern the gateways would read otherwise than it reads, or never match, and a method they do not relay are
     * refused with what to write instead (the gateways match the decoded path, which has no such segments).
     */
    @Test
    void aPathPatternWithDotSegmentsEmptySegmentsOrEncodingsAndAnUnknownMethodAreRefused() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        // each path with words of its own rule's message: every message quotes the path, so its characters would
        // pass whichever rule refused it
        Map<String, String> refusedPaths = Map.of("/../**", "has a '..' segment", "/units/./x", "has a '.' segment",
                "/units//x", "has an empty segment (//)", "/%2e%2e/**", "is percent-encoded",
                "/units\\x", "has a backslash", "/units?x=1", "has a query or a fragment",
                "/units*/**", "has * within a segment");
        refusedPaths.forEach((path, rule) -> {
            JsonNode refused = requestAccess(consumerEditor, accessRequest(t, "GET", path), 400);
            assertThat(refused.get("errors")).as(path).singleElement().satisfies(error -> {
                assertThat(error.get("field").asString()).isEqualTo("endpoint.path");
                assertThat(error.get("message").asString()).contains(rule);
            });
        });
        for (String method : List.of("FOO", "TRACE", "CONNECT")) {
            JsonNode refused = requestAccess(consumerEditor, accessRequest(t, method, "/units/**"), 400);
            assertThat(refused.get("errors")).as(method).singleElement().satisfies(error -> {
                assertThat(error.get("field").asString()).isEqualTo("endpoint.method");
                assertThat(error.get("message").asString()).isEqualTo("'" + method + "' is not a method the gateways"
                        + " relay; use GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, or * for any.");
            });
        }
        assertThat(api.get(t.admin(), ACCESS_REQUESTS + "?status=pending", 200).valueStream()
                .filter(pending -> t.consumer().equals(pending.path("clientId").asString()))).isEmpty();
        for (String method : List.of("head", "OPTIONS", "patch", "*")) {
            requestAccess(consumerEditor, accessRequest(t, method, "/units/*/đơn-vị/"), 201);
        }
    }

    /** The answer that creates a request shows its moments as every later read does: as stored, in UTC. */
    @Test
    void anAccessRequestReadsTheSameWhenCreatedAsWhenReadAgain() throws Exception {
        Topology t = register();
        String consumerEditor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        JsonNode created = requestAccess(consumerEditor, accessRequest(t, "GET", "/units/**"), 201);
        String id = created.get("id").asString();
        JsonNode read = api.get(t.admin(), ACCESS_REQUESTS + "?status=pending", 200).valueStream()
                .filter(request -> id.equals(request.path("id").asString())).findFirst().orElseThrow();
        assertThat(created).isEqualTo(read);
        JsonNode withdrawn = api.post(consumerEditor, ACCESS_REQUESTS + "/" + id + "/withdraw", Map.of(), 200);
        assertThat(withdrawn.get("requestedAt")).isEqualTo(created.get("requestedAt"));
        assertThat(created.get("requestedAt").asString()).endsWith("Z");
    }

    @Test
    void usageIsCountedByPlatformUnlessAskedOtherwiseAndTheApiDocumentSaysSo() throws Exception {
        Topology t = register();
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        report(accounts.token(Role.OPERATOR, null, "DVCQG"), new UsageReport(UUID.randomUUID(), t.gateway(), minute,
                List.of(aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 3))), 201);
        JsonNode byDefault = api.get(null, USAGE, 200);
        assertThat(transactions(byDefault, "DVCQG")).as("the provider's platform").isNotEmpty();
        assertThat(transactions(api.get(null, USAGE + "?by=agency", 200), "DVCQG")).as("not by agency").isEmpty();
        assertThat(byDefault).isEqualTo(api.get(null, USAGE + "?by=platform", 200));
        assertThat(api.get(null, USAGE + "?by=county", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("by");
        JsonNode by = api.get(null, "/v3/api-docs", 200).get("paths").get(USAGE).get("get").get("parameters")
                .valueStream().filter(parameter -> "by".equals(parameter.get("name").asString())).findFirst()
                .orElseThrow();
        assertThat(by.get("schema").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("platform", "agency", "province");
        assertThat(by.get("schema").get("default").asString()).isEqualTo("platform");
    }

    /**
     * A report a gateway did not send (parts missing or of the wrong kind) is told which, not in the parser's words.
     * The parser stops at the first part wrong, in the report's order: each case has one.
     */
    @Test
    void aMalformedUsageReportIsRefusedNamingItsFields() {
        String operator = accounts.token(Role.OPERATOR, null, "DVCQG");
        JsonNode empty = api.post(operator, USAGE, "{}", 400);
        assertThat(empty.get("errors").findValuesAsString("field")).containsExactly("reportId");
        assertThat(empty.get("detail").asString()).isEqualTo("reportId: must be a UUID.");
        assertThat(api.post(operator, USAGE, "[1, 2", 400).get("detail").asString()).doesNotContain("vn.ndp");
    }

    /**
     * A part given twice is refused, naming it, rather than its last value counted; a part the report does not have is
     * taken as a later gateway's addition and ignored.
     */
    @Test
    void aUsageReportGivingAPartTwiceIsRefusedAndOneWithAnUnknownPartIsTaken() throws Exception {
        Topology t = register();
        String operator = accounts.token(Role.OPERATOR, null, "DVCQG");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String json = new String(new UsageReport(UUID.randomUUID(), t.gateway(), minute, List.of(
                aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 7))).toJson(),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"count\":7");

        JsonNode refused = api.post(operator, USAGE, json.replace("\"count\":7", "\"count\":7,\"count\":7000"), 400);
        assertThat(refused.get("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("aggregates[0].count");

        api.post(operator, USAGE, "{\"schemaVersion\":2," + json.substring(1), 201);
    }

    static Stream<Arguments> malformedUsageReports() {
        return Stream.of(
                arguments("reportId", (Consumer<Map<String, Object>>) r -> r.put("reportId", "not-a-uuid"),
                        "must be a UUID."),
                arguments("gateway", (Consumer<Map<String, Object>>) r -> r.remove("gateway"), "must be a string."),
                arguments("generatedAt", (Consumer<Map<String, Object>>) r -> r.put("generatedAt", "today"),
                        "must be a date or time"),
                arguments("aggregates", (Consumer<Map<String, Object>>) r -> r.remove("aggregates"),
                        "must be an array."),
                arguments("aggregates[0]", (Consumer<Map<String, Object>>) r -> aggregate(r).put("minute",
                        "2026-01-05T08:00:30Z"), "minute 2026-01-05T08:00:30Z is not a whole minute."),
                arguments("aggregates[0]", (Consumer<Map<String, Object>>) r -> aggregate(r).put("side", "both"),
                        "side must be consumer or provider, was both."),
                arguments("aggregates[0].status", (Consumer<Map<String, Object>>) r -> aggregate(r).remove("status"),
                        "must be a number."),
                arguments("aggregates[0].count", (Consumer<Map<String, Object>>) r -> aggregate(r).put("count",
                        "many"), "must be a number."),
                arguments("aggregates[0].count", (Consumer<Map<String, Object>>) r -> aggregate(r).put("count", -1),
                        "must be 0 or more."),
                arguments("aggregates[0].latencyBuckets", (Consumer<Map<String, Object>>) r -> aggregate(r)
                        .remove("latencyBuckets"), "must be an array."),
                arguments("aggregates[0]", (Consumer<Map<String, Object>>) r -> aggregate(r).put("latencyBuckets",
                        List.of(1, 0)), "latency buckets"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedUsageReports")
    void aUsageReportWithOnePartMissingOrWrongIsRefusedNamingThatPart(String field,
            Consumer<Map<String, Object>> spoil, String said) {
        Map<String, Object> report = usageReport();
        spoil.accept(report);
        JsonNode refused = api.post(accounts.token(Role.OPERATOR, null, "DVCQG"), USAGE, report, 400);
        assertThat(refused.get("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(refused.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).contains(said);
        });
        assertThat(refused.get("detail").asString()).startsWith(field + ": ")
                .doesNotContain("vn.ndp", "Cannot construct", "`");
    }

    /** A usage report of one aggregate as a gateway writes it, every part present, to spoil one part of. */
    static Map<String, Object> usageReport() {
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("minute", "2026-01-05T08:00:00Z");
        aggregate.put("side", "consumer");
        aggregate.put("client", "");
        aggregate.put("service", "");
        aggregate.put("status", 200);
        aggregate.put("fault", "");
        aggregate.put("count", 1);
        aggregate.put("requestBytes", 0);
        aggregate.put("responseBytes", 0);
        aggregate.put("durationMillis", 1);
        aggregate.put("latencyBuckets", Collections.nCopies(UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1, 0));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportId", UUID.randomUUID().toString());
        report.put("gateway", "VN/GOV/X/gw");
        report.put("generatedAt", "2026-01-05T08:01:00Z");
        report.put("aggregates", List.of(aggregate));
        return report;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> aggregate(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("aggregates")).getFirst();
    }

    /**
     * A Hà Nội portal calls a ministry's service (Hà Nội as consumer), the ministry and Hà Nội's own systems call
     * Hà Nội's service (Hà Nội as provider): by province all count for Hà Nội, an exchange within Hà Nội once;
     * the consumer gateway's record of the same exchange is not counted again.
     */
    @Test
    void provincesCountTheExchangesTheirSystemsTookPartInAsConsumerOrProvider() throws Exception {
        Topology t = register();
        String hanoiMember = t.provider().substring(0, t.provider().lastIndexOf('/'));
        String ministryMember = t.consumer().substring(0, t.consumer().lastIndexOf('/'));
        String hanoiRecords = api.create(t.admin(), "/api/v1/exchange/subsystems",
                Map.of("memberId", hanoiMember, "code", "records"));
        String payroll = api.create(t.admin(), "/api/v1/exchange/services", Map.of("subsystemId", t.consumer(),
                "code", "payroll", "endpoints", List.of(Map.of("method", "GET", "path", "/**"))));
        // A day of its own, long past: every other test reports today's traffic.
        LocalDate day = LocalDate.of(2001, 1, 1);
        Instant minute = day.atTime(10, 0).atZone(VietnamTime.ZONE).toInstant();
        UsageReport report = new UsageReport(UUID.randomUUID(), t.gateway(), minute, List.of(
                aggregate(minute, UsageAggregate.PROVIDER, t.provider(), payroll, 200, 5),
                aggregate(minute, UsageAggregate.CONSUMER, t.provider(), payroll, 200, 5),
                aggregate(minute, UsageAggregate.PROVIDER, hanoiRecords, t.service(), 200, 3),
                aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 503, 2)));
        report(accounts.token(Role.OPERATOR, null, "DVCQG"), report, 201);
        String range = "&from=" + day + "&to=" + day;
        JsonNode byProvince = counts("by=province" + range);
        assertThat(byProvince.size()).isEqualTo(1);
        assertThat(byProvince.get(0).get("key").asString()).isEqualTo("P-HA-NOI");
        assertThat(byProvince.get(0).get("transactions").asLong()).isEqualTo(10);
        assertThat(byProvince.get(0).get("failures").asLong()).isEqualTo(2);
        JsonNode byAgency = counts("by=agency" + range);
        assertThat(transactions(byAgency, "BTC")).containsExactly(5L);
        assertThat(transactions(byAgency, "P-HA-NOI")).containsExactly(5L);
        for (UsageStatistics.Dimension by : UsageStatistics.Dimension.values()) {
            assertThat(usage.daily(by, day, day).totals()).as("the day's total by " + by)
                    .singleElement().satisfies(total -> assertThat(total.transactions()).isEqualTo(10));
        }
    }

    /**
     * Huế's portal calls Hà Nội's service: the exchange counts for both provinces, and the total over both (a province
     * and one merged into it, on the adoption page) counts it once, where summing the two provinces' counts would not.
     */
    @Test
    void anExchangeBetweenTwoOfTheAskedProvincesIsCountedOnceInTheirTotal() throws Exception {
        Topology t = register();
        String hueMember = api.create(t.admin(), "/api/v1/exchange/members", Map.of("memberClass", "GOV",
                "memberCode", "T.HUE." + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT),
                "name", "UBND Thành phố Huế (thử)", "agencyCode", "P-HUE"));
        String huePortal = api.create(t.admin(), "/api/v1/exchange/subsystems", Map.of("memberId", hueMember,
                "code", "portal"));
        LocalDate day = LocalDate.of(2001, 1, 2); // a day of its own, as above
        Instant minute = day.atTime(9, 0).atZone(VietnamTime.ZONE).toInstant();
        report(accounts.token(Role.OPERATOR, null, "DVCQG"), new UsageReport(UUID.randomUUID(), t.gateway(), minute,
                List.of(aggregate(minute, UsageAggregate.PROVIDER, huePortal, t.service(), 200, 4))), 201);

        assertThat(usage.perDay(UsageStatistics.Dimension.PROVINCE, day, day))
                .extracting(UsageStatistics.DailyCount::key, UsageStatistics.DailyCount::transactions)
                .containsExactlyInAnyOrder(tuple("P-HA-NOI", 4L),
                        tuple("P-HUE", 4L));
        assertThat(usage.totals(UsageStatistics.Dimension.PROVINCE, Set.of("P-HA-NOI", "P-HUE"), day, day))
                .singleElement().satisfies(total -> assertThat(total.transactions()).isEqualTo(4));
        assertThat(usage.totals(UsageStatistics.Dimension.PROVINCE, Set.of("P-HUE"), day, day))
                .singleElement().satisfies(total -> assertThat(total.transactions()).isEqualTo(4));
        assertThat(usage.totals(UsageStatistics.Dimension.PROVINCE, Set.of("P-DA-NANG"), day, day)).isEmpty();
    }

    @Test
    void aDayIsVietnamsDayFromItsFirstMinuteToItsLast() throws Exception {
        Topology t = register();
        LocalDate day = LocalDate.of(2001, 1, 10); // with the days either side, days of their own, as above
        Instant first = day.atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant last = day.atTime(23, 59).atZone(VietnamTime.ZONE).toInstant();
        Instant dayBefore = first.minusSeconds(60);
        Instant dayAfter = last.plusSeconds(60);
        UsageReport report = new UsageReport(UUID.randomUUID(), t.gateway(), first, List.of(
                aggregate(dayBefore, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 1),
                aggregate(first, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 20),
                aggregate(last, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 300),
                aggregate(dayAfter, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 4000)));
        report(accounts.token(Role.OPERATOR, null, "DVCQG"), report, 201);

        assertThat(usage.totals(UsageStatistics.Dimension.AGENCY, null, day, day)).singleElement()
                .satisfies(total -> assertThat(total.transactions()).isEqualTo(320));
        assertThat(usage.perDay(UsageStatistics.Dimension.AGENCY, day.minusDays(1), day.plusDays(1)))
                .extracting(UsageStatistics.DailyCount::day, UsageStatistics.DailyCount::transactions)
                .containsExactly(tuple(day.minusDays(1), 1L),
                        tuple(day, 320L),
                        tuple(day.plusDays(1), 4000L));
    }

    @Test
    void failuresOnlyTheConsumersGatewaySawAreCountedOnceAsFailedTransactions() throws Exception {
        Topology t = register();
        LocalDate day = LocalDate.of(2001, 1, 20); // a day of its own, as above
        Instant minute = day.atTime(9, 0).atZone(VietnamTime.ZONE).toInstant();
        Instant later = minute.plusSeconds(600);
        UsageReport report = new UsageReport(UUID.randomUUID(), t.gateway(), minute, List.of(
                // 3 exchanges reached the provider: 2 answered, 1 the consumer's gateway gave up waiting for
                aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 200, 3, ""),
                aggregate(minute, UsageAggregate.CONSUMER, t.consumer(), t.service(), 200, 2, ""),
                aggregate(minute, UsageAggregate.CONSUMER, t.consumer(), t.service(), 504, 1, "Server.ClientProxy.NetworkError"),
                // 1 the provider's gateway refused: both sides saw it
                aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(), 403, 1, "Server.ServerProxy.AccessDenied"),
                aggregate(minute, UsageAggregate.CONSUMER, t.consumer(), t.service(), 403, 1, "Server.ServerProxy.AccessDenied"),
                // then the provider's gateway was down or its certificate revoked: only the consumer's gateway saw them
                aggregate(later, UsageAggregate.CONSUMER, t.consumer(), t.service(), 502, 4, "Server.ClientProxy.NetworkError"),
                aggregate(later, UsageAggregate.CONSUMER, t.consumer(), t.service(), 502, 2,
                        "Server.ClientProxy.SslAuthenticationFailed")));
        report(accounts.token(Role.OPERATOR, null, "DVCQG"), report, 201);

        assertThat(usage.totals(UsageStatistics.Dimension.AGENCY, null, day, day)).singleElement().satisfies(total -> {
            assertThat(total.transactions()).isEqualTo(3 + 1 + 4 + 2);
            assertThat(total.failures()).isEqualTo(1 + 4 + 2);
        });
        assertThat(usage.perDay(UsageStatistics.Dimension.PLATFORM, day, day))
                .extracting(UsageStatistics.DailyCount::transactions, UsageStatistics.DailyCount::failures)
                .containsExactly(tuple(10L, 7L));
    }

    /**
     * {@code count} calls of {@code service} by {@code client} in {@code minute} answered with {@code fault} (empty
     * for none), all in the fastest latency bucket.
     */
    static UsageAggregate aggregate(Instant minute, String side, String client, String service, int status, long count,
                                    String fault) {
        List<Long> buckets = new ArrayList<>(Collections.nCopies(
                UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1, 0L));
        buckets.set(0, count);
        return new UsageAggregate(minute, side, client, service, status, fault, count, 0, 0, count, buckets);
    }

    /** {@code count} calls of {@code service} by {@code client} in {@code minute}, all in the fastest latency bucket. */
    static UsageAggregate aggregate(Instant minute, String side, String client, String service, int status, long count) {
        return aggregate(minute, side, client, service, status, count, "");
    }

    @Test
    void malformedIdentifiersAndUnknownGatewaysAreExplained() {
        String admin = accounts.token(Role.ADMIN, null);
        assertThat(api.post(admin, "/api/v1/exchange/members", Map.of("memberClass", "GOV", "memberCode", "bad:code",
                "name", "x"), 400).get("errors").get(0).get("field").asString()).isEqualTo("memberCode");
        String operator = accounts.token(Role.OPERATOR, null, "DVCQG");
        report(operator, new UsageReport(UUID.randomUUID(), "VN/GOV/NOPE/gw", Instant.now(), List.of()), 400);
        api.post(null, USAGE, "{}", 401);
    }
}
