package vn.ndp.registry.accounts.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.ProblemResponses;
import vn.ndp.registry.shared.web.FormRefusals;
import vn.ndp.registry.shared.web.PageSecurityHeaders;

/**
 * Deny by default. What anyone may read is listed here, once; everything else
 * needs a signed-in account, and each controller method states which roles and
 * scope it needs with {@code @PreAuthorize}. The JSON API is stateless (API
 * tokens, no cookies, so no CSRF); the web pages use sessions, CSRF tokens and a
 * strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /** Files served as they are, the same for everyone: no page, and nothing about the account asking. */
    static final String[] STATIC_RESOURCES = {"/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**",
        "/favicon.ico", "/favicon.svg", "/robots.txt"};

    /** Pages anyone may read, and the static resources. */
    static final String[] PUBLIC_PAGES = Stream.concat(Stream.of("/", "/platforms", "/platforms/**", "/agencies",
            "/agencies/**", "/statistics", "/statistics/**", "/overlap", "/overlap/**", "/lists", "/lists/**",
            "/adoption", "/adoption/**", "/login", "/error", FormRefusals.SESSION_EXPIRED, FormRefusals.UPLOAD_TOO_LARGE),
            Stream.of(STATIC_RESOURCES)).toArray(String[]::new);

    /** API resources anyone may read. */
    static final String[] PUBLIC_API_READS = {"/api/v1/platforms", "/api/v1/platforms/**", "/api/v1/platforms.csv",
        "/api/v1/platforms.xlsx", "/api/v1/agencies", "/api/v1/agencies/**", "/api/v1/stats/**", "/api/v1/lists",
        "/api/v1/lists/**", "/api/v1/exchange/globalconf", "/api/v1/exchange/signing-certificate",
        "/api/v1/exchange/usage", "/api/v1/adoption/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health", "/actuator/health/**"};

    /** API calls anyone may make (rate-limited where they cost). */
    static final String[] PUBLIC_API_POSTS = {"/api/v1/overlap/check"};

    /**
     * Administrator-only areas, also refused here at the door so that a request
     * from another role never reaches argument binding (defence in depth;
     * every method still states its rule with {@code @PreAuthorize}).
     */
    static final String[] ADMIN_API = {"/api/v1/accounts", "/api/v1/accounts/**", "/api/v1/audit", "/api/v1/audit/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS).permitAll()
                        .requestMatchers("/actuator/prometheus").access(loopbackOrAdministrator())
                        .requestMatchers(ADMIN_API).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                                ErrorCode.AUTHENTICATION_REQUIRED, ProblemResponses.SIGN_IN, request.getRequestURI()))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                ErrorCode.FORBIDDEN, ProblemResponses.NOT_ALLOWED, request.getRequestURI())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        // Swagger UI sets styles inline; it runs no inline script, and nothing here needs a session.
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
            AccountRepository accounts, Clock clock,
            @Value("${ndp.security.oidc.link-by-email:true}") boolean linkByEmail) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(new PasswordChangeFirst(accounts))
                        .failureHandler(new UsernameKept()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .addFilterBefore(new SessionAccountCheck(accounts), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ExpiredFormPage()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                PageSecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(PageSecurityHeaders.REFERRER_POLICY))
                        .permissionsPolicyHeader(policy -> policy.policy(PageSecurityHeaders.PERMISSIONS_POLICY)));
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcAccounts(accounts, clock, linkByEmail))));
        }
        return http.build();
    }

    /** Prometheus scrapes from the same host or through a token of an administrator. */
    static AuthorizationManager<RequestAuthorizationContext> loopbackOrAdministrator() {
        return (authentication, context) -> {
            boolean loopback;
            try {
                loopback = InetAddress.getByName(context.getRequest().getRemoteAddr()).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                loopback = false;
            }
            boolean administrator = CurrentUser.from(authentication.get()).map(u -> u.is(Role.ADMIN)).orElse(false);
            return new AuthorizationDecision(loopback || administrator);
        };
    }

    /**
     * A page's form refused for its CSRF token (the session expired, or the form stayed open past it) gets a page
     * that says nothing was saved and how to keep what was typed, instead of a generic "try again later". Other
     * refusals, and requests that are not a page's, keep Spring's answer.
     */
    static final class ExpiredFormPage implements AccessDeniedHandler {

        private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException, ServletException {
            if (e instanceof CsrfException && FormRefusals.fromPage(request)) {
                FormRefusals.show(FormRefusals.SESSION_EXPIRED, HttpStatus.FORBIDDEN.value(), request, response);
            } else {
                otherwise.handle(request, response, e);
            }
        }
    }

    /**
     * A failed sign-in returns to the form with the username typed (never the password), kept in the session for
     * the next showing of the form rather than put in the address, where it would stay in the browser's history.
     */
    static final class UsernameKept extends SimpleUrlAuthenticationFailureHandler {

        static final String ATTRIBUTE = UsernameKept.class.getName() + ".username";
        private static final int MAX_USERNAME = 64;

        UsernameKept() {
            super("/login?error");
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException e) throws IOException, ServletException {
            String username = request.getParameter("username");
            if (username != null) {
                request.getSession().setAttribute(ATTRIBUTE,
                        username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username);
            }
            super.onAuthenticationFailure(request, response, e);
        }

        /** The username of the last failed sign-in, once. */
        static String take(HttpSession session) {
            if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String username)) {
                return null;
            }
            session.removeAttribute(ATTRIBUTE);
            return username;
        }
    }

    /**
     * After signing in with a one-time password, the first stop is choosing a real one: the sign-in lands there
     * rather than on a page {@link SessionAccountCheck} would send it away from. Reads what that check reads.
     */
    static final class PasswordChangeFirst extends SavedRequestAwareAuthenticationSuccessHandler {

        private final AccountRepository accounts;

        PasswordChangeFirst(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException, ServletException {
            boolean mustChange = CurrentUser.from(authentication)
                    .map(user -> accounts.sessionState(user.accountId()).mustChangePassword()).orElse(false);
            if (mustChange) {
                getRedirectStrategy().sendRedirect(request, response, SessionAccountCheck.PASSWORD_PAGE);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
