package vn.ndp.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.Browser;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** The audit page pages through the log 50 entries at a time with the shared page links, filters kept. */
@RegistryIntegrationTest
class AuditPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    /** An actor no other test records as, so a filter by it finds only what this test recorded. */
    private static String actor() {
        return "kiemtra-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Test
    void theSecondPageOfAFilteredAuditLogLinksBackToTheFirstWithTheFilterKept() throws Exception {
        String actor = actor();
        for (int i = 1; i <= 51; i++) {
            audit.recordAlone(AuditEvent.SIGN_IN_SUCCEEDED, actor, actor, Map.of("n", i));
        }

        String html = mvc.perform(get("/admin/audit").param("actor", actor).param("page", "2")
                        .with(user(accounts.signedIn(Role.ADMIN, null))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("51 sự kiện");
        List<Element> nav = HtmlPage.parse(html).elementsOfClass("nav", "pagination");
        assertThat(nav).singleElement().satisfies(n -> {
            assertThat(n.getAttributeValue("aria-label")).isEqualTo("Phân trang");
            assertThat(HtmlPage.elements(n, "a")).filteredOn(a -> "prev".equals(a.getAttributeValue("rel")))
                    .singleElement().satisfies(prev -> assertThat(prev.getAttributeValue("href"))
                            .isEqualTo("/admin/audit?actor=" + actor));
            assertThat(HtmlPage.elements(n, "a")).filteredOn(a -> "page".equals(a.getAttributeValue("aria-current")))
                    .extracting(HtmlPage::text).containsExactly("2");
            assertThat(HtmlPage.elements(n, "a")).noneMatch(a -> "next".equals(a.getAttributeValue("rel")));
        });
    }

    @Test
    void aPagePastTheEndOfTheLogSaysSoAndLinksToTheLastPageNotThatNothingMatches() throws Exception {
        String actor = actor();
        for (int i = 1; i <= 51; i++) {
            audit.recordAlone(AuditEvent.SIGN_IN_SUCCEEDED, actor, actor, Map.of("n", i));
        }
        var admin = user(accounts.signedIn(Role.ADMIN, null));

        HtmlPage page = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).param("page", "9999")
                .with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(page.byId("main"))).doesNotContain("Không có sự kiện nào khớp bộ lọc");
        assertThat(HtmlPage.text(page.byId("beyond")))
                .isEqualTo("Trang 9999 không còn mục nào; danh sách có 51 mục, chỉ có 2 trang. Đến trang cuối (trang 2)");
        assertThat(HtmlPage.elements(page.byId("beyond"), "a").getFirst().getAttributeValue("href"))
                .isEqualTo("/admin/audit?actor=" + actor + "&amp;page=2");

        HtmlPage english = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).param("page", "9999")
                .param("lang", "en").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(english.byId("beyond"))).startsWith("There is no page 9999: the list has 51 entries");
        HtmlPage none = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor + "-khong-co")
                .with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(none.byId("main"))).contains("Không có sự kiện nào khớp bộ lọc.");
        assertThat(none.elements("p").stream().filter(p -> "beyond".equals(p.getAttributeValue("id")))).isEmpty();
    }

    @Test
    void aMistypedDateIsShownAboveTheFilterFormWhichKeepsWhatWasTyped() throws Exception {
        String actor = actor();
        audit.recordAlone(AuditEvent.SIGN_IN_SUCCEEDED, actor, actor, Map.of()); // what a search would find
        var result = mvc.perform(get("/admin/audit").param("from", "31/02/2026").param("actor", actor)
                        .param("event", "sign_in_succeeded").with(user(accounts.signedIn(Role.ADMIN, null))))
                .andReturn().getResponse();

        assertThat(result.getStatus()).isEqualTo(200);
        HtmlPage page = HtmlPage.parse(result.getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(page.byId("main"))).contains("Bộ lọc chưa hợp lệ nên chưa tìm kiếm",
                "Từ ngày: một ngày có thật viết theo ngày/tháng/năm").doesNotContainPattern("\\d+ sự kiện");
        assertThat(page.elements("table")).as("nothing searched").isEmpty();
        assertThat(page.byId("from").getAttributeValue("value")).isEqualTo("31/02/2026");
        assertThat(page.byId("actor").getAttributeValue("value")).isEqualTo(actor);
        assertThat(HtmlPage.selected(page.byId("event"))).containsExactly("sign_in_succeeded");
    }

    @Test
    void eventsAreNamedInTheReadersLanguageAndTheirDetailIsReadValueByValue() throws Exception {
        String actor = actor();
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("role", "OPERATOR");
        detail.put("agency", "null");
        detail.put("platforms", List.of("VNEID", "DVCQG"));
        detail.put("enabled", false);
        detail.put("unnamed", "giá trị");
        detail.put("legal_basis", null);
        detail.put("method", "UsernamePasswordAuthenticationToken");
        detail.put("decision_number", "9/QĐ-BKHCN");
        audit.recordAlone(AuditEvent.ACCOUNT_CREATED, actor, actor, detail);
        var admin = user(accounts.signedIn(Role.ADMIN, null));
        assertThat(audit.find(new AuditLog.Filter(null, actor, null, null, null), 1, 0)).singleElement()
                .satisfies(e -> assertThat(e.detail()).as("a value the event lacks is not stored")
                        .containsKey("unnamed").doesNotContainKey("legal_basis"));

        HtmlPage page = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).with(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<Element> cells = HtmlPage.elements(page.elements("tbody").getFirst(), "td");
        assertThat(HtmlPage.text(cells.get(1))).isEqualTo("Tạo tài khoản");
        assertThat(HtmlPage.texts(cells.get(4), "li")).containsExactlyInAnyOrder("Vai trò: Đơn vị vận hành",
                "Nền tảng: VNEID, DVCQG", "Đang hoạt động: Không", "unnamed: giá trị",
                "Cách đăng nhập: Tên đăng nhập và mật khẩu", "Số quyết định: 9/QĐ-BKHCN");
        assertThat(HtmlPage.text(page.byId("event"))).contains("Đăng nhập thành công", "Công bố phiên bản danh mục")
                .doesNotContain("SIGN_IN_SUCCEEDED");

        HtmlPage english = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).param("lang", "en")
                .with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(HtmlPage.elements(english.elements("tbody").getFirst(), "td").get(1)))
                .isEqualTo("Account created");
    }

    @Test
    void rolesResultsVerdictsAndTheOtherStoredConstantsAreShownByTheLabelsThePagesGiveThem() throws Exception {
        String actor = actor();
        audit.recordAlone(AuditEvent.ACCOUNT_CREATED, actor, actor, Map.of("role", "OPERATOR"));
        Map<String, Object> evaluated = new java.util.LinkedHashMap<>();
        evaluated.put("technical", "MEETS");
        evaluated.put("security_level", 3);
        audit.recordAlone(AuditEvent.EVALUATION_RECORDED, actor, "proposal:x", evaluated);
        audit.recordAlone(AuditEvent.LIST_VERSION_PUBLISHED, actor, "list:x",
                Map.of("statuses", List.of("recognised", "in_use")));
        audit.recordAlone(AuditEvent.LOCAL_PLATFORM_CHANGED, actor, "province:x",
                Map.of("overlap_verdict", "DUPLICATE", "fields", List.of("name_vi", "status")));
        audit.recordAlone(AuditEvent.ADOPTION_DECLARED, actor, "province:y",
                Map.of("document_kind", "PLAN", "platforms", List.of("VNEID=in_use")));
        audit.recordAlone(AuditEvent.SUPPORT_REQUEST_OPENED, actor, "support:x", Map.of("priority", "HIGH"));
        audit.recordAlone(AuditEvent.PROPOSAL_EDITED, actor, "proposal:y", Map.of("fields", List.of("owner")));
        var admin = user(accounts.signedIn(Role.ADMIN, null));

        assertThat(details(mvc.perform(get("/admin/audit").param("actor", actor).with(admin))))
                .containsExactlyInAnyOrder("Vai trò: Đơn vị vận hành", "Tiêu chí kỹ thuật: Đáp ứng",
                        "Cấp độ an toàn hệ thống thông tin: 3", "Trạng thái được đưa vào: Đã công nhận, Đang sử dụng",
                        "Kết quả kiểm tra trùng lặp: Trùng lặp",
                        "Các mục thay đổi: Tên nền tảng (tiếng Việt), Trạng thái",
                        "Loại văn bản: Trong kế hoạch chuyển đổi số", "Nền tảng: VNEID: Đang sử dụng",
                        "Mức ưu tiên: Cao", "Các mục thay đổi: Cơ quan chủ quản");
        assertThat(details(mvc.perform(get("/admin/audit").param("actor", actor).param("lang", "en").with(admin))))
                .containsExactlyInAnyOrder("Role: Platform operator", "Technical: Meets",
                        "Information system security level: 3", "Statuses included: Recognised, In use",
                        "Overlap verdict: Duplicate", "Fields changed: Name (Vietnamese), Status",
                        "Document type: In the digital-transformation plan", "Platforms: VNEID: In use",
                        "Priority: High", "Fields changed: Owner");
    }

    /** The audit page's detail lines, entry by entry. */
    private static List<String> details(org.springframework.test.web.servlet.ResultActions page) throws Exception {
        return details(HtmlPage.parse(page.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
    }

    private static List<String> details(HtmlPage page) {
        List<String> details = new java.util.ArrayList<>();
        page.elementsOfClass("ul", "audit-detail").forEach(ul -> details.addAll(HtmlPage.texts(ul, "li")));
        return details;
    }

    @Test
    void aSupportRequestsStatesActionsAndDaysAreReadInTheReadersWordsAndEveryDetailIsLabelled() throws Exception {
        String actor = actor();
        Map<String, Object> moved = new java.util.LinkedHashMap<>();
        moved.put("request", "5f0c7c1e-0000-4000-8000-000000000001");
        moved.put("from", "RESOLVED");
        moved.put("to", "IN_PROGRESS");
        moved.put("action", "REOPEN");
        audit.recordAlone(AuditEvent.SUPPORT_REQUEST_STATUS_CHANGED, actor, "support:x", moved);
        audit.recordAlone(AuditEvent.SUPPORT_REQUEST_OPENED, actor, "support:y", Map.of("due", "2026-11-30",
                "message", "bff0a2c4-0000-4000-8000-000000000002", "attachments", List.of("anh.png")));
        var admin = user(accounts.signedIn(Role.ADMIN, null));

        HtmlPage page = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).with(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(details(page)).contains("Từ: Đã giải quyết", "Sang: Đang xử lý", "Thao tác: Mở lại yêu cầu",
                "Hạn xử lý: 30/11/2026", "Tin nhắn (mã): bff0a2c4-0000-4000-8000-000000000002",
                "Tệp đính kèm: anh.png");
        assertThat(HtmlPage.elements(page.elements("tbody").getFirst(), "code")).as("every detail has a label").isEmpty();
        String english = mvc.perform(get("/admin/audit").param("actor", actor).param("lang", "en").with(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).doesNotContain("REOPEN", "IN_PROGRESS", "2026-11-30");
    }

    @Test
    void anEnglishPageMarksADetailQuotingTypedTextAsVietnamese() throws Exception {
        String actor = actor();
        audit.recordAlone(AuditEvent.SIGN_IN_FAILED, actor, actor, Map.of("reason", "BadCredentialsException"));
        audit.recordAlone(AuditEvent.ACCOUNT_CREATED, actor, actor, Map.of("role", "OPERATOR", "reason",
                "Tài khoản cho đơn vị vận hành mới"));
        var admin = user(accounts.signedIn(Role.ADMIN, null));

        HtmlPage english = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).param("lang", "en")
                .with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<Element> values = english.elementsOfClass("ul", "audit-detail").stream()
                .flatMap(ul -> HtmlPage.elements(ul, "span").stream()).toList();
        assertThat(values).filteredOn(span -> "vi".equals(span.getAttributeValue("lang"))).extracting(HtmlPage::text)
                .as("only the typed reason: a role, and a reason said in words, are not")
                .containsExactly("Tài khoản cho đơn vị vận hành mới");
        HtmlPage vietnamese = HtmlPage.parse(mvc.perform(get("/admin/audit").param("actor", actor).with(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vietnamese.elementsOfClass("ul", "audit-detail").stream()
                .flatMap(ul -> HtmlPage.elements(ul, "span").stream())).noneMatch(span -> span.hasAttribute("lang"));
    }

    /** Spring's own refusals reach the error page through a forward, which MockMvc does not make: a real browser. */
    @Test
    void anAccountWithoutTheRoleIsToldItMayNotSeeThePageNotToTryAgainLater() {
        Account editor = accounts.create(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Browser browser = new Browser(port).signIn(editor.username(), TestAccounts.PASSWORD);

        var refused = browser.get("/admin/audit");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(HtmlPage.text(HtmlPage.parse(refused.body()).byId("main")))
                .contains("Không có quyền truy cập", "không có quyền xem trang này hoặc thực hiện thao tác này",
                        "đăng nhập bằng tài khoản có quyền phù hợp", "quản trị viên")
                .doesNotContain("thử lại sau");
        assertThat(HtmlPage.text(HtmlPage.parse(browser.get("/admin/audit?lang=en").body()).byId("main")))
                .contains("Access denied", "may not see this page or take this action", "ask the registry's administrator");

        var wrongMethod = browser.get("/account/tokens");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(HtmlPage.text(HtmlPage.parse(wrongMethod.body()).byId("main")))
                .contains("Địa chỉ này không nhận yêu cầu theo cách vừa gửi", "quay lại trang trước")
                .doesNotContain("thử lại sau");
    }
}
