package vn.ndp.registry.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * Every endpoint × every role. The table below states who may use each
 * endpoint; the test fails when an endpoint is missing from it, when a
 * non-public endpoint has no {@code @PreAuthorize}, and when any role gets
 * through where it should not (or is refused where it should not be).
 */
@RegistryIntegrationTest
class AuthorizationMatrixIntegrationTests {

    /** Who may call an endpoint: null = anyone, including anonymous visitors. */
    static final Set<Role> ANYONE = null;
    static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

    @Autowired
    TestAccounts testAccounts;

    /** One account per role, made at first use. */
    private final Map<Role, CurrentUser> users = new java.util.EnumMap<>(Role.class);

    static {
        for (String read : List.of("GET /", "GET /platforms", "GET /platforms/{code}", "GET /agencies",
                "GET /agencies/{code}", "GET /statistics", "GET /login", "GET /overlap", "GET /form-expired",
                "GET /upload-too-large",
                "GET /api/v1/platforms", "GET /api/v1/platforms/{code}", "GET /api/v1/platforms.csv",
                "GET /api/v1/platforms.xlsx", "GET /api/v1/agencies", "GET /api/v1/agencies/{code}",
                "GET /api/v1/stats/platforms", "GET /api/v1/stats/figures", "POST /api/v1/overlap/check")) {
            MATRIX.put(read, ANYONE);
        }
        for (String own : List.of("GET /account", "GET /account/password", "POST /account/password",
                "POST /account/tokens", "POST /account/tokens/{id}/revoke", "GET /api/v1/me",
                "GET /api/v1/me/tokens", "POST /api/v1/me/tokens", "DELETE /api/v1/me/tokens/{id}")) {
            MATRIX.put(own, SIGNED_IN);
        }
        for (String admin : List.of("GET /admin/accounts", "POST /admin/accounts", "POST /admin/accounts/{id}/enabled",
                "GET /admin/audit", "GET /api/v1/accounts", "POST /api/v1/accounts", "GET /api/v1/audit")) {
            MATRIX.put(admin, ADMIN);
        }
        // Official lists (public reads, publication by administrators), notifications, accountability
        for (String read : List.of("GET /lists", "GET /lists/{id}", "GET /lists/{id}/diff", "GET /api/v1/lists",
                "GET /api/v1/lists/{id}", "GET /api/v1/lists/{id}/diff", "GET /api/v1/lists/{id}.csv",
                "GET /api/v1/lists/{id}.xlsx", "GET /api/v1/lists/{id}.pdf", "GET /api/v1/stats/accountability")) {
            MATRIX.put(read, ANYONE);
        }
        MATRIX.put("POST /lists", ADMIN);
        MATRIX.put("POST /api/v1/lists", ADMIN);
        for (String own : List.of("GET /notifications", "POST /notifications/{id}/read", "POST /notifications/read",
                "GET /api/v1/notifications", "POST /api/v1/notifications/{id}/read")) {
            MATRIX.put(own, SIGNED_IN);
        }
        for (String authority : List.of("GET /accountability", "POST /accountability/{code}/remind",
                "GET /api/v1/accountability", "POST /api/v1/accountability/{code}/remind")) {
            MATRIX.put(authority, EnumSet.of(Role.ADMIN, Role.REVIEWER));
        }
    }

    /** The exchange directory. Scope-dependent endpoints list the roles that pass without a matching scope. */
    static {
        for (String read : List.of("GET /api/v1/exchange/globalconf", "GET /api/v1/exchange/signing-certificate",
                "GET /api/v1/exchange/usage")) {
            MATRIX.put(read, ANYONE);
        }
        MATRIX.put("GET /api/v1/exchange/directory", SIGNED_IN);
        MATRIX.put("GET /api/v1/exchange/evidence", ADMIN);
        for (String admin : List.of("POST /api/v1/exchange/members", "POST /api/v1/exchange/subsystems",
                "POST /api/v1/exchange/gateways",
                "PUT /api/v1/exchange/gateways/{instance}/{memberClass}/{memberCode}/{gatewayCode}",
                "PUT /api/v1/exchange/gateways/{*id}",
                "POST /api/v1/exchange/services", "POST /api/v1/exchange/revocations",
                "POST /api/v1/exchange/access-requests", "POST /api/v1/exchange/access-requests/{id}/approve",
                "POST /api/v1/exchange/access-requests/{id}/deny",
                "POST /api/v1/exchange/access-requests/{id}/withdraw")) {
            MATRIX.put(admin, ADMIN);
        }
        // each role sees its own: the requests its user made or may decide (administrators and reviewers: all)
        MATRIX.put("GET /api/v1/exchange/access-requests", SIGNED_IN);
        MATRIX.put("POST /api/v1/exchange/usage", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    }

    // Exchange pages: the same rules as the exchange API (scope-dependent actions pass only for the authority
    // without a matching subsystem).
    static {
        MATRIX.put("GET /exchange", SIGNED_IN);
        MATRIX.put("GET /exchange/access-requests", SIGNED_IN);
        for (String scoped : List.of("POST /exchange/access-requests", "POST /exchange/access-requests/{id}/approve",
                "POST /exchange/access-requests/{id}/deny", "POST /exchange/access-requests/{id}/withdraw")) {
            MATRIX.put(scoped, ADMIN);
        }
        for (String admin : List.of("GET /exchange/manage", "POST /exchange/manage/members",
                "POST /exchange/manage/subsystems", "POST /exchange/manage/gateways", "POST /exchange/manage/gateways/change",
                "POST /exchange/manage/services",
                "POST /exchange/manage/revocations", "GET /exchange/manage/evidence")) {
            MATRIX.put(admin, ADMIN);
        }
    }

    // Governance workflow. The fixture's ministry editor is Finance's (BTC), its operator runs NDXP, and {code}
    // is NDXP (owned by the Ministry of Science and Technology): so per-platform entries list who may act on NDXP.
    static {
        Set<Role> editor = EnumSet.of(Role.MINISTRY_EDITOR);
        Set<Role> reviewer = EnumSet.of(Role.ADMIN, Role.REVIEWER);
        Set<Role> editorOrReviewer = EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.MINISTRY_EDITOR);
        Set<Role> mayEditNdxp = EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.OPERATOR);
        MATRIX.put("GET /platforms/{code}/history", ANYONE);
        MATRIX.put("GET /api/v1/platforms/{code}/history", ANYONE);
        for (String e : List.of("POST /api/v1/proposals", "PUT /api/v1/proposals/{id}",
                "POST /api/v1/proposals/{id}/submit", "POST /api/v1/proposals/{id}/withdraw",
                "POST /api/v1/proposals/{id}/documents", "GET /governance/proposals/new", "POST /governance/proposals",
                "POST /governance/proposals/{id}", "POST /governance/proposals/{id}/documents",
                "POST /governance/proposals/{id}/submit", "POST /governance/proposals/{id}/withdraw",
                "POST /api/v1/changes/{id}/documents", "POST /governance/changes/{id}/documents")) {
            MATRIX.put(e, editor);
        }
        for (String e : List.of("GET /api/v1/proposals", "GET /api/v1/proposals/{id}", "GET /governance",
                "GET /governance/proposals/{id}")) {
            MATRIX.put(e, editorOrReviewer);
        }
        // operators see the change requests of the platforms they run, with their documents
        for (String e : List.of("GET /api/v1/documents/{id}", "GET /governance/documents/{id}")) {
            MATRIX.put(e, EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.MINISTRY_EDITOR, Role.OPERATOR));
        }
        for (String e : List.of("POST /api/v1/proposals/{id}/evaluation", "POST /api/v1/proposals/{id}/return",
                "POST /api/v1/proposals/{id}/decision", "GET /api/v1/changes", "POST /api/v1/changes/{id}/decision",
                "GET /api/v1/reevaluations", "POST /api/v1/platforms/{code}/standing",
                "POST /governance/proposals/{id}/evaluation", "POST /governance/proposals/{id}/return",
                "POST /governance/proposals/{id}/decision", "POST /governance/changes/{id}/decision",
                "GET /governance/reevaluations", "GET /governance/platforms/{code}/standing",
                "POST /governance/platforms/{code}/standing")) {
            MATRIX.put(e, reviewer);
        }
        for (String e : List.of("GET /api/v1/platforms/{code}/changes", "POST /api/v1/platforms/{code}/changes",
                "GET /governance/platforms/{code}/changes", "POST /governance/platforms/{code}/changes")) {
            MATRIX.put(e, mayEditNdxp);
        }
        MATRIX.put("POST /api/v1/changes/{id}/withdraw", EnumSet.of(Role.MINISTRY_EDITOR, Role.OPERATOR));
    }

    // Support requests: editors raise them, the platform's operators answer, both write in the thread; the national
    // authority reads everything. Roles listed pass the door; scope (agency, platforms) is checked on the request.
    static {
        Set<Role> requester = EnumSet.of(Role.MINISTRY_EDITOR, Role.PROVINCE_EDITOR);
        Set<Role> eitherSide = EnumSet.of(Role.MINISTRY_EDITOR, Role.PROVINCE_EDITOR, Role.OPERATOR);
        for (String e : List.of("GET /support", "GET /support/{id}", "GET /support/attachments/{id}",
                "GET /api/v1/support/requests", "GET /api/v1/support/queue", "GET /api/v1/support/requests/{id}",
                "GET /api/v1/support/attachments/{id}")) {
            MATRIX.put(e, SIGNED_IN);
        }
        for (String e : List.of("GET /support/new", "POST /support", "POST /api/v1/support/requests")) {
            MATRIX.put(e, requester);
        }
        for (String e : List.of("POST /support/{id}/messages", "POST /support/{id}/status",
                "POST /api/v1/support/requests/{id}/messages", "POST /api/v1/support/requests/{id}/status")) {
            MATRIX.put(e, eitherSide);
        }
        for (String e : List.of("GET /support/overdue", "GET /api/v1/support/overdue")) {
            MATRIX.put(e, EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.OPERATOR));
        }
    }

    // Local adoption. {code} is NDXP (not a province): the province editor's scope never matches it, so the roles
    // listed for scope-dependent endpoints are those that pass without a matching scope.
    static {
        for (String read : List.of("GET /adoption", "GET /adoption/provinces/{code}", "GET /platforms/{code}/usage",
                "GET /api/v1/adoption/summary", "GET /api/v1/adoption/trend", "GET /api/v1/adoption/provinces/{code}",
                "GET /api/v1/adoption/provinces/{code}/local-platforms", "GET /api/v1/adoption/report.csv",
                "GET /adoption/provinces/{code}/local-platforms/{id}",
                "GET /api/v1/adoption/provinces/{code}/local-platforms/{id}",
                "GET /api/v1/adoption/provinces/{code}/local-platforms/{id}/history",
                "GET /api/v1/adoption/report.xlsx", "GET /api/v1/adoption/report.pdf")) {
            MATRIX.put(read, ANYONE);
        }
        for (String editorInScope : List.of("GET /adoption/provinces/{code}/plan", "POST /adoption/provinces/{code}/plan",
                "GET /adoption/provinces/{code}/local-platforms/new", "POST /adoption/provinces/{code}/local-platforms",
                "PUT /api/v1/adoption/provinces/{code}/plan", "POST /api/v1/adoption/provinces/{code}/local-platforms",
                "POST /api/v1/adoption/provinces/{code}/local-platforms/check",
                "GET /adoption/provinces/{code}/local-platforms/{id}/edit",
                "POST /adoption/provinces/{code}/local-platforms/{id}",
                "POST /adoption/provinces/{code}/local-platforms/{id}/removal",
                "PUT /api/v1/adoption/provinces/{code}/local-platforms/{id}",
                "POST /api/v1/adoption/provinces/{code}/local-platforms/{id}/removal")) {
            MATRIX.put(editorInScope, ADMIN);
        }
        for (String provinceOnly : List.of("POST /adoption/provinces/{code}/proposals",
                "POST /api/v1/adoption/provinces/{code}/proposals")) {
            MATRIX.put(provinceOnly, EnumSet.noneOf(Role.class));
        }
        for (String authority : List.of("GET /adoption/detail", "POST /adoption/proposals/{id}/decision",
                "POST /api/v1/adoption/proposals/{id}/decision")) {
            MATRIX.put(authority, EnumSet.of(Role.ADMIN, Role.REVIEWER));
        }
        for (String proposals : List.of("GET /adoption/proposals", "GET /api/v1/adoption/proposals")) {
            MATRIX.put(proposals, EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.PROVINCE_EDITOR));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            String type = entry.getValue().getBeanType().getName();
            if (!type.startsWith("vn.ndp.")) {
                continue; // Spring's error controller, springdoc
            }
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, withoutRegex(pattern), entry.getValue()));
                }
            }
        }
        return endpoints;
    }

    /** {@code /lists/{id:[0-9a-f]{8}}} → {@code /lists/{id}}: regex constraints may nest braces. */
    static String withoutRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
                continue;
            }
            if (!skipping && depth <= 1) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        List<String> missing = endpoints().stream().map(Endpoint::key).filter(k -> !MATRIX.containsKey(k)).toList();
        assertThat(missing).as("endpoints with no entry in the authorization matrix").isEmpty();
    }

    @Test
    void everyNonPublicEndpointStatesWhoMayUseIt() {
        List<String> undeclared = endpoints().stream()
                .filter(e -> MATRIX.get(e.key()) != ANYONE || !MATRIX.containsKey(e.key()))
                .filter(e -> !AnnotatedElementUtils.hasAnnotation(e.handler().getMethod(), PreAuthorize.class)
                        && !AnnotatedElementUtils.hasAnnotation(e.handler().getBeanType(), PreAuthorize.class))
                .map(Endpoint::key).toList();
        assertThat(undeclared).as("non-public endpoints without @PreAuthorize").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixGrants() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Set<Role> allowed = MATRIX.get(endpoint.key());
            if (!MATRIX.containsKey(endpoint.key())) {
                continue;
            }
            int anonymous = perform(endpoint, null);
            boolean anonymousRefused = anonymous == 401 || anonymous == 403
                    || (anonymous == 302 && !endpoint.pattern().startsWith("/api/"));
            if (allowed == ANYONE && anonymousRefused) {
                wrong.add(endpoint.key() + " refused an anonymous visitor with " + anonymous);
            }
            if (allowed != ANYONE && !anonymousRefused) {
                wrong.add(endpoint.key() + " let an anonymous visitor through with " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = perform(endpoint, role);
                boolean refused = status == 401 || status == 403;
                boolean shouldPass = allowed == ANYONE || allowed.contains(role);
                if (shouldPass && refused) {
                    wrong.add(endpoint.key() + " refused " + role + " with " + status);
                }
                if (!shouldPass && !refused) {
                    wrong.add(endpoint.key() + " let " + role + " through with " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int perform(Endpoint endpoint, Role role) throws Exception {
        String uri = endpoint.pattern()
                .replace("{code}", endpoint.pattern().contains("agencies") ? "BTC" : "NDXP")
                .replace("{id}", UUID.randomUUID().toString())
                .replace("{instance}/{memberClass}/{memberCode}/{gatewayCode}", "VN/GOV/000.00.00.G12/lgsp")
                .replace("{*id}", "VN/GOV/000.00.00.G12/lgsp");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), uri)
                .with(csrf());
        if (!endpoint.method().equals("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (role != null) {
            // a real account: a signed-in session is held to its account's state at every request
            CurrentUser user = users.computeIfAbsent(role, r -> CurrentUser.of(testAccounts.create(r,
                    r.scopedToAgency() ? (r == Role.PROVINCE_EDITOR ? "P-HA-NOI" : "BTC") : null,
                    r == Role.OPERATOR ? new String[] {"NDXP"} : new String[0])));
            request.with(authentication(new Authenticated(user)));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** A signed-in test principal carrying NDP's current user. */
    static final class Authenticated extends TestingAuthenticationToken {
        Authenticated(CurrentUser user) {
            super(new Principal(user), "", List.copyOf(user.authorities()));
        }

        record Principal(CurrentUser currentUser) implements CurrentUser.Holder {
        }
    }
}
