package vn.ndp.registry.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.ProblemResponses;

/** Authenticates API calls that carry {@code Authorization: Bearer ndp_...}; a bad token is a 401. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.authenticate(header.substring(7).strip());
        if (user.isEmpty()) {
            ProblemResponses.write(response, ErrorCode.AUTHENTICATION_REQUIRED,
                    "The bearer token is unknown, expired or revoked.", request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authentication by API token; the principal carries the account's scope. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final Principal principal;

        TokenAuthentication(CurrentUser user) {
            super(user.authorities());
            this.principal = new Principal(user);
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        record Principal(CurrentUser currentUser) implements CurrentUser.Holder, java.security.Principal {
            @Override
            public String getName() {
                return currentUser.username();
            }
        }
    }
}
