package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ndp.registry.adoption.PlanRows.responsible;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.catalog.CatalogueCsv;
import vn.ndp.registry.catalog.PlatformImport;

/**
 * Province proposals, filtered and paged in the database within the reader's
 * scope (API: a plain array with the page in headers; the proposal page and
 * the province page), and the plan form, which offers the national platforms
 * and finds any other through the catalogue search instead of listing the
 * whole catalogue. Each test names its proposals with a word of its own.
 */
@RegistryIntegrationTest
class ProvinceProposalListIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformImport platformImport;

    static String word() {
        return "dexuat" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    String propose(String token, String province, String name) {
        return api.create(token, "/api/v1/adoption/provinces/" + province + "/proposals",
                Map.of("name", name, "reason", "Địa phương cần dùng chung."));
    }

    EntityExchangeResult<JsonNode> list(String token, String query) {
        return api.page(token, "/api/v1/adoption/proposals?" + query);
    }

    void importPlatform(String row) {
        var report = platformImport.importFile("potential.csv", CatalogueCsv.of(row), PlatformImport.Progress.NONE,
                "import (tester)");
        assertThat(report.created()).isEqualTo(1);
    }

    String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aProvinceEditorPagesThroughItsProvincesProposalsTheMostRecentlyChangedFirst() {
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String reviewer = accounts.token(Role.REVIEWER, null);
        String word = word();
        List<String> proposed = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            proposed.add(propose(hanoi, "P-HA-NOI", "Nền tảng quản lý đô thị " + word + " " + i));
        }
        api.post(reviewer, "/api/v1/adoption/proposals/" + proposed.get(0) + "/decision",
                Map.of("decision", "decline", "reason", "Trùng nền tảng quốc gia.", "version", 0), 200);

        EntityExchangeResult<JsonNode> first = list(hanoi, "q=" + word + "&size=2");
        assertThat(ApiCalls.ids(first)).containsExactly(proposed.get(0), proposed.get(2));
        assertThat(first.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(first.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"next\"");
        assertThat(ApiCalls.ids(list(hanoi, "q=" + word + "&size=2&page=2"))).containsExactly(proposed.get(1));
        EntityExchangeResult<JsonNode> beyond = list(hanoi, "q=" + word + "&size=2&page=3");
        assertThat(ApiCalls.ids(beyond)).isEmpty();
        assertThat(beyond.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(ApiCalls.ids(list(hanoi, "q=QUAN+LY+do+thi+" + word + "&status=declined")))
                .containsExactly(proposed.get(0));
        assertThat(ApiCalls.ids(list(hanoi, "q=" + word + "&status=submitted"))).containsExactly(proposed.get(2),
                proposed.get(1));
    }

    @Test
    void aProvinceFilterNarrowsTheReadersScopeAndNeverWidensIt() {
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String caoBang = accounts.token(Role.PROVINCE_EDITOR, "P-CAO-BANG");
        String reviewer = accounts.token(Role.REVIEWER, null);
        String word = word();
        String ofHanoi = propose(hanoi, "P-HA-NOI", "Bản đồ số " + word);
        String ofCaoBang = propose(caoBang, "P-CAO-BANG", "Bản đồ số " + word);

        assertThat(ApiCalls.ids(list(reviewer, "q=" + word))).containsExactlyInAnyOrder(ofHanoi, ofCaoBang);
        assertThat(ApiCalls.ids(list(reviewer, "q=" + word + "&province=P-HA-NOI"))).containsExactly(ofHanoi);
        assertThat(ApiCalls.ids(list(caoBang, "q=" + word))).containsExactly(ofCaoBang);
        EntityExchangeResult<JsonNode> forged = list(caoBang, "q=" + word + "&province=P-HA-NOI");
        assertThat(ApiCalls.ids(forged)).isEmpty();
        assertThat(forged.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void badListParametersAreOneProblemNamingEach() {
        String reviewer = accounts.token(Role.REVIEWER, null);
        JsonNode problem = client.get().uri("/api/v1/adoption/proposals?status=maybe&province=BTC&page=x&size=0")
                .header("Authorization", "Bearer " + reviewer).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status",
                "province", "page", "size");
        assertThat(problem.toString()).contains("no province has the code 'BTC'", "'x' is not a whole number");
    }

    @Test
    void theProposalPageFiltersAndLinksToTheOtherPages() throws Exception {
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String word = word();
        for (int i = 1; i <= 3; i++) {
            propose(hanoi, "P-HA-NOI", "Nền tảng giám sát " + word + " " + i);
        }
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        String page = html(get("/adoption/proposals").param("q", "giam sat " + word).param("size", "2")
                .with(user(reviewer)));
        assertThat(page).contains("Nền tảng giám sát " + word + " 3", "Hiển thị 1–2 trong tổng số 3",
                "class=\"pagination\"", "rel=\"next\"").doesNotContain("Nền tảng giám sát " + word + " 1<");
        String invalid = html(get("/adoption/proposals").param("status", "xong").with(user(reviewer)));
        assertThat(invalid).contains("Bộ lọc chưa hợp lệ nên chưa tìm kiếm",
                "Trạng thái: chọn một trạng thái trong danh sách.");
        assertThat(html(get("/adoption/proposals").param("province", "BTC").with(user(reviewer))))
                .contains("Mã tỉnh, thành phố: không có tỉnh, thành phố nào mang mã này").doesNotContain("<code>");
    }

    @Test
    void enterInAnyFieldOfThePlanFormSearchesForAPlatformAndSavesNothing() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");

        HtmlPage form = HtmlPage.parse(html(get("/adoption/provinces/P-BAC-NINH-2025/plan").param("year", "2031")
                .with(user(editor))));

        Element plan = form.elements("form").stream()
                .filter(f -> "plan-form".equals(f.getAttributeValue("id"))).findFirst().orElseThrow();
        List<Element> buttons = HtmlPage.elements(plan, "button");
        assertThat(buttons).as("Enter submits with the form's first submit button").first()
                .satisfies(first -> {
                    assertThat(first.getAttributeValue("name")).isEqualTo("action");
                    assertThat(first.getAttributeValue("value")).isEqualTo("find");
                    assertThat(first.hasAttribute("formnovalidate")).isTrue();
                });
        assertThat(buttons).extracting(HtmlPage::text).contains("Lưu kế hoạch");

        // what Enter posts: the search, with the form's fields; the form comes back and no plan is written (for a
        // year the province can plan for and no test saves)
        var answer = mvc.perform(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                .param("action", "find").param("find", "định danh").param("year", "2027")
                .param("document_kind", "none").param("status_VNEID", "in_use")).andReturn().getResponse();
        assertThat(answer.getStatus()).as("the form again, not a redirect after saving").isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("id=\"plan-form\"");
        List<Integer> years = new ArrayList<>();
        api.get(null, "/api/v1/adoption/provinces/P-BAC-NINH-2025", 200).get("plans")
                .forEach(p -> years.add(p.get("plan").get("year").asInt()));
        assertThat(years).doesNotContain(2027);
    }

    @Test
    void thePlanFormOffersTheNationalPlatformsAndFindsOthersThroughTheCatalogueSearch() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");
        int year = 2031;

        String form = html(get("/adoption/provinces/P-BAC-NINH-2025/plan").param("year", String.valueOf(year))
                .with(user(editor)));
        assertThat(form).contains("name=\"status_VNEID\"", "name=\"status_SOC-QG\"", "name=\"find\"",
                "Thêm nền tảng khác");

        String found = html(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                .param("year", String.valueOf(year)).param("document_kind", "none")
                .param("status_VNEID", "in_use").param("person_VNEID", "Trần Văn Nam")
                .param("find", "dinh danh dien tu").param("action", "find"));
        assertThat(found).contains("name=\"add\" value=\"VNEID\"", "value=\"Trần Văn Nam\"");

        String added = html(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                .param("year", String.valueOf(year)).param("document_kind", "none").param("add", "KHONG-CO"));
        assertThat(added).contains("no platform has the code &#39;KHONG-CO&#39;");

        String code = "TIEM-NANG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String name = "Nền tảng tiềm năng " + word();
        importPlatform(code + "," + name + ",Potential platform,BTC,government,platform,central,potential,,,,,,");
        assertThat(html(get("/adoption/provinces/P-BAC-NINH-2025/plan").param("year", String.valueOf(year))
                .with(user(editor)))).as("a potential platform is not offered").contains("name=\"status_VNEID\"")
                .doesNotContain("name=\"status_" + code + "\"");
        String other = html(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                .param("year", String.valueOf(year)).param("document_kind", "none")
                .param("find", name).param("action", "find"));
        assertThat(other).contains("name=\"add\" value=\"" + code + "\"");
        String withRow = html(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                .param("year", String.valueOf(year)).param("document_kind", "none")
                .param("status_VNEID", "in_use").param("person_VNEID", "Trần Văn Nam").param("add", code));
        assertThat(withRow).contains("name=\"status_" + code + "\"", "name=\"status_VNEID\"",
                "value=\"Trần Văn Nam\"", "Đã thêm dòng cho nền tảng " + code
                        + "; chọn trạng thái rồi lưu kế hoạch.");

        int saved = mvc.perform(post("/adoption/provinces/P-BAC-NINH-2025/plan").with(user(editor)).with(csrf())
                        .param("year", String.valueOf(year)).param("document_kind", "none")
                        .param("status_VNEID", "in_use").param("status_NDXP", "")
                        .with(responsible("VNEID", "Nguyễn Thị Hoa")))
                .andReturn().getResponse().getStatus();
        assertThat(saved).isEqualTo(302);
        JsonNode province = api.get(null, "/api/v1/adoption/provinces/P-BAC-NINH-2025", 200);
        List<String> platforms = new ArrayList<>();
        province.get("plans").forEach(p -> {
            if (p.get("plan").get("year").asInt() == year) {
                p.get("plan").get("platforms").forEach(a -> platforms.add(a.get("platform").asString()));
            }
        });
        assertThat(platforms).containsExactly("VNEID");
    }
}
