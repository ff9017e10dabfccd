package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.JsonNode;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.exchange.internal.SigningKeys;

/**
 * An administrator registers members, systems (linked to their catalogue platform), gateways and services from the
 * pages, and revokes a certificate; every refusal says why in the reader's language, keeps what was typed and saves
 * nothing; the API refuses the same inputs with field errors and a 409 for an identifier already registered.
 */
@RegistryIntegrationTest
class DirectoryManagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ExchangeRegister register;

    @Autowired
    AuditLog audit;

    @Autowired
    SigningKeys keys;

    @Autowired
    ApiCalls api;

    @LocalServerPort
    int port;

    /** One administrator per test (each account costs a password hash). */
    UserDetails admin;

    @BeforeEach
    void signIn() {
        admin = accounts.signedIn(Role.ADMIN, null);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(admin)).with(csrf())).andReturn();
    }

    /** Posts a form of the page; a redirect back to it is a registration, anything else a refusal. */
    MvcResult submit(String path, Map<String, List<String>> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/exchange/manage/" + path);
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return send(request);
    }

    /**
     * A registration: the redirect back to the page, which then says {@code done} followed by what was registered;
     * returns that identifier.
     */
    String notice(MvcResult result, String done) throws Exception {
        assertThat(result.getResponse().getStatus()).as("registered").isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/exchange/manage");
        String id = String.valueOf(result.getFlashMap().get("registeredId"));
        String page = mvc.perform(get("/exchange/manage").with(user(admin)).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.text(HtmlPage.parse(page).elementsOfClass("p", "notice").getFirst()))
                .startsWith(done + " " + id);
        return id;
    }

    String certificateFor(String gatewayId) {
        return ExchangeTestData.certificateFor(keys, gatewayId);
    }

    GlobalConfiguration globalConfiguration() throws Exception {
        return ExchangeTestData.verified(keys, mvc.perform(get("/api/v1/exchange/globalconf")).andReturn()
                .getResponse().getContentAsByteArray());
    }

    @Test
    void anAdministratorRegistersAMemberItsSystemOnAPlatformAGatewayAndAServiceFromThePages() throws Exception {
        String code = "DM." + suffix();
        String member = notice(submit("members", Map.of("memberClass", List.of("GOV"), "memberCode", List.of(code),
                "name", List.of("Sở Thông tin thử nghiệm"), "agencyCode", List.of("P-HA-NOI"))),
                "Đã đăng ký thành viên");
        assertThat(member).isEqualTo("VN/GOV/" + code);
        String system = notice(submit("subsystems", Map.of("memberId", List.of(member), "code", List.of("motcua"),
                "platformCode", List.of("DVCQG"))), "Đã đăng ký hệ thống thông tin");
        String gateway = notice(submit("gateways", Map.of("id", List.of(member + "/lgsp"),
                "address", List.of("lgsp.example.gov.vn:5500"), "certificate", List.of(certificateFor(member + "/lgsp")),
                "hostedSubsystems", List.of(system))), "Đã đăng ký cổng kết nối");
        String service = notice(submit("services", Map.of("subsystemId", List.of(system), "code", List.of("hoso"),
                "description", List.of("Tra cứu hồ sơ thủ tục hành chính"), "openApiUrl",
                List.of("https://lgsp.example.gov.vn/openapi.json"),
                "endpoints", List.of("get /hoso/**\r\n\r\nPOST /hoso\nGET  /hoso/** "))), "Đã đăng ký dịch vụ");

        assertThat(register.subsystem(system).platformCode()).isEqualTo("DVCQG");
        assertThat(register.gateways()).filteredOn(g -> g.id().equals(gateway)).singleElement()
                .satisfies(g -> assertThat(g.hostedSubsystems()).containsExactly(system));
        assertThat(register.service(service).endpoints()).as("in upper case, each once")
                .containsExactlyInAnyOrder(new DirectoryEntries.Endpoint("GET", "/hoso/**"),
                        new DirectoryEntries.Endpoint("POST", "/hoso"));
        String platform = mvc.perform(get("/platforms/DVCQG")).andReturn().getResponse().getContentAsString();
        assertThat(platform).as("the platform's page shows its connection from the directory")
                .contains("Kết nối NDXP theo danh bạ trao đổi dữ liệu", system, service);
    }

    @Test
    void aRefusedRegistrationSaysWhyInVietnameseKeepsWhatWasTypedAndSavesNothing() throws Exception {
        String code = "DM." + suffix();
        String member = register.registerMember("GOV", code, "Bộ thử nghiệm", null, false, "test").id();
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.EXCHANGE_MEMBER_REGISTERED, null, member, null, null), 10, 0))
                .singleElement().satisfies(entry -> assertThat(entry.detail()).as("no agency: none recorded, not 'null'")
                        .doesNotContainKey("agency"));
        int systems = register.subsystems().size();

        MvcResult refused = submit("subsystems", Map.of("memberId", List.of(member), "code", List.of("cổng/chính"),
                "platformCode", List.of("KHONG-CO")));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        HtmlPage page = HtmlPage.parse(refused.getResponse().getContentAsString());
        String problems = HtmlPage.text(HtmlPage.elements(page.byId("subsystem"), "div").getFirst());
        assertThat(problems).contains("Chưa lưu được", "Mã: bắt buộc, tối đa 255 ký tự",
                "Nền tảng trong danh mục: không có nền tảng nào mang mã này").doesNotContain("platformCode", "is not");
        assertThat(HtmlPage.value(page.byId("subsystem-code"))).isEqualTo("cổng/chính");
        assertThat(HtmlPage.value(page.byId("subsystem-platform"))).isEqualTo("KHONG-CO");
        assertThat(HtmlPage.selected(page.byId("subsystem-member"))).containsExactly(member);
        assertThat(HtmlPage.value(page.byId("member-code"))).as("another form keeps nothing of it").isEmpty();
        assertThat(HtmlPage.elements(page.byId("member"), "div").stream()
                .noneMatch(d -> "problems".equals(d.getAttributeValue("class")))).isTrue();
        assertThat(register.subsystems()).hasSize(systems);

        MvcResult again = submit("members", Map.of("memberClass", List.of("GOV"), "memberCode", List.of(code),
                "name", List.of("Bộ thử nghiệm, lần hai")));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        HtmlPage twice = HtmlPage.parse(again.getResponse().getContentAsString());
        assertThat(HtmlPage.text(twice.byId("member"))).contains("trùng với một mục đã có trong danh bạ",
                "Thành viên VN/GOV/" + code + " đã có trong danh bạ.");
        assertThat(HtmlPage.value(twice.byId("member-name"))).isEqualTo("Bộ thử nghiệm, lần hai");
        assertThat(register.member(member).name()).isEqualTo("Bộ thử nghiệm");

        MvcResult endpoints = submit("services", Map.of("subsystemId",
                List.of(register.registerSubsystem(member, "ledger", null, false, "test").id()), "code", List.of("units"),
                "endpoints", List.of("GET /units/**\nFETCH units\nPOST")));
        assertThat(endpoints.getResponse().getStatus()).isEqualTo(400);
        HtmlPage endpointPage = HtmlPage.parse(endpoints.getResponse().getContentAsString());
        assertThat(HtmlPage.text(endpointPage.byId("service"))).contains("Điểm cuối: mỗi dòng một phương thức"
                + " (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS hoặc *)");
        assertThat(endpoints.getResponse().getContentAsString()).as("the lines come back as typed, one per line")
                .contains(">GET /units/**\nFETCH units\nPOST</textarea>");
        assertThat(register.findService(member + "/ledger/units")).isEmpty();

        MvcResult gateway = submit("gateways", Map.of("id", List.of("VN/GOV/KHONG.CO." + suffix() + "/lgsp"),
                "address", List.of("không có cổng"), "certificate", List.of("-----BEGIN CERTIFICATE-----\nabc")));
        assertThat(gateway.getResponse().getStatus()).isEqualTo(400);
        assertThat(HtmlPage.text(HtmlPage.parse(gateway.getResponse().getContentAsString()).byId("gateway")))
                .contains("Định danh cổng kết nối: bắt buộc", "Địa chỉ mTLS: bắt buộc, dạng tên máy:cổng",
                        "Chứng thư số: dán chứng thư dạng PEM");

        MvcResult serial = submit("revocations", Map.of("serial", List.of("xyz"), "reason", List.of("Lộ khóa")));
        assertThat(serial.getResponse().getStatus()).isEqualTo(400);
        HtmlPage serialPage = HtmlPage.parse(serial.getResponse().getContentAsString());
        assertThat(HtmlPage.text(serialPage.byId("revocation"))).contains("Số sê-ri: bắt buộc, ở hệ 16");
        assertThat(HtmlPage.value(serialPage.byId("revocation-reason"))).isEqualTo("Lộ khóa");
    }

    @Test
    void theLanguageLinksOfARefusedFormCarryNothingThatWasPosted() throws Exception {
        MvcResult refused = send(post("/exchange/manage/members").param("memberClass", "GOV")
                .param("memberCode", "mã có dấu cách").param("name", "Tên bí mật")
                .header("Referer", "https://registry.example.gov.vn/exchange/manage?lang=vi&asOf=2025-06-30"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        HtmlPage page = HtmlPage.parse(refused.getResponse().getContentAsString());
        List<String> switches = page.elements("a").stream().filter(a -> a.hasAttribute("hreflang"))
                .map(a -> HtmlEscape.unescapeHtml(a.getAttributeValue("href"))).toList();
        assertThat(switches).as("back to the page the form was on (whatever host the browser named, behind a proxy),"
                        + " in either language, without the posted fields")
                .containsExactlyInAnyOrder("/exchange/manage?asOf=2025-06-30&lang=vi",
                        "/exchange/manage?asOf=2025-06-30&lang=en");
        assertThat(page.elementsOfClass("form", "as-of")).as("the directory is today's: no as-of date to choose")
                .isEmpty();
        MvcResult noReferer = send(post("/exchange/manage/members").param("memberCode", "x y").param("name", "Tên"));
        assertThat(HtmlPage.parse(noReferer.getResponse().getContentAsString()).elements("a").stream()
                .filter(a -> a.hasAttribute("hreflang")).map(a -> a.getAttributeValue("href")))
                .as("without a Referer, the form's own address, still without the posted fields")
                .containsExactlyInAnyOrder("/exchange/manage/members?lang=vi", "/exchange/manage/members?lang=en");
    }

    @Test
    void aRevokedCertificateIsInTheNextSignedGlobalConfiguration() throws Exception {
        String serial = "00" + Long.toHexString(Math.abs(UUID.randomUUID().getMostSignificantBits()) | 1L << 60);
        String kept = new BigInteger(serial, 16).toString(16);
        assertThat(notice(submit("revocations", Map.of("serial", List.of(" " + serial.toUpperCase(Locale.ROOT) + " "),
                "reason", List.of("Lộ khóa riêng"))), "Đã thu hồi chứng thư số có số sê-ri"))
                .as("the serial as the directory keeps it").isEqualTo(kept);
        assertThat(register.revokedCertificates()).anySatisfy(r -> {
            assertThat(r.serial()).isEqualTo(kept);
            assertThat(r.reason()).isEqualTo("Lộ khóa riêng");
        });
        assertThat(globalConfiguration().revokedCertificates()).as("what the gateways download and verify")
                .anySatisfy(r -> assertThat(r.serial()).isEqualTo(kept));
    }

    @Test
    void aCertificateAlreadyAnotherGatewaysIsRefusedByName() throws Exception {
        String member = register.registerMember("GOV", "DC." + suffix(), "Bộ thử nghiệm", null, false, "test").id();
        String certificate = certificateFor(member + "/lgsp");
        String first = register.registerGateway(member + "/lgsp", "localhost:5500", certificate, List.of(), false,
                "test").id();
        MvcResult again = submit("gateways", Map.of("id", List.of(member + "/lgsp2"),
                "address", List.of("localhost:5501"), "certificate", List.of(certificate)));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(HtmlPage.text(HtmlPage.parse(again.getResponse().getContentAsString()).byId("gateway")))
                .contains("Chứng thư số này đã là chứng thư của cổng kết nối " + first)
                .doesNotContain("định danh", "already");
        assertThat(register.gateways()).noneMatch(g -> g.id().equals(member + "/lgsp2"));
    }

    @Test
    void aProvinceMovesOntoASharedGatewayAndTheGatewayGetsARenewedCertificateFromThePage() throws Exception {
        String member = register.registerMember("GOV", "GC." + suffix(), "Sở thử nghiệm", null, false, "test").id();
        String own = register.registerSubsystem(member, "portal", null, false, "test").id();
        String moving = register.registerSubsystem(member, "motcua", null, false, "test").id();
        String gateway = register.registerGateway(member + "/lgsp", "lgsp.example.gov.vn:5500",
                certificateFor(member + "/lgsp"), List.of(own), false, "test").id();
        String serialBefore = register.gateways().stream().filter(g -> g.id().equals(gateway)).findFirst()
                .orElseThrow().certificateSerial();

        HtmlPage shown = HtmlPage.parse(send(get("/exchange/manage").param("gateway", gateway)).getResponse()
                .getContentAsString());
        assertThat(HtmlPage.value(shown.byId("gateway-change-address"))).as("the form shows the gateway as it is")
                .isEqualTo("lgsp.example.gov.vn:5500");
        assertThat(HtmlPage.text(shown.byId("gateway-change"))).contains(serialBefore);
        assertThat(send(get("/exchange/manage").param("gateway", gateway)).getResponse().getContentAsString())
                .containsPattern("value=\"" + java.util.regex.Pattern.quote(own) + "\"\\s+checked")
                .doesNotContainPattern("value=\"" + java.util.regex.Pattern.quote(moving) + "\"\\s+checked");

        String renewed = certificateFor(member + "/lgsp");
        assertThat(notice(submit("gateways/change", Map.of("id", List.of(gateway),
                "address", List.of(" lgsp2.example.gov.vn:5500 "), "certificate", List.of(renewed),
                "hostedSubsystems", List.of(own, moving))), "Đã lưu thay đổi của cổng kết nối")).isEqualTo(gateway);
        DirectoryEntries.Gateway after = register.gateways().stream().filter(g -> g.id().equals(gateway)).findFirst()
                .orElseThrow();
        assertThat(after.address()).isEqualTo("lgsp2.example.gov.vn:5500");
        assertThat(after.hostedSubsystems()).containsExactlyInAnyOrder(own, moving);
        assertThat(after.certificateSerial()).isNotEqualTo(serialBefore);
        assertThat(globalConfiguration().gateways()).as("what the gateways download and verify")
                .filteredOn(g -> g.id().encoded().equals(gateway)).singleElement().satisfies(g -> {
                    assertThat(g.address()).isEqualTo("lgsp2.example.gov.vn:5500");
                    assertThat(g.hostedSubsystems().stream().map(h -> h.encoded()))
                            .containsExactlyInAnyOrder(own, moving);
                });

        MvcResult refused = submit("gateways/change", Map.of("id", List.of(gateway),
                "address", List.of("không phải địa chỉ"), "certificate", List.of(renewed),
                "hostedSubsystems", List.of(moving)));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        HtmlPage page = HtmlPage.parse(refused.getResponse().getContentAsString());
        assertThat(HtmlPage.text(page.byId("gateway-change"))).contains("Địa chỉ mTLS: bắt buộc, dạng tên máy:cổng");
        assertThat(HtmlPage.value(page.byId("gateway-change-address"))).as("as typed")
                .isEqualTo("không phải địa chỉ");
        assertThat(refused.getResponse().getContentAsString()).as("the boxes as ticked, not as stored")
                .doesNotContainPattern("value=\"" + java.util.regex.Pattern.quote(own) + "\"\\s+checked");
        assertThat(register.gateways()).filteredOn(g -> g.id().equals(gateway)).singleElement()
                .satisfies(g -> assertThat(g.hostedSubsystems()).as("nothing saved").hasSize(2));

        assertThat(notice(submit("gateways/change", Map.of("id", List.of(gateway),
                "address", List.of("lgsp2.example.gov.vn:5500"), "certificate", List.of(renewed),
                "hostedSubsystems", List.of(moving))), "Đã lưu thay đổi của cổng kết nối")).isEqualTo(gateway);
        assertThat(register.gateways()).filteredOn(g -> g.id().equals(gateway)).singleElement()
                .satisfies(g -> assertThat(g.hostedSubsystems()).as("a system left out is no longer hosted")
                        .containsExactly(moving));

        MvcResult unknown = send(get("/exchange/manage").param("gateway", member + "/khong-co"));
        assertThat(HtmlPage.text(HtmlPage.parse(unknown.getResponse().getContentAsString()).byId("gateway-change")))
                .contains("Không có cổng kết nối " + member + "/khong-co trong danh bạ");
    }

    @Test
    void onlyAdministratorsManageTheDirectory() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        assertThat(mvc.perform(get("/exchange/manage").with(user(editor))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        int members = register.members().size();
        assertThat(mvc.perform(post("/exchange/manage/members").with(user(editor)).with(csrf())
                .param("memberClass", "GOV").param("memberCode", "DM." + suffix()).param("name", "X")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(register.members()).hasSize(members);
        String directory = mvc.perform(get("/exchange").with(user(editor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(directory).doesNotContain("href=\"/exchange/manage\"");
        assertThat(mvc.perform(get("/exchange").with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/exchange/manage\"");
    }

    @Test
    void theApiRefusesUnknownReferencesAsFieldsAndARepeatedIdentifierAsAConflict() {
        String admin = accounts.token(Role.ADMIN, null);
        String code = "DA." + suffix();
        String member = api.create(admin, "/api/v1/exchange/members",
                Map.of("memberClass", "GOV", "memberCode", code, "name", "Bộ thử nghiệm"));

        JsonNode twice = api.post(admin, "/api/v1/exchange/members",
                Map.of("memberClass", "GOV", "memberCode", code, "name", "Lần hai"), 409);
        assertThat(twice.path("code").asString()).isEqualTo("DIRECTORY_ENTRY_EXISTS");

        JsonNode platform = api.post(admin, "/api/v1/exchange/subsystems",
                Map.of("memberId", member, "code", "portal", "platformCode", "KHONG-CO"), 400);
        assertThat(platform.path("errors").get(0).path("field").asString()).isEqualTo("platformCode");
        JsonNode unknownMember = api.post(admin, "/api/v1/exchange/subsystems",
                Map.of("memberId", "VN/GOV/KHONG.CO", "code", "portal"), 400);
        assertThat(unknownMember.path("errors").get(0).path("field").asString()).isEqualTo("memberId");
        assertThat(register.findSubsystem(member + "/portal")).isEmpty();

        String system = api.create(admin, "/api/v1/exchange/subsystems", Map.of("memberId", member, "code", "portal"));
        assertThat(api.post(admin, "/api/v1/exchange/subsystems", Map.of("memberId", member, "code", "portal"), 409)
                .path("code").asString()).isEqualTo("DIRECTORY_ENTRY_EXISTS");
        JsonNode hosted = api.post(admin, "/api/v1/exchange/gateways", Map.of("id", member + "/lgsp",
                "address", "localhost:5500", "certificate", certificateFor(member + "/lgsp"),
                "hostedSubsystems", List.of(system, member + "/khong-co")), 400);
        assertThat(hosted.path("errors").get(0).path("field").asString()).isEqualTo("hostedSubsystems");
        assertThat(register.gateways()).noneMatch(g -> g.id().equals(member + "/lgsp"));
        JsonNode openApi = api.post(admin, "/api/v1/exchange/services", Map.of("subsystemId", system, "code", "units",
                "openApiUrl", "file:///etc/passwd"), 400);
        assertThat(openApi.path("errors").get(0).path("field").asString()).isEqualTo("openApiUrl");
        JsonNode endpoints = api.post(admin, "/api/v1/exchange/services", Map.of("subsystemId", system, "code", "units",
                "endpoints", List.of(Map.of("method", "get"), Map.of("path", "/units"))), 400);
        assertThat(endpoints.path("errors").get(0).path("field").asString()).as("a missing part, not a server error")
                .isEqualTo("endpoints");
        JsonNode control = api.post(admin, "/api/v1/exchange/services", Map.of("subsystemId", system, "code", "units",
                "endpoints", List.of(Map.of("method", "get\u0085", "path", "/a\u0007b"))), 400);
        assertThat(control.path("errors").get(0).path("message").asString()).as("no raw control character quoted")
                .startsWith("'get? /a?b': method: 'GET?' is not a method the gateways relay")
                .contains("path: '/a?b' has a control character.").doesNotContainPattern("\\p{Cc}");
        String service = api.create(admin, "/api/v1/exchange/services", Map.of("subsystemId", system, "code", "units",
                "openApiUrl", "HTTPS://lgsp.example.gov.vn/openapi.json", "endpoints",
                List.of(Map.of("method", "get", "path", " /units/** "), Map.of("method", "GET", "path", "/units/**"))));
        assertThat(register.service(service).endpoints()).as("as the gateways match them, once")
                .containsExactly(new DirectoryEntries.Endpoint("GET", "/units/**"));
    }

    @Test
    void theApiChangesAGatewayWholeAndRefusesAnUnknownOneAnotherGatewaysCertificateAndBadFields() {
        String admin = accounts.token(Role.ADMIN, null);
        String member = register.registerMember("GOV", "GA." + suffix(), "Bộ thử nghiệm", null, false, "test").id();
        String system = register.registerSubsystem(member, "portal", null, false, "test").id();
        String gateway = register.registerGateway(member + "/lgsp", "localhost:5500", certificateFor(member + "/lgsp"),
                List.of(), false, "test").id();
        String other = register.registerGateway(member + "/lgsp2", "localhost:5501",
                certificateFor(member + "/lgsp2"), List.of(), false, "test").id();
        String otherCertificate = register.gateways().stream().filter(g -> g.id().equals(other)).findFirst()
                .orElseThrow().certificatePem();

        JsonNode changed = api.put(admin, "/api/v1/exchange/gateways/" + gateway, Map.of("address", "localhost:5600",
                "certificate", certificateFor(gateway), "hostedSubsystems", List.of(system)), 200);
        assertThat(changed.path("id").asString()).isEqualTo(gateway);
        assertThat(changed.path("address").asString()).isEqualTo("localhost:5600");
        assertThat(changed.path("hostedSubsystems").get(0).asString()).isEqualTo(system);

        JsonNode taken = api.put(admin, "/api/v1/exchange/gateways/" + gateway, Map.of("address", "localhost:5600",
                "certificate", otherCertificate, "hostedSubsystems", List.of(system)), 409);
        assertThat(taken.path("code").asString()).isEqualTo("DIRECTORY_ENTRY_EXISTS");
        assertThat(taken.path("detail").asString()).contains(other);
        JsonNode fields = api.put(admin, "/api/v1/exchange/gateways/" + gateway, Map.of("address", "localhost:99999",
                "certificate", "x", "hostedSubsystems", List.of(member + "/khong-co")), 400);
        assertThat(fields.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("address", "certificate", "hostedSubsystems");
        assertThat(api.put(admin, "/api/v1/exchange/gateways/" + member + "/khong-co", Map.of("address",
                "localhost:5600", "certificate", certificateFor(gateway)), 404).path("code").asString())
                .isEqualTo("NOT_FOUND");
        JsonNode threeParts = api.put(admin, "/api/v1/exchange/gateways/" + member, Map.of("address",
                "localhost:5600", "certificate", certificateFor(gateway)), 404);
        assertThat(threeParts.path("type").asString()).isEqualTo("https://ndp.dx.gov.vn/problems/not-found");
        assertThat(threeParts.path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(threeParts.path("detail").asString()).as("an id of three parts")
                .contains("PUT /api/v1/exchange/gateways/{instance}/{memberClass}/{memberCode}/{gatewayCode}");
        assertThat(register.gateways()).filteredOn(g -> g.id().equals(gateway)).singleElement().satisfies(g -> {
            assertThat(g.address()).isEqualTo("localhost:5600");
            assertThat(g.hostedSubsystems()).containsExactly(system);
        });
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        api.put(editor, "/api/v1/exchange/gateways/" + gateway, Map.of("address", "localhost:5700"), 403);
    }

    /**
     * The id's parts are the path's segments, as the OpenAPI document says, so that a generated client sends its
     * slashes as they are; one that encodes them (%2F), which the server refuses before any handler, is told how to
     * write the id in problem+json, not by the server's HTML error page. A page gets the site's error page.
     */
    @Test
    void theGatewayIdIsFourPathSegmentsAndAnEncodedSlashIsExplainedAsAProblem() throws Exception {
        JsonNode paths = api.get(null, "/v3/api-docs", 200).get("paths");
        JsonNode change = paths.get("/api/v1/exchange/gateways/{instance}/{memberClass}/{memberCode}/{gatewayCode}");
        assertThat(change).as("the id's four parts").isNotNull();
        assertThat(change.get("put").get("parameters").findValuesAsString("name"))
                .containsExactly("instance", "memberClass", "memberCode", "gatewayCode");
        assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/api/v1/exchange/gateways/{id"));

        String encoded = raw("PUT /api/v1/exchange/gateways/VN%2FGOV%2F000.00.00.G12%2Flgsp HTTP/1.1");
        assertThat(encoded).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_PARAMETER\"", "%2F", "/api/v1/exchange/gateways/VN/GOV/000.00.00.G12/lgsp")
                .doesNotContain("<html");
        String quote = raw("GET /api/v1/exchange/evidence?gateway=x&id=a\"b HTTP/1.1");
        assertThat(quote).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("%22").doesNotContain("<html");
        assertThat(raw("GET /platforms/a%2Fb HTTP/1.1")).as("a page's refusal, as the firewall's other ones")
                .startsWith("HTTP/1.1 400").doesNotContain("problem+json");
    }

    /**
     * A path the API has nothing at is a problem naming the paths near it, whatever the path; a page's unknown path
     * keeps the error page.
     */
    @Test
    void anUnknownApiPathIsAProblemNamingThePathsNearItAndAnUnknownPageIsNot() throws Exception {
        String token = accounts.token(Role.ADMIN, null);
        JsonNode unknown = api.get(token, "/api/v1/exchange/access-requests/" + UUID.randomUUID() + "/history", 404);
        assertThat(unknown.path("type").asString()).isEqualTo("https://ndp.dx.gov.vn/problems/not-found");
        assertThat(unknown.path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.path("detail").asString()).contains("/history", "GET|POST /api/v1/exchange/access-requests",
                "POST /api/v1/exchange/access-requests/{id}/approve", "/v3/api-docs")
                .doesNotContain("/api/v1/exchange/gateways");
        assertThat(api.get(token, "/api/v1/nothing-here", 404).path("detail").asString())
                .doesNotContain("near it").contains("/v3/api-docs");
        MvcResult page = send(get("/exchange/nothing-here"));
        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(String.valueOf(page.getResponse().getContentType())).doesNotContain("problem+json");
    }

    /** The whole answer to a request sent as typed (no client would send these), read until the server closes. */
    String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
