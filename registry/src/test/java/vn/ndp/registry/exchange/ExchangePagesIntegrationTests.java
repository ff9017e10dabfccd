package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.exchange.internal.SigningKeys;

/** The exchange pages as an editor, a provider, an administrator and an anonymous visitor see them. */
@RegistryIntegrationTest
class ExchangePagesIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ExchangeRegister register;

    @Autowired
    AccessRequests requests;

    @Autowired
    UsageStatistics usage;

    @Autowired
    SigningKeys keys;

    /** A provider subsystem of Hà Nội on DVCQG, a consumer of the Ministry of Finance, one gateway hosting both. */
    record Topology(String provider, String consumer, String service, String gateway) {
    }

    Topology register(boolean sample) {
        return register(sample, "DVCQG");
    }

    Topology register(boolean sample, String platformCode) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String providerMember = register.registerMember("GOV", "PG.H" + suffix, "UBND Thành phố Hà Nội (thử)",
                "P-HA-NOI", sample, "test").id();
        String consumerMember = register.registerMember("GOV", "PG.B" + suffix, "Bộ Tài chính (thử)", "BTC", sample,
                "test").id();
        String provider = register.registerSubsystem(providerMember, "portal", platformCode, sample, "test").id();
        String consumer = register.registerSubsystem(consumerMember, "ledger", null, sample, "test").id();
        String service = register.registerService(provider, "units", "Đơn vị hành chính",
                null, List.of(new Endpoint("GET", "/units/**")), sample, "test").id();
        GatewayId gatewayId = GatewayId.parse(providerMember + "/lgsp");
        String gateway = register.registerGateway(gatewayId.encoded(), "localhost:5500",
                ExchangeTestData.certificateFor(keys, gatewayId.encoded()),
                List.of(provider, consumer), sample, "test").id();
        return new Topology(provider, consumer, service, gateway);
    }

    String page(UserDetails who, String uri) throws Exception {
        MvcResult result = mvc.perform(get(uri).with(user(who))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    UUID requestAccess(UserDetails editor, Topology t, String purpose) throws Exception {
        return requestAccess(editor, t, purpose, "GET", "/units/**");
    }

    UUID requestAccess(UserDetails editor, Topology t, String purpose, String method, String path) throws Exception {
        MvcResult sent = mvc.perform(post("/exchange/access-requests").with(user(editor)).with(csrf())
                .param("clientId", t.consumer()).param("serviceId", t.service())
                .param("method", method == null ? "" : method).param("path", path == null ? "" : path)
                .param("purpose", purpose)
                .param("legalBasis", "Nghị định 47/2020/NĐ-CP")).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/exchange/access-requests#request-");
        return UUID.fromString(location.substring(location.indexOf("#request-") + "#request-".length()));
    }

    @Test
    void anonymousVisitorsAreAskedToSignInBeforeSeeingTheDirectory() throws Exception {
        for (String uri : List.of("/exchange", "/exchange/access-requests")) {
            MvcResult result = mvc.perform(get(uri)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        }
    }

    @Test
    void anEditorSeesMembersSubsystemsWithTheirPlatformGatewaysAndTheirTenantsServicesAndRights() throws Exception {
        Topology t = register(true);
        DirectoryEntries.AccessRight right = register.grant(t.consumer(), t.service(), null, null, true, "test");
        String html = page(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), "/exchange");
        assertThat(html).contains(t.provider(), t.consumer(), t.service(), t.gateway(), "GET /units/**",
                "Cổng Dịch vụ công quốc gia", "LGSP dùng chung", ">Dữ liệu mẫu</span>", "Số giao dịch theo ngày",
                "Danh bạ trao đổi dữ liệu", "href=\"/exchange\"", "href=\"/agencies/P-HA-NOI\"")
                .containsPattern("href=\"/agencies/P-HA-NOI\"\\s*>Thành phố Hà Nội</a>")
                .doesNotContain("/ Sample", "LGSP as a service");
        ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
        assertThat(textOf(html, "rights")).as("the day the right was granted, in Vietnam")
                .contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(vietnam).format(right.grantedAt()));
        String english = page(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), "/exchange?lang=en");
        assertThat(textOf(english, "rights")).contains(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                .withZone(vietnam).format(right.grantedAt()));
        assertThat(english).contains("Data exchange directory", "LGSP as a service", ">Sample</span>")
                .containsPattern("href=\"/agencies/P-HA-NOI\"\\s*>Hanoi</a>")
                .doesNotContain("Dữ liệu mẫu");
        assertThat(HtmlPage.parse(english).elements("td")).filteredOn(td -> "vi".equals(td.getAttributeValue("lang")))
                .extracting(HtmlPage::text).as("members' and services' names as registered, marked Vietnamese")
                .contains("UBND Thành phố Hà Nội (thử)", "Bộ Tài chính (thử)", "Đơn vị hành chính");
        assertThat(HtmlPage.parse(html).elements("td")).noneSatisfy(td -> assertThat(td.hasAttribute("lang"))
                .isTrue());
    }

    /**
     * A gateway is shared (an LGSP offered as a service) when it hosts a system of a member other than its owner, as
     * the protocol has it: one such system is enough, and an agency's own gateway hosting several of its own systems
     * is not.
     */
    @Test
    void aGatewayHostingAnotherMembersSystemIsCalledSharedAndOneHostingOnlyItsOwnersSystemsIsNot() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String member = register.registerMember("GOV", "PG.R" + suffix, "Bộ Tài chính (thử)", "BTC", false, "test")
                .id();
        List<String> systems = List.of(register.registerSubsystem(member, "budget", null, false, "test").id(),
                register.registerSubsystem(member, "procurement", null, false, "test").id());
        GatewayId own = GatewayId.parse(member + "/lgsp");
        register.registerGateway(own.encoded(), "localhost:5501", ExchangeTestData.certificateFor(keys, own.encoded()),
                systems, false, "test");
        String host = register.registerMember("GOV", "PG.S" + suffix, "Sở Thông tin (thử)", "P-HUE", false, "test")
                .id();
        GatewayId forOne = GatewayId.parse(host + "/lgsp");
        register.registerGateway(forOne.encoded(), "localhost:5502",
                ExchangeTestData.certificateFor(keys, forOne.encoded()), List.of(systems.getFirst()), false, "test");
        Topology shared = register(false);

        HtmlPage page = HtmlPage.parse(page(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), "/exchange"));
        Map<String, String> rows = new java.util.HashMap<>();
        for (Element row : HtmlPage.elements(page.byId("gateways"), "tr")) {
            List<Element> codes = HtmlPage.elements(row, "code");
            if (!codes.isEmpty()) {
                rows.put(HtmlPage.text(codes.getFirst()), HtmlPage.text(HtmlPage.elements(row, "td").getFirst()));
            }
        }
        assertThat(rows.get(own.encoded())).isNotNull().doesNotContain("LGSP dùng chung");
        assertThat(rows.get(forOne.encoded())).as("one system of another member").contains("LGSP dùng chung");
        assertThat(rows.get(shared.gateway())).contains("LGSP dùng chung");
    }

    /** The text of the page's element with that id (a section, a request's card). */
    static String textOf(String html, String id) {
        return HtmlPage.text(HtmlPage.parse(html).byId(id));
    }

    @Test
    void transactionsPerDayAreChartedAndSampleTrafficIsMarked() throws Exception {
        Topology t = register(true, null);
        report(t, 9);
        String html = page(accounts.signedIn(Role.ADMIN, null), "/exchange?by=platform");
        assertThat(html).contains("<svg", t.provider(), "class=\"bar-chart\"", "Số giao dịch mỗi ngày",
                "Số liệu dưới đây có giao dịch của dịch vụ mẫu");
    }

    @Test
    void transactionCountsAreGroupedForTheReadersLanguage() throws Exception {
        Topology t = register(false, null);
        report(t, 12_349);
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);
        String vietnamese = page(admin, "/exchange?by=platform");
        assertThat(HtmlPage.texts(rowOf(vietnamese, t.provider()), "td")).first().isEqualTo("12.349");
        assertThat(vietnamese).containsPattern("class=\"bar-value\"[^>]*>\\d{1,3}(\\.\\d{3})+</text>");
        String english = page(admin, "/exchange?by=platform&lang=en");
        assertThat(HtmlPage.texts(rowOf(english, t.provider()), "td")).first().isEqualTo("12,349");
        assertThat(english).containsPattern("class=\"bar-value\"[^>]*>\\d{1,3}(,\\d{3})+</text>");
    }

    @Test
    void usageRowsNameTheirPlatformOrAgencyAndSayWhenASystemIsLinkedToNoPlatform() throws Exception {
        Topology linked = register(false);
        Topology unlinked = register(false, null);
        report(linked, 3);
        report(unlinked, 3);
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);

        String byPlatform = page(admin, "/exchange?by=platform");
        assertThat(byPlatform).as("the note says how many days the figures cover, as many as the chart has")
                .contains("theo ngày giờ Việt Nam, trong " + UsageStatistics.RECENT_DAYS + " ngày gần nhất.");
        assertThat(HtmlPage.text(rowOf(byPlatform, "DVCQG"))).contains("Cổng Dịch vụ công quốc gia");
        assertThat(HtmlPage.text(rowOf(byPlatform, unlinked.provider())))
                .contains("Hệ thống chưa gắn nền tảng trong danh mục");
        assertThat(HtmlPage.text(rowOf(page(admin, "/exchange?by=agency"), "P-HA-NOI"))).contains("Hà Nội");
        assertThat(HtmlPage.text(rowOf(page(admin, "/exchange?by=agency&lang=en"), "P-HA-NOI"))).contains("Hanoi");
    }

    @Test
    void aRightGrantedThroughTheFormBetweenSampleSystemsIsMarkedSample() throws Exception {
        Topology sample = register(true);
        Topology real = register(false);
        UserDetails consumerEditor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails providerEditor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        for (Topology t : List.of(sample, real)) {
            UUID id = requestAccess(consumerEditor, t, "Đối chiếu đơn vị hành chính");
            assertThat(mvc.perform(post("/exchange/access-requests/" + id + "/approve").with(user(providerEditor))
                    .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        }

        assertThat(register.accessRights()).filteredOn(r -> r.serviceId().equals(sample.service()))
                .singleElement().satisfies(r -> assertThat(r.sample()).isTrue());
        assertThat(register.accessRights()).filteredOn(r -> r.serviceId().equals(real.service()))
                .singleElement().satisfies(r -> assertThat(r.sample()).isFalse());
    }

    /** The provider gateway of {@code t} reports {@code count} successful calls of its service this minute, all fast. */
    void report(Topology t, long count) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        usage.receive(new UsageReport(UUID.randomUUID(), t.gateway(), minute, List.of(
                ExchangeDirectoryIntegrationTests.aggregate(minute, UsageAggregate.PROVIDER, t.consumer(), t.service(),
                        200, count))));
    }

    /** The usage table's row for {@code key}: the last row on the page whose code is the key. */
    static Element rowOf(String html, String key) {
        List<Element> rows = HtmlPage.parse(html).elements("tr").stream()
                .filter(row -> HtmlPage.texts(row, "code").contains(key)).toList();
        assertThat(rows).as("a row for %s", key).isNotEmpty();
        return rows.getLast();
    }

    @Test
    void requestCardsSayWhenARequestWasMadeAndDecidedAndWhoDecidedByName() throws Exception {
        Topology t = register(false);
        UserDetails consumerEditor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails providerEditor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        UUID id = requestAccess(consumerEditor, t, "Đối chiếu đơn vị hành chính");
        MvcResult deny = mvc.perform(post("/exchange/access-requests/" + id + "/deny").with(user(providerEditor))
                .with(csrf()).param("reason", "Chưa nêu văn bản cụ thể")).andReturn();
        assertThat(deny.getResponse().getStatus()).isEqualTo(302);
        AccessRequests.AccessRequest denied = requests.get(id);
        assertThat(denied.decidedBy()).isEqualTo(providerEditor.getUsername());
        DateTimeFormatter vietnamese = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

        String html = page(consumerEditor, "/exchange/access-requests");
        Element card = HtmlPage.parse(html).byId("request-" + id);
        // people by name, with the username that records keep beside it
        assertThat(HtmlPage.text(card)).contains("Ngày đề nghị",
                vietnamese.format(denied.requestedAt()),
                TestAccounts.shownName(consumerEditor.getUsername()),
                "Ngày quyết định", vietnamese.format(denied.decidedAt()), "Người quyết định",
                TestAccounts.shownName(providerEditor.getUsername()),
                "Chưa nêu văn bản cụ thể", "GET /units/**");
        assertThat(HtmlPage.elements(card, "wbr")).as("identifiers may wrap after each /").isNotEmpty();
        assertThat(html).contains("class=\"request-card\"").doesNotContain("published-item");

        String english = page(consumerEditor, "/exchange/access-requests?lang=en");
        assertThat(english).contains("Requested on", "Decided on", "Decided by", providerEditor.getUsername());
        assertThat(HtmlPage.elements(HtmlPage.parse(english).byId("request-" + id), "dd"))
                .filteredOn(dd -> "vi".equals(dd.getAttributeValue("lang")))
                .as("what was typed and the people's names, in Vietnamese")
                .extracting(HtmlPage::text).containsExactly("Đối chiếu đơn vị hành chính", "Nghị định 47/2020/NĐ-CP",
                        TestAccounts.shownName(consumerEditor.getUsername()),
                        TestAccounts.shownName(providerEditor.getUsername()), "Chưa nêu văn bản cụ thể");
        assertThat(HtmlPage.elements(HtmlPage.parse(html).byId("request-" + id), "dd"))
                .noneSatisfy(dd -> assertThat(dd.hasAttribute("lang")).isTrue());
    }

    @Test
    void theRequestFormStacksItsLabelsAndNamesTheMethodOnce() throws Exception {
        register(false);
        String html = page(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), "/exchange/access-requests");
        assertThat(html).contains("action=\"/exchange/access-requests#new-heading\" class=\"stacked\"", ">Phương thức</label>",
                "ví dụ GET /units/**.</p>").doesNotContain("stacked-form", "để trống", "/units/** .");
    }

    @Test
    void aConsumerEditorRequestsAccessAndTheProviderEditorApprovesItFromTheQueue() throws Exception {
        Topology t = register(false);
        UserDetails consumerEditor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails providerEditor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String form = page(consumerEditor, "/exchange/access-requests");
        assertThat(form).contains("name=\"_csrf\"", "name=\"purpose\"", "name=\"legalBasis\"", t.consumer());
        UUID id = requestAccess(consumerEditor, t, "Đối chiếu đơn vị hành chính");
        assertThat(page(consumerEditor, "/exchange/access-requests")).contains("request-" + id, "Chờ quyết định",
                "/exchange/access-requests/" + id + "/withdraw");

        String queue = page(providerEditor, "/exchange/access-requests");
        assertThat(queue).contains("decide-" + id, "/exchange/access-requests/" + id + "/approve");
        MvcResult approved = mvc.perform(post("/exchange/access-requests/" + id + "/approve").with(user(providerEditor))
                .with(csrf())).andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/exchange/access-requests");
        assertThat(requests.get(id).status()).isEqualTo(AccessRequests.Status.APPROVED);
        assertThat(register.accessRights()).anySatisfy(right -> {
            assertThat(right.clientId()).isEqualTo(t.consumer());
            assertThat(right.serviceId()).isEqualTo(t.service());
            assertThat(right.path()).isEqualTo("/units/**");
        });
        MvcResult again = mvc.perform(post("/exchange/access-requests/" + id + "/approve").with(user(providerEditor))
                .with(csrf())).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("Đề nghị này đã được xử lý");
    }

    /**
     * One rule says who sees a request, on the page and in the API: a provider's editor keeps seeing the requests for
     * their services once decided, under a heading of their own, as the API lists them.
     */
    @Test
    void theProvidersEditorKeepsSeeingTheRequestsTheyDecidedAndThePageShowsWhatTheApiLists() throws Exception {
        Topology t = register(false);
        UserDetails consumerEditor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails providerEditor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        UserDetails otherProvince = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        UUID id = requestAccess(consumerEditor, t, "Đối chiếu đơn vị hành chính");
        assertThat(mvc.perform(post("/exchange/access-requests/" + id + "/approve").with(user(providerEditor))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);

        String html = page(providerEditor, "/exchange/access-requests");
        assertThat(HtmlPage.text(HtmlPage.parse(html).byId("decided-" + id))).contains("Đã phê duyệt",
                "Đối chiếu đơn vị hành chính");
        assertThat(html).contains("Đề nghị đã quyết định cho dịch vụ của đơn vị tôi")
                .doesNotContain("id=\"decide-" + id);
        assertThat(page(providerEditor, "/exchange/access-requests?lang=en"))
                .contains("Decided requests for my organisation&#39;s services");
        for (UserDetails who : List.of(consumerEditor, providerEditor, otherProvince)) {
            assertThat(shownOnPage(who)).as(who.getUsername()).isEqualTo(listedByApi(who));
        }
        assertThat(listedByApi(otherProvince)).doesNotContain(id.toString());
    }

    /** The requests on the access request page's cards, whichever heading they are under. */
    private Set<String> shownOnPage(UserDetails who) throws Exception {
        return HtmlPage.parse(page(who, "/exchange/access-requests")).elementsOfClass("article", "request-card")
                .stream().map(card -> card.getAttributeValue("id").replaceFirst("^[a-z]+-", ""))
                .collect(Collectors.toSet());
    }

    private Set<String> listedByApi(UserDetails who) throws Exception {
        MvcResult listed = mvc.perform(get("/api/v1/exchange/access-requests").with(user(who))).andReturn();
        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        return Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(listed.getResponse().getContentAsString())
                .results().map(found -> found.group(1)).collect(Collectors.toSet());
    }

    @Test
    void anotherAgencysEditorNeitherSeesNorDecidesTheRequest() throws Exception {
        Topology t = register(false);
        UUID id = requestAccess(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), t, "Đối chiếu");
        UserDetails otherProvince = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        assertThat(page(otherProvince, "/exchange/access-requests")).doesNotContain("decide-" + id);
        for (String action : List.of("approve", "deny")) {
            MvcResult refused = mvc.perform(post("/exchange/access-requests/" + id + "/" + action)
                    .with(user(otherProvince)).with(csrf()).param("reason", "không")).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        }
        MvcResult requestForOthers = mvc.perform(post("/exchange/access-requests").with(user(otherProvince))
                .with(csrf()).param("clientId", t.consumer()).param("serviceId", t.service())
                .param("purpose", "x").param("legalBasis", "y")).andReturn();
        assertThat(requestForOthers.getResponse().getStatus()).isEqualTo(403);
        assertThat(requests.get(id).status()).isEqualTo(AccessRequests.Status.PENDING);
    }

    @Test
    void theAuthorityDeniesWithAReasonAndADenialWithoutOneIsRefused() throws Exception {
        Topology t = register(false);
        UUID id = requestAccess(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), t, "Đối chiếu");
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);
        MvcResult empty = mvc.perform(post("/exchange/access-requests/" + id + "/deny").with(user(admin)).with(csrf())
                .param("reason", " ")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(HtmlPage.text(HtmlPage.parse(empty.getResponse().getContentAsString()).elementsOfClass("div", "problems")
                .getFirst())).contains("Lý do từ chối: bắt buộc");
        assertThat(HtmlPage.parse(empty.getResponse().getContentAsString()).byId("reason-" + id)
                .getAttributeValue("value")).isEqualTo(" ");
        MvcResult denied = mvc.perform(post("/exchange/access-requests/" + id + "/deny").with(user(admin))
                .with(csrf()).param("reason", "Thiếu căn cứ pháp lý cụ thể")).andReturn();
        assertThat(denied.getResponse().getStatus()).isEqualTo(302);
        assertThat(requests.get(id).status()).isEqualTo(AccessRequests.Status.DENIED);
        assertThat(page(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"), "/exchange/access-requests"))
                .contains("Thiếu căn cứ pháp lý cụ thể", "Bị từ chối");
    }

    @Test
    void anIncompleteRequestIsShownAgainInVietnameseNamingTheFormsLabelsWithWhatWasTyped() throws Exception {
        Topology t = register(false);
        int before = requests.find(null).size();
        MvcResult refused = mvc.perform(post("/exchange/access-requests").with(user(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC")))
                .with(csrf()).param("clientId", t.consumer()).param("serviceId", t.service()).param("method", "GET")
                .param("path", "months").param("purpose", "Đối chiếu số liệu").param("legalBasis", "")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("class=\"problems\"", "Chưa gửi được: thông tin chưa đầy đủ hoặc chưa hợp lệ.",
                "Căn cứ pháp lý: bắt buộc, tối đa 500 ký tự", "Đường dẫn phải bắt đầu bằng /",
                "Đối chiếu số liệu", "value=\"months\"", "action=\"/exchange/access-requests#new-heading\"")
                .doesNotContain("The access request is incomplete", "legalBasis</code>", "does not start with");
        assertThat(html.indexOf("Căn cứ pháp lý: bắt buộc")).as("the problems under the form's heading")
                .isGreaterThan(html.indexOf("id=\"new-heading\"")).isGreaterThan(html.indexOf("<main"));
        assertThat(html).contains("id=\"new-heading\"");
        assertThat(requests.find(null)).hasSize(before);

        MvcResult english = mvc.perform(post("/exchange/access-requests?lang=en")
                .with(user(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"))).with(csrf()).param("clientId", t.consumer())
                .param("serviceId", t.service()).param("purpose", " ").param("legalBasis", "Nghị định 47/2020/NĐ-CP"))
                .andReturn();
        assertThat(english.getResponse().getContentAsString())
                .contains("Not sent: some information is missing or invalid.",
                        "Purpose of use: required, at most 2,000 characters.");
    }

    @Test
    void aPathWithADotDotSegmentOrAForgedMethodIsRefusedSayingWhatToWrite() throws Exception {
        Topology t = register(false);
        int before = requests.find(null).size();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        MvcResult refused = mvc.perform(post("/exchange/access-requests").with(user(editor)).with(csrf())
                .param("clientId", t.consumer()).param("serviceId", t.service()).param("method", "FOO")
                .param("path", "/../**").param("purpose", "Đối chiếu số liệu")
                .param("legalBasis", "Nghị định 47/2020/NĐ-CP")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains(
                "Phương thức: chọn GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS hoặc * cho đường dẫn đã nhập",
                "không có đoạn rỗng (//), đoạn . hay ..");
        HtmlPage page = HtmlPage.parse(refused.getResponse().getContentAsString());
        assertThat(HtmlPage.texts(page.byId("method"), "option")).as("the methods the gateways relay, or any")
                .containsExactly("Toàn bộ dịch vụ", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*");
        assertThat(requests.find(null)).hasSize(before);
    }

    @Test
    void aRequestForAServiceRemovedWhileTheFormWasOpenComesBackWithWhatWasTyped() throws Exception {
        Topology t = register(false);
        int before = requests.find(null).size();
        MvcResult refused = mvc.perform(post("/exchange/access-requests")
                .with(user(accounts.signedIn(Role.MINISTRY_EDITOR, "BTC"))).with(csrf())
                .param("clientId", t.consumer()).param("serviceId", t.service() + "-removed").param("method", "")
                .param("path", "").param("purpose", "Đối chiếu danh mục đơn vị")
                .param("legalBasis", "Nghị định 47/2020/NĐ-CP")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        HtmlPage page = HtmlPage.parse(refused.getResponse().getContentAsString());
        assertThat(HtmlPage.text(page.byId("main"))).contains("Chưa gửi được: thông tin chưa đầy đủ hoặc chưa hợp lệ.",
                "Dịch vụ: chọn dịch vụ cần truy cập trong danh sách.");
        assertThat(HtmlPage.text(page.byId("purpose"))).isEqualTo("Đối chiếu danh mục đơn vị");
        assertThat(page.byId("legal-basis").getAttributeValue("value")).isEqualTo("Nghị định 47/2020/NĐ-CP");
        assertThat(requests.find(null)).hasSize(before);
    }

    @Test
    void aSecondPendingRequestAndARequestForAHeldRightAreRefusedOnTheForm() throws Exception {
        Topology t = register(false);
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UUID first = requestAccess(editor, t, "Đối chiếu đơn vị hành chính");
        int before = requests.find(null).size();
        MvcResult again = mvc.perform(post("/exchange/access-requests").with(user(editor)).with(csrf())
                .param("clientId", t.consumer()).param("serviceId", t.service()).param("method", "GET")
                .param("path", "/units/**").param("purpose", "Lần nữa").param("legalBasis", "Nghị định 47/2020/NĐ-CP"))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString())
                .contains("đã có đề nghị đang chờ bên cung cấp quyết định", "Lần nữa");
        assertThat(requests.find(null)).hasSize(before);

        requests.approve(first, "test");
        MvcResult held = mvc.perform(post("/exchange/access-requests").with(user(editor)).with(csrf())
                .param("clientId", t.consumer()).param("serviceId", t.service()).param("method", "GET")
                .param("path", "/units/**").param("purpose", "Lần nữa").param("legalBasis", "Nghị định 47/2020/NĐ-CP"))
                .andReturn();
        assertThat(held.getResponse().getStatus()).isEqualTo(409);
        assertThat(held.getResponse().getContentAsString()).contains("bên sử dụng đã có quyền này");
        assertThat(requests.find(null)).hasSize(before);
        UUID wholeService = requestAccess(editor, t, "Toàn bộ dịch vụ", null, null);
        assertThat(requests.get(wholeService).status()).isEqualTo(AccessRequests.Status.PENDING);
    }

    @Test
    void anUnknownCountByIsExplainedInVietnameseNextToItsChoices() throws Exception {
        MvcResult bad = mvc.perform(get("/exchange?by=galaxy").with(user(accounts.signedIn(Role.ADMIN, null))))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString())
                .contains("Thống kê theo: “galaxy” không phải là một lựa chọn", "id=\"usage-by\"")
                .doesNotContain("is not one of");
    }

    @Test
    void markupTypedIntoARequestIsShownAsTextNeverAsMarkup() throws Exception {
        Topology t = register(false);
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        requestAccess(editor, t, SCRIPT);
        String html = page(accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI"), "/exchange/access-requests");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(SCRIPT);
    }
}
