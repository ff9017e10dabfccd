package vn.ndp.registry.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.shared.web.FormRefusals;

/**
 * Holds a signed-in session to its account as it is now, on every request (one indexed read):
 * <ul>
 * <li>an account disabled (or removed) since it signed in is signed out: an administrator's "disable" takes effect at
 * the next request, not when the session ends. The request goes on as anonymous, so a public page still shows and
 * anything else asks to sign in, which a disabled account cannot;</li>
 * <li>an account whose password must be replaced (a one-time or initial password) is sent to the password page
 * whatever it asks for, until it has chosen its own.</li>
 * </ul>
 * Static resources (a page's style sheet, the icon) are served without the check: they are the same for everyone,
 * and a page asks for several of them each time. Error dispatches are not checked again either (the default of
 * {@link OncePerRequestFilter}). API tokens are checked against their account at each call already
 * ({@code ApiTokens}).
 */
class SessionAccountCheck extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    /** What an account that must replace its password may still reach, besides the static resources. */
    private static final Set<String> BEFORE_NEW_PASSWORD = Set.of(PASSWORD_PAGE, "/logout",
            FormRefusals.SESSION_EXPIRED, FormRefusals.UPLOAD_TOO_LARGE);
    private static final RequestMatcher STATIC_RESOURCES = new OrRequestMatcher(
            Stream.of(SecurityConfiguration.STATIC_RESOURCES).map(PathPatternRequestMatcher.withDefaults()::matcher)
                    .toArray(RequestMatcher[]::new));

    private final AccountRepository accounts;

    SessionAccountCheck(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return STATIC_RESOURCES.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
        if (user.isPresent()) {
            AccountRepository.SessionState state = accounts.sessionState(user.get().accountId());
            if (!state.enabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (state.mustChangePassword() && !reachable(request)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean reachable(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return BEFORE_NEW_PASSWORD.contains(path);
    }
}
