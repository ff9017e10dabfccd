package vn.ndp.registry.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;

/** The check of a signed-in session against its account, for an account that must replace its password. */
class SessionAccountCheckTests {

    /** An account that must replace its password; counts how often it is read. */
    static final class MustChangePassword extends AccountRepository {

        int reads;

        MustChangePassword() {
            super(null);
        }

        @Override
        public SessionState sessionState(UUID id) {
            reads++;
            return new SessionState(true, true);
        }
    }

    final MustChangePassword accounts = new MustChangePassword();
    final SessionAccountCheck check = new SessionAccountCheck(accounts);

    @BeforeEach
    void signIn() {
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "moi", "Người dùng mới", Role.REVIEWER, null, Set.of());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                (CurrentUser.Holder) () -> user, null, user.authorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletResponse get(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        check.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
        return response;
    }

    @Test
    void staticResourcesAreServedWithoutReadingTheAccount() throws Exception {
        for (String path : List.of("/css/site.css", "/favicon.svg", "/favicon.ico", "/js/x.js", "/robots.txt")) {
            assertThat(get(path).getRedirectedUrl()).as(path).isNull();
        }
        assertThat(accounts.reads).isZero();
    }

    @Test
    void aPageIsReadAgainstTheAccountAndSendsItToThePasswordPage() throws Exception {
        assertThat(get("/governance").getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(get("/css-and-more").getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(get("/account/password").getRedirectedUrl()).isNull();
        assertThat(accounts.reads).isEqualTo(3);
    }
}
