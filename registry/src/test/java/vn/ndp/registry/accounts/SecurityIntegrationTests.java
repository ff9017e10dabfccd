package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.Browser;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.ProblemResponses;

@RegistryIntegrationTest
class SecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager txManager;

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsTheCatalogueWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/v1/platforms")).andExpect(status().isOk());
        mvc.perform(get("/platforms")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void pagesThatNeedAnAccountSendVisitorsToSignIn() throws Exception {
        mvc.perform(get("/admin/accounts")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account")).andExpect(status().isFound());
    }

    @Test
    void apiCallsWithoutATokenGetAProblemNotARedirect() {
        client.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"ndp\"")
                .expectBody().jsonPath("$.code").isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void anApiCallSignedInWithoutAnNdpAccountIsToldHowToSignInAsEveryOtherRefusedOne() throws Exception {
        for (String uri : List.of("/api/v1/proposals", "/api/v1/support/requests", "/api/v1/adoption/proposals")) {
            mvc.perform(get(uri).with(user("not-an-account").roles("REVIEWER")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"))
                    .andExpect(jsonPath("$.detail").value(ProblemResponses.SIGN_IN));
        }
    }

    @Test
    void anApiTokenActsWithItsAccountsRoleAndScope() {
        String token = testAccounts.token(Role.MINISTRY_EDITOR, "BTC");
        client.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.role").isEqualTo("ministry_editor")
                .jsonPath("$.agencyCode").isEqualTo("BTC");
        client.get().uri("/api/v1/accounts").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void aTokenAskedThroughTheApiHasThePagesValidityRule() {
        String token = testAccounts.token(Role.REVIEWER, null);
        for (String days : List.of("-1", "100000")) {
            client.post().uri("/api/v1/me/tokens").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"x\", \"days\": " + days + "}").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("days");
        }
        client.post().uri("/api/v1/me/tokens").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"default\"}").exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.info.expiresAt").value(String.class, expires -> assertThat(
                        java.time.OffsetDateTime.parse(expires)).isAfter(java.time.OffsetDateTime.now().plusDays(89)));
        client.post().uri("/api/v1/me/tokens").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"never\", \"days\": 0}").exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.info.expiresAt").doesNotExist();
    }

    @Test
    void aRevokedOrMadeUpTokenIsRefused() {
        Account account = testAccounts.create(Role.REVIEWER, null);
        TransactionTemplate transaction = new TransactionTemplate(txManager);
        var issued = transaction.execute(s -> tokens.issue(CurrentUser.of(account), "laptop", null));
        client.get().uri("/api/v1/me").header("Authorization", "Bearer " + issued.secret()).exchange()
                .expectStatus().isOk();
        transaction.executeWithoutResult(s -> tokens.revoke(CurrentUser.of(account), issued.info().id()));
        client.get().uri("/api/v1/me").header("Authorization", "Bearer " + issued.secret()).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/me").header("Authorization", "Bearer ndp_" + UUID.randomUUID()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void signingInWithTheRightPasswordOpensTheAccountPageAndIsAudited() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        MockHttpSession session = TestAccounts.signIn(mvc, account);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.SIGN_IN_SUCCEEDED, account.username(), null, null, null),
                10, 0)).hasSize(1);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionsAtTheirNextRequest() throws Exception {
        Account editor = testAccounts.create(Role.MINISTRY_EDITOR, "BTC");
        MockHttpSession session = TestAccounts.signIn(mvc, editor);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        MockHttpSession admin = TestAccounts.signIn(mvc, testAccounts.create(Role.ADMIN, null));
        mvc.perform(post("/admin/accounts/{id}/enabled", editor.id()).session(admin).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/accounts"));

        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "after disabling"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(tokens.of(CurrentUser.of(editor))).isEmpty();
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/platforms").session(session)).andExpect(status().isOk()); // public pages still show
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
        Account self = testAccounts.create(Role.ADMIN, null);
        MockHttpSession session = TestAccounts.signIn(mvc, self);
        String list = mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).as("no disable button on one's own row")
                .doesNotContain("/admin/accounts/" + self.id() + "/enabled");

        String refused = mvc.perform(post("/admin/accounts/{id}/enabled", self.id()).session(session).with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Bạn không thể tự khóa tài khoản của mình");
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAccountCreatedWithAnInitialPasswordMustReplaceItBeforeAnythingElse() throws Exception {
        MockHttpSession admin = TestAccounts.signIn(mvc, testAccounts.create(Role.ADMIN, null));
        String username = "initial-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/accounts").session(admin).with(csrf()).param("username", username)
                        .param("displayName", "Người dùng mới").param("role", "reviewer")
                        .param("password", "mật khẩu ban đầu 2026"))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.ACCOUNT_CREATED, null, username, null, null), 10, 0))
                .singleElement().satisfies(created -> assertThat(created.detail()).as("a reviewer has no agency")
                        .containsEntry("role", "REVIEWER").doesNotContainKey("agency"));

        var signedIn = mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", "mật khẩu ban đầu 2026"))
                .andExpect(redirectedUrl("/account/password")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/governance").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        // the password page comes with its style sheet and icon
        mvc.perform(get("/css/site.css").session(session)).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg").session(session)).andExpect(status().isOk());

        // the one-time password, known to the administrator, cannot be kept as one's own
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "mật khẩu ban đầu 2026").param("newPassword", "mật khẩu ban đầu 2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Chưa đổi được mật khẩu."),
                        containsString("Mật khẩu mới: phải khác mật khẩu hiện tại."))));
        mvc.perform(post("/account/password?lang=en").session(session).with(csrf())
                        .param("currentPassword", "mật khẩu ban đầu 2026").param("newPassword", "mật khẩu ban đầu 2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("New password: must differ from the current one.")));
        mvc.perform(get("/governance").session(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "mật khẩu ban đầu 2026").param("newPassword", "mật khẩu của riêng tôi 2026"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", account.username()).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf())
                        .param("username", account.username()).param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.ACCOUNT_LOCKED, null, account.username(), null, null),
                10, 0)).hasSize(1);
    }

    @Test
    void aFailedSignInShowsTheFormAgainWithTheUsernameButNeverThePassword() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        var failed = mvc.perform(post("/login").with(csrf()).param("username", account.username())
                        .param("password", "sai mật khẩu rồi"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);

        String html = mvc.perform(get("/login").param("error", "").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        HtmlPage page = HtmlPage.parse(html);
        assertThat(page.byId("username").getAttributeValue("value")).isEqualTo(account.username());
        assertThat(page.byId("password").hasAttribute("value")).isFalse();
        assertThat(html).doesNotContain("sai mật khẩu rồi");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        MockHttpSession session = TestAccounts.signIn(mvc, account);
        mvc.perform(post("/account/tokens").session(session).param("name", "x")).andExpect(status().isForbidden());
        assertThat(tokens.of(CurrentUser.of(account))).isEmpty();
    }

    @Test
    void aFormPostedPastItsSessionSaysNothingWasSavedAndHowToKeepWhatWasTyped() {
        Account account = testAccounts.create(Role.REVIEWER, null);
        Browser browser = new Browser(port).signIn(account.username(), TestAccounts.PASSWORD);
        browser.get("/account");

        assertExpiredFormPage(browser.staleToken().postForm("/account/tokens", Map.of("name", "laptop")));
        assertExpiredFormPage(new Browser(port).postForm("/account/tokens", Map.of("name", "laptop")));
        assertThat(tokens.of(CurrentUser.of(account))).isEmpty();
    }

    private static void assertExpiredFormPage(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(HtmlPage.text(HtmlPage.parse(refused.body()).byId("main"))).contains(
                "Phiên làm việc đã hết hạn", "chưa có gì được lưu", "Quay lại", "Sao chép", "đăng nhập lại");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/platforms"))
                .andExpect(header().string("Content-Security-Policy",
                        allOf(containsString("script-src 'self'"),
                                not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void theFirstAdministratorExistsAfterStart() throws Exception {
        client.get().uri("/api/v1/accounts").exchange().expectStatus().isUnauthorized();
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.ADMINISTRATOR_BOOTSTRAPPED, null, "admin", null, null),
                10, 0)).hasSize(1);
    }

    @Test
    void aPersonChangesTheirPasswordAndSignsInWithTheNewOne() throws Exception {
        Account account = testAccounts.create(Role.OPERATOR, null, "DVCQG");
        MockHttpSession session = TestAccounts.signIn(mvc, account);
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Chưa đổi được mật khẩu."),
                        containsString("Mật khẩu mới: 12–256 ký tự"), not(containsString("newPassword</")))));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "mật khẩu mới đủ dài 2026"))
                .andExpect(redirectedUrl("/account"));
        TestAccounts.signIn(mvc, account.username(), "mật khẩu mới đủ dài 2026");
        mvc.perform(post("/login").with(csrf())
                        .param("username", account.username()).param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aRefusedTokenFormComesBackWithWhatWasTypedAndSaysWhyInTheReadersLanguage() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        MockHttpSession session = TestAccounts.signIn(mvc, account);

        HtmlPage unnamed = HtmlPage.parse(mvc.perform(post("/account/tokens").session(session).with(csrf())
                        .param("name", "   ").param("days", "30"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.text(unnamed.byId("main"))).contains("Chưa lưu được: có thông tin thiếu hoặc chưa hợp lệ.",
                "Tên gợi nhớ: bắt buộc, tối đa 100 ký tự.");
        assertThat(unnamed.byId("token-days").getAttributeValue("value")).isEqualTo("30");

        HtmlPage badDays = HtmlPage.parse(mvc.perform(post("/account/tokens?lang=en").session(session).with(csrf())
                        .param("name", "máy chủ CI").param("days", "1e2"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.text(badDays.byId("main")))
                .contains("Validity: a whole number of days from 0 to 366 (0 means it never expires).");
        assertThat(badDays.byId("token-name").getAttributeValue("value")).isEqualTo("máy chủ CI");
        assertThat(badDays.byId("token-days").getAttributeValue("value")).isEqualTo("1e2");
        assertThat(tokens.of(CurrentUser.of(account))).isEmpty();
    }

    @Test
    void anAdministratorCreatesAProvinceEditorAndScopeMistakesAreExplained() throws Exception {
        Account admin = testAccounts.create(Role.ADMIN, null);
        MockHttpSession session = TestAccounts.signIn(mvc, admin);
        String username = "hn-editor-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/accounts").session(session).with(csrf())
                        .param("username", username).param("displayName", "Nguyễn Văn <b>An</b>")
                        .param("role", "province_editor").param("agencyCode", "BTC")
                        .param("password", "một mật khẩu đủ dài"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Chưa tạo được tài khoản: có thông tin thiếu"),
                        containsString("Mã cơ quan: Bộ Tài chính (BTC) không phải là một tỉnh, thành phố"),
                        containsString("value=\"" + username + "\""), not(containsString("agencyCode</")))));
        mvc.perform(post("/admin/accounts").session(session).with(csrf())
                        .param("username", username).param("displayName", "Nguyễn Văn <b>An</b>")
                        .param("role", "province_editor").param("agencyCode", "P-HA-NOI")
                        .param("password", "một mật khẩu đủ dài"))
                .andExpect(redirectedUrl("/admin/accounts"));
        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nguyễn Văn &lt;b&gt;An&lt;/b&gt;"),
                        not(containsString("<b>An</b>")))));
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.ACCOUNT_CREATED, admin.username(), username, null, null),
                10, 0)).hasSize(1);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSite() {
        String cookie = client.get().uri("/login").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie");
        assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax");
    }
}
