package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;

/**
 * Creating accounts through the administrator's page and the API: what is refused, and what is recorded. Agencies
 * that no longer exist get no new accounts; the accounts they had keep working.
 */
@RegistryIntegrationTest
class AccountCreationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    Accounts users;

    @Autowired
    AuditLog audit;

    static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> newAccount(String username, String role, String agencyCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Nguyễn Văn An");
        body.put("role", role);
        body.put("agencyCode", agencyCode);
        body.put("password", "một mật khẩu đủ dài");
        return body;
    }

    @Test
    void anAccountForAMinistryMergedAwayIsRefusedOnThePageNamingTheMinistryItBecamePartOf() throws Exception {
        String username = username("bkhdt-editor");

        var refused = mvc.perform(post("/admin/accounts").with(user(accounts.signedIn(Role.ADMIN, null)))
                        .with(csrf()).param("username", username).param("displayName", "Nguyễn Văn An")
                        .param("role", "ministry_editor").param("agencyCode", "bkhdt")
                        .param("password", "một mật khẩu đủ dài"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(409);
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Chưa tạo được tài khoản: mã cơ quan này không còn được dùng.");
        assertThat(AccountPagesIntegrationTests.problems(html)).containsExactly("Mã cơ quan: Bộ Kế hoạch và Đầu tư"
                + " (BKHDT) không còn hoạt động từ ngày 01/03/2025: cơ quan đã được sắp xếp vào Bộ Tài chính (BTC)."
                + " Hãy tạo tài khoản cho Bộ Tài chính; các tài khoản đã có của Bộ Kế hoạch và Đầu tư vẫn dùng được"
                + " như trước.");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void anAccountForAProvinceMergedAwayIsRefusedByTheApiWithAStableCode() {
        String admin = accounts.token(Role.ADMIN, null);
        String username = username("ha-giang-editor");

        JsonNode refused = api.post(admin, "/api/v1/accounts", newAccount(username, "province_editor", "P-HA-GIANG"),
                409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_MERGED");
        assertThat(refused.get("detail").asString()).contains("P-HA-GIANG", "2025-07-01", "P-TUYEN-QUANG-2025");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("agencyCode");
        assertThat(users.findByUsername(username)).isEmpty();
        api.post(admin, "/api/v1/accounts", newAccount(username, "province_editor", "P-TUYEN-QUANG-2025"), 201);
    }

    @Test
    void anAccountForAProvinceRenamedIsRefusedSayingItWasRenamedNotMergedWithTheSameCode() throws Exception {
        String username = username("thua-thien-hue-editor");

        JsonNode refused = api.post(accounts.token(Role.ADMIN, null), "/api/v1/accounts",
                newAccount(username, "province_editor", "P-THUA-THIEN-HUE"), 409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_MERGED");
        assertThat(refused.get("title").asString()).isEqualTo("Agency no longer exists");
        assertThat(refused.get("detail").asString())
                .contains("P-THUA-THIEN-HUE (Thua Thien Hue Province) is no longer used from 2025-01-01: the agency"
                        + " was renamed and is now P-HUE (Hue City); create the account for P-HUE.")
                .doesNotContain("merged", "became part of");
        var page = mvc.perform(post("/admin/accounts").with(user(accounts.signedIn(Role.ADMIN, null)))
                        .with(csrf()).param("username", username).param("displayName", "Nguyễn Văn An")
                        .param("role", "province_editor").param("agencyCode", "P-THUA-THIEN-HUE")
                        .param("password", "một mật khẩu đủ dài"))
                .andReturn().getResponse();
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(AccountPagesIntegrationTests.problems(html)).containsExactly("Mã cơ quan: Tỉnh Thừa Thiên Huế"
                + " (P-THUA-THIEN-HUE) không còn được dùng từ ngày 01/01/2025: cơ quan đã đổi tên, nay là Thành phố"
                + " Huế (P-HUE). Hãy tạo tài khoản cho Thành phố Huế; các tài khoản đã có của Tỉnh Thừa Thiên Huế vẫn"
                + " dùng được như trước.");
        assertThat(html).doesNotContain("sắp xếp vào");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void anAccountAProvinceHadBeforeItWasMergedKeepsWorking() {
        Account before = accounts.createdBeforeItEnded(Role.PROVINCE_EDITOR, "P-HA-GIANG");

        JsonNode me = api.get(accounts.token(before), "/api/v1/me", 200);

        assertThat(me.get("agencyCode").asString()).isEqualTo("P-HA-GIANG");
        assertThat(me.get("role").asString()).isEqualTo("province_editor");
    }

    @Test
    void anAccountCreatedThroughTheApiIsAnsweredWithTheMomentEveryLaterReadShows() {
        String admin = accounts.token(Role.ADMIN, null);
        String username = username("reviewer");

        JsonNode created = api.post(admin, "/api/v1/accounts", newAccount(username, "reviewer", null), 201);

        JsonNode read = api.get(admin, "/api/v1/accounts", 200).valueStream()
                .filter(a -> a.get("username").asString().equals(username)).findFirst().orElseThrow();
        assertThat(created.get("createdAt").asString()).as("UTC, to the microsecond, as stored")
                .isEqualTo(read.get("createdAt").asString()).endsWith("Z");
    }

    @Test
    void anAccountCreatedThroughTheApiWithNoAgencyIsAuditedWithoutOne() {
        String username = username("reviewer");

        api.post(accounts.token(Role.ADMIN, null), "/api/v1/accounts", newAccount(username, "reviewer", null), 201);

        assertThat(audit.find(new AuditLog.Filter(AuditEvent.ACCOUNT_CREATED, null, username, null, null), 10, 0))
                .singleElement().satisfies(created -> assertThat(created.detail()).as("a reviewer has no agency")
                        .containsEntry("role", "REVIEWER").doesNotContainKey("agency")
                        .doesNotContainValue("null"));
    }

    @Test
    void aReviewerGivenAnAgencyIsRefusedOnThePageSayingReviewersHaveNationalScope() throws Exception {
        String username = username("reviewer-byt");

        var refused = mvc.perform(post("/admin/accounts").with(user(accounts.signedIn(Role.ADMIN, null)))
                        .with(csrf()).param("username", username).param("displayName", "Nguyễn Văn An")
                        .param("role", "reviewer").param("agencyCode", "BYT")
                        .param("password", "một mật khẩu đủ dài"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(AccountPagesIntegrationTests.problems(html)).containsExactly("Mã cơ quan: vai trò “Chuyên viên"
                + " thẩm định” có phạm vi toàn quốc, không gắn với một cơ quan; hãy để trống ô này.");
        assertThat(html).doesNotContain("Đã tạo tài khoản.");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void anAgencyOrPlatformsGivenToARoleThatHasNoneAreRefusedByTheApi() {
        String admin = accounts.token(Role.ADMIN, null);
        String username = username("admin-btc");

        JsonNode refused = api.post(admin, "/api/v1/accounts", newAccount(username, "admin", "BTC"), 400);
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("agencyCode");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("acts nationally");

        Map<String, Object> operator = newAccount(username, "operator", "BTC");
        operator.put("platformCodes", List.of("VNEID"));
        assertThat(api.post(admin, "/api/v1/accounts", operator, 400).get("errors").findValuesAsString("field"))
                .containsExactly("agencyCode");
        Map<String, Object> reviewer = newAccount(username, "reviewer", null);
        reviewer.put("platformCodes", List.of("VNEID"));
        assertThat(api.post(admin, "/api/v1/accounts", reviewer, 400).get("errors").findValuesAsString("field"))
                .containsExactly("platformCodes");
        assertThat(users.findByUsername(username)).isEmpty();
    }
}
