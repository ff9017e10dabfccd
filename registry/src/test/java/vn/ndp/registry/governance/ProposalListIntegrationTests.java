package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.shared.Paging;

/**
 * The proposal list, filtered and paged in the database within the reader's
 * scope, through the API (a plain array, the page in headers) and the
 * governance page (filters and page links). Each test names its proposals
 * with a word of its own, as the database is shared.
 */
@RegistryIntegrationTest
class ProposalListIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    MockMvc mvc;

    static String word() {
        return "phantrang" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** Drafts a proposal named "Nền tảng đặt lịch {word} {n}" for the editor's ministry; returns its id. */
    String draft(String token, String word, int n) {
        String code = "PAGING-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return api.create(token, "/api/v1/proposals", Map.of("code", code, "fields",
                GovernanceApiFixtures.fields("Nền tảng đặt lịch " + word + " " + n)));
    }

    EntityExchangeResult<JsonNode> list(String token, String query) {
        return api.page(token, "/api/v1/proposals?" + query);
    }

    @Test
    void anEditorPagesThroughTheirMinistrysProposalsTheMostRecentlyChangedFirst() {
        String finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String word = word();
        List<String> drafted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            drafted.add(draft(finance, word, i));
        }

        EntityExchangeResult<JsonNode> first = list(finance, "q=" + word + "&size=2");
        assertThat(ApiCalls.ids(first)).containsExactly(drafted.get(4), drafted.get(3));
        assertThat(first.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("5");
        assertThat(first.getResponseHeaders().getFirst("X-Page-Size")).isEqualTo("2");
        assertThat(first.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"next\"")
                .doesNotContain("prev");
        EntityExchangeResult<JsonNode> last = list(finance, "q=" + word + "&size=2&page=3");
        assertThat(ApiCalls.ids(last)).containsExactly(drafted.get(0));
        assertThat(last.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"prev\"")
                .doesNotContain("next");
        EntityExchangeResult<JsonNode> beyond = list(finance, "q=" + word + "&size=2&page=9");
        assertThat(ApiCalls.ids(beyond)).isEmpty();
        assertThat(beyond.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("5");
        assertThat(beyond.getResponseHeaders().getFirst("X-Page")).isEqualTo("9");
        EntityExchangeResult<JsonNode> unpaged = list(finance, "q=" + word);
        assertThat(ApiCalls.ids(unpaged)).hasSize(5);
        assertThat(unpaged.getResponseHeaders().getFirst("X-Page-Size")).isEqualTo(String.valueOf(Paging.MAX_SIZE));
    }

    @Test
    void theWordsIgnoreDiacriticsAndCaseAndMatchTheCodeToo() {
        String finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String word = word();
        String id = draft(finance, word, 1);
        String code = list(finance, "q=" + word).getResponseBody().get(0).get("code").asString();

        assertThat(ApiCalls.ids(list(finance, "q=NEN+TANG+dat+LICH+" + word))).containsExactly(id);
        assertThat(ApiCalls.ids(list(finance, "q=" + code.toLowerCase(Locale.ROOT)))).containsExactly(id);
        assertThat(ApiCalls.ids(list(finance, "q=lịch+" + word + "+khong"))).isEmpty();
    }

    @Test
    void theStatusFilterAndTheScopeAreAppliedInTheDatabase() {
        String finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String health = accounts.token(Role.MINISTRY_EDITOR, "BYT");
        String reviewer = accounts.token(Role.REVIEWER, null);
        String word = word();
        String kept = draft(finance, word, 1);
        String submitted = draft(finance, word, 2);
        api.post(finance, "/api/v1/proposals/" + submitted + "/submit", Map.of("version", 0), 200);

        assertThat(ApiCalls.ids(list(finance, "q=" + word + "&status=submitted"))).containsExactly(submitted);
        assertThat(ApiCalls.ids(list(finance, "q=" + word + "&status=draft"))).containsExactly(kept);
        assertThat(ApiCalls.ids(list(reviewer, "q=" + word))).containsExactly(submitted, kept);
        EntityExchangeResult<JsonNode> otherMinistry = list(health, "q=" + word);
        assertThat(ApiCalls.ids(otherMinistry)).isEmpty();
        assertThat(otherMinistry.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void badListParametersAreOneProblemNamingEach() {
        String reviewer = accounts.token(Role.REVIEWER, null);
        JsonNode problem = client.get().uri("/api/v1/proposals?status=done&page=0&size=201&q=" + "x".repeat(201))
                .header("Authorization", "Bearer " + reviewer).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status", "page",
                "size", "q");
        assertThat(problem.toString()).contains("must be between 1 and " + Paging.MAX_SIZE + ", was 201");
    }

    @Test
    void theGovernancePageFiltersAndLinksToTheOtherPages() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        String word = word();
        for (int i = 1; i <= 3; i++) {
            draft(finance, word, i);
        }

        String html = mvc.perform(get("/governance").param("q", word).param("size", "2")
                        .with(user(editor)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Nền tảng đặt lịch " + word + " 3", "Nền tảng đặt lịch " + word + " 2",
                        "Hiển thị 1–2 trong tổng số 3", "class=\"pagination\"", "page=2", "rel=\"next\"")
                .doesNotContain("Nền tảng đặt lịch " + word + " 1<");
        String beyond = mvc.perform(get("/governance").param("q", word).param("size", "2").param("page", "5")
                        .with(user(editor)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(beyond).contains("Trang 5 không còn mục nào; danh sách có 3 mục", "Đến trang cuối (trang 2)");
        String invalid = mvc.perform(get("/governance").param("size", "500").param("lang", "en")
                        .with(user(editor)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(invalid).contains("The filters are not valid, so nothing was searched", "size");
    }
}
