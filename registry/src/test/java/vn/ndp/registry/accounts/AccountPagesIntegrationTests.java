package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;

/** One's own account page. */
@RegistryIntegrationTest
class AccountPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts users;

    /** What the account page says under "Lần đăng nhập trước". */
    String previousSignIn(MockHttpSession session) throws Exception {
        HtmlPage page = HtmlPage.parse(mvc.perform(get("/account").session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> terms = page.elements("dt").stream().map(HtmlPage::text).toList();
        return HtmlPage.text(page.elements("dd").get(terms.indexOf("Lần đăng nhập trước")));
    }

    @Test
    void theAccountPageShowsTheSignInBeforeTheCurrentOneNotTheCurrentOne() throws Exception {
        Account account = accounts.create(Role.REVIEWER, null);

        assertThat(previousSignIn(TestAccounts.signIn(mvc, account))).isEqualTo("Chưa có: đây là lần đăng nhập đầu tiên");

        // the first sign-in, moved back in time so that the current one cannot be mistaken for it
        jdbc.sql("update account set last_sign_in_at = ? where id = ?")
                .params(OffsetDateTime.parse("2026-01-02T03:04:00Z"), account.id()).update();
        assertThat(previousSignIn(TestAccounts.signIn(mvc, account))).isEqualTo("02/01/2026 10:04");
    }

    @Test
    void anAdministratorIsToldWhichCodeIsUnknownOrOfTheWrongKindAndLowerCaseCodesAreTakenAsTheyAreMeant()
            throws Exception {
        var admin = user(accounts.signedIn(Role.ADMIN, null));
        String username = "btc-editor-" + UUID.randomUUID().toString().substring(0, 6);

        var refused = mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("username", username)
                        .param("displayName", "Nguyễn Văn An").param("role", "ministry_editor")
                        .param("agencyCode", "P-HUE").param("password", "một mật khẩu đủ dài"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(problems(refused.getContentAsString(StandardCharsets.UTF_8))).containsExactly("Mã cơ quan: Thành"
                + " phố Huế (P-HUE) là một tỉnh, thành phố; biên tập viên bộ, ngành thuộc một bộ, ngành hoặc cơ quan"
                + " không phải địa phương (hãy chọn vai trò biên tập viên địa phương cho tỉnh, thành phố).");

        var operator = mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("username", username)
                        .param("displayName", "Nguyễn Văn An").param("role", "operator")
                        .param("platformCodes", "vneid, khong-co, CUNG-KHONG-CO").param("password", "một mật khẩu đủ dài"))
                .andReturn().getResponse();
        assertThat(problems(operator.getContentAsString(StandardCharsets.UTF_8))).containsExactly(
                "Mã nền tảng vận hành: không có nền tảng nào mang mã “KHONG-CO” trong danh mục.",
                "Mã nền tảng vận hành: không có nền tảng nào mang mã “CUNG-KHONG-CO” trong danh mục.");

        mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("username", username)
                        .param("displayName", "Nguyễn Văn An").param("role", "ministry_editor")
                        .param("agencyCode", "btc").param("password", "một mật khẩu đủ dài"))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(users.findByUsername(username)).get().extracting(Account::agencyCode).isEqualTo("BTC");
    }

    /** The items of the refused form's list of problems. */
    static List<String> problems(String html) {
        return HtmlPage.texts(HtmlPage.parse(html).elementsOfClass("div", "problems").getFirst(), "li");
    }
}
