package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
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

    MockHttpSession signIn(Account account) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", account.username())
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

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

        assertThat(previousSignIn(signIn(account))).isEqualTo("Chưa có: đây là lần đăng nhập đầu tiên");

        // the first sign-in, moved back in time so that the current one cannot be mistaken for it
        jdbc.sql("update account set last_sign_in_at = ? where id = ?")
                .params(OffsetDateTime.parse("2026-01-02T03:04:00Z"), account.id()).update();
        assertThat(previousSignIn(signIn(account))).isEqualTo("02/01/2026 10:04");
    }
}
