package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.catalog.PlatformQuery;

/**
 * The API's query parameters are read strictly, whichever module's resource it is: a parameter the resource does
 * not take is refused as INVALID_PARAMETER naming it and the ones it takes, never ignored (a misspelt {@code asOf}
 * answering with today's data); a single-valued one given twice is refused, never taken at its first value. Pages
 * keep ignoring what they do not know.
 */
@RegistryIntegrationTest
class StrictQueryParametersIntegrationTests {

    /** Every GET resource of the API, its variables filled in (the check runs before the handler looks them up). */
    static final String[] GET_RESOURCES = {
        "/api/v1/me", "/api/v1/me/tokens", "/api/v1/accounts",
        "/api/v1/adoption/summary", "/api/v1/adoption/trend", "/api/v1/adoption/provinces/P-HA-NOI",
        "/api/v1/adoption/provinces/P-HA-NOI/local-platforms",
        "/api/v1/adoption/provinces/P-HA-NOI/local-platforms/00000000-0000-0000-0000-000000000000",
        "/api/v1/adoption/provinces/P-HA-NOI/local-platforms/00000000-0000-0000-0000-000000000000/history",
        "/api/v1/adoption/proposals", "/api/v1/adoption/report.csv", "/api/v1/adoption/report.xlsx",
        "/api/v1/adoption/report.pdf",
        "/api/v1/agencies", "/api/v1/agencies/BTC",
        "/api/v1/audit",
        "/api/v1/platforms", "/api/v1/platforms/VNEID", "/api/v1/platforms.csv", "/api/v1/platforms.xlsx",
        "/api/v1/exchange/globalconf", "/api/v1/exchange/signing-certificate", "/api/v1/exchange/directory",
        "/api/v1/exchange/access-requests", "/api/v1/exchange/usage", "/api/v1/exchange/evidence",
        "/api/v1/proposals", "/api/v1/proposals/00000000-0000-0000-0000-000000000000",
        "/api/v1/documents/00000000-0000-0000-0000-000000000000", "/api/v1/platforms/VNEID/history",
        "/api/v1/platforms/VNEID/changes", "/api/v1/changes", "/api/v1/reevaluations",
        "/api/v1/lists", "/api/v1/lists/00000000-0000-0000-0000-000000000000",
        "/api/v1/lists/00000000-0000-0000-0000-000000000000/diff",
        "/api/v1/lists/00000000-0000-0000-0000-000000000000.csv",
        "/api/v1/lists/00000000-0000-0000-0000-000000000000.xlsx",
        "/api/v1/lists/00000000-0000-0000-0000-000000000000.pdf",
        "/api/v1/notifications",
        "/api/v1/accountability", "/api/v1/stats/accountability", "/api/v1/stats/platforms", "/api/v1/stats/figures",
        "/api/v1/support/requests", "/api/v1/support/queue", "/api/v1/support/requests/00000000-0000-0000-0000-000000000000",
        "/api/v1/support/overdue", "/api/v1/support/attachments/00000000-0000-0000-0000-000000000000"
    };

    /** The query a resource needs, besides its asOf, to answer. */
    private static final Map<String, String> NEEDS = Map.of("/api/v1/stats/platforms", "by=owner");

    @Autowired
    ApiCalls api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RestTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One administrator's token for every resource's case, not an account per case. */
    private static String admin;

    static String[] getResources() {
        return GET_RESOURCES;
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("getResources")
    void aMisspeltParameterIsRefusedByNameOnEveryGetResource(String resource) {
        if (admin == null) {
            admin = accounts.token(Role.ADMIN, null);
        }

        JsonNode problem = api.get(admin, resource + "?asof=2024-01-01", 400);

        assertThat(problem.path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("asof");
        assertThat(problem.path("detail").asString()).startsWith("asof: is not a parameter of this resource")
                .contains("GET " + resource + " take");
    }

    /**
     * An {@code asOf} given empty is refused by every resource that takes one (an API is called by systems: a date
     * left out of a URL by mistake is not answered with today's figures), whose answer without it is today's.
     */
    @Test
    void anEmptyAsOfIsRefusedByEveryApiNotTakenForToday() {
        String admin = accounts.token(Role.ADMIN, null);
        String platform = api.get(admin, "/api/v1/platforms?size=1", 200).get("items").get(0).get("code").asString();
        List<String> dated = new ArrayList<>();
        for (String resource : GET_RESOURCES) {
            String api = resource.replace("/platforms/VNEID", "/platforms/" + platform);
            if (!taken(admin, api).contains("asOf")) {
                continue;
            }
            dated.add(resource);
            String needs = NEEDS.get(resource);
            assertThat(status(admin, needs == null ? api : api + "?" + needs)).as("%s without asOf: today's", api)
                    .isEqualTo(200);
            client.get().uri(api + "?" + (needs == null ? "" : needs + "&") + "asOf=")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("INVALID_PARAMETER")
                    .jsonPath("$.errors[0].field").isEqualTo("asOf")
                    .jsonPath("$.errors[0].message")
                    .value(String.class, m -> assertThat(m).as(api).contains("is empty"));
        }
        assertThat(dated).contains("/api/v1/agencies", "/api/v1/agencies/BTC", "/api/v1/platforms",
                "/api/v1/platforms/VNEID", "/api/v1/platforms.csv", "/api/v1/stats/platforms", "/api/v1/accountability",
                "/api/v1/stats/accountability", "/api/v1/adoption/summary", "/api/v1/adoption/trend",
                "/api/v1/adoption/provinces/P-HA-NOI", "/api/v1/adoption/report.csv", "/api/v1/adoption/report.xlsx",
                "/api/v1/adoption/report.pdf");
    }

    /** The parameters {@code resource} takes, as its refusal of one it does not take names them. */
    private List<String> taken(String token, String resource) {
        String detail = api.get(token, resource + "?zzz=1", 400).path("detail").asString();
        String takes = detail.substring(detail.lastIndexOf(" takes ") + " takes ".length(), detail.length() - 1);
        return List.of(takes.split(", "));
    }

    @Test
    void aCallerNotSignedInIsToldToSignInBeforeAnythingIsSaidOfItsQuery() {
        JsonNode problem = api.get(null, "/api/v1/adoption/proposals?asof=2024-01-01&status=a&status=b", 401);

        assertThat(problem.path("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeAnythingIsSaidOfItsQuery() {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BTC");

        JsonNode problem = api.get(editor, "/api/v1/adoption/proposals?asof=2024-01-01", 403);

        assertThat(problem.path("code").asString()).isEqualTo("FORBIDDEN");
    }

    /**
     * Whoever asks, a misspelt parameter changes nothing about whether the resource answers them: a caller it
     * refuses (401, 403) is refused the same with one, and a caller it answers is told of the parameter (400).
     */
    @Test
    void onEveryGetResourceAuthorizationIsDecidedBeforeTheQueryIsRefused() {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        for (String resource : GET_RESOURCES) {
            for (String token : new String[] {null, editor}) {
                int misspelt = status(token, resource + "?asof=2024-01-01");
                if (misspelt == 401 || misspelt == 403) {
                    assertThat(status(token, resource)).as("%s %s", token == null ? "anonymous" : "editor", resource)
                            .isEqualTo(misspelt);
                } else {
                    assertThat(misspelt).as("%s %s", token == null ? "anonymous" : "editor", resource).isEqualTo(400);
                    assertThat(status(token, resource)).as("%s %s", token == null ? "anonymous" : "editor", resource)
                            .isNotIn(401, 403);
                }
            }
        }
    }

    private int status(String token, String uri) {
        var request = client.get().uri(uri);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange().returnResult().getStatus().value();
    }

    @Test
    void theListOfGetResourcesHasEveryGetResourceOfTheApi() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getName().startsWith("vn.ndp.")
                    && mapping.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"))) {
                mapping.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(served::add);
            }
        });
        Set<String> listed = Arrays.stream(GET_RESOURCES).map(r -> r
                        .replaceAll("00000000-0000-0000-0000-000000000000", "{id}")
                        .replace("P-HA-NOI", "{code}").replace("VNEID", "{code}").replace("/agencies/BTC",
                                "/agencies/{code}"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).isEqualTo(served.stream().map(p -> p.replaceAll("\\{id:.*}(?=$|[./])", "{id}"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The query is read where an API controller's ({@link ProblemApi}) handler is called: every API handler is one. */
    @Test
    void everyHandlerOfTheApiIsInAnApiController() {
        Set<String> elsewhere = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (mapping.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))
                    && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ProblemApi.class)) {
                elsewhere.add(handler.toString());
            }
        });

        assertThat(elsewhere).isEmpty();
    }

    @Test
    void aMisspellingIsAnsweredWithTheParameterMeantAndEveryParameterTheResourceTakes() {
        JsonNode problem = api.get(null, "/api/v1/platforms?asof=2024-01-01", 400);

        assertThat(problem.path("detail").asString()).isEqualTo("asof: is not a parameter of this resource; did you"
                + " mean asOf? GET /api/v1/platforms takes asOf, category, owner, page, q, scope, size, sort, status,"
                + " type.");
    }

    @Test
    void aResourceWithoutParametersSaysSo() {
        JsonNode problem = api.get(null, "/api/v1/stats/figures?asOf=2024-01-01", 400);

        assertThat(problem.path("detail").asString())
                .isEqualTo("asOf: is not a parameter of this resource. GET /api/v1/stats/figures takes no query"
                        + " parameters.");
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefusedByNameInsteadOfTakenAtItsFirstValue() {
        JsonNode search = api.get(null, "/api/v1/platforms?owner=BYT&owner=BCA", 400);
        JsonNode declared = api.get(null, "/api/v1/agencies?kind=ministry&asOf=2024-01-01&asOf=2025-01-01", 400);

        assertThat(search.path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(search.path("errors").findValuesAsString("field")).containsExactly("owner");
        assertThat(search.path("detail").asString()).isEqualTo("owner: is given 2 times; it takes one value.");
        assertThat(declared.path("errors").findValuesAsString("field")).containsExactly("asOf");
    }

    @Test
    void everyProblemWithTheQueryIsNamedInOneAnswer() {
        JsonNode problem = api.get(null, "/api/v1/platforms?sise=5&q=a&q=b", 400);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("sise", "q");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("did you mean size?");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/platforms", "/api/v1/platforms.csv", "/api/v1/platforms.xlsx"})
    void aCatalogueSearchTakesAndDescribesEveryParameterItsQueryReads(String resource) {
        // each empty, as a form sends it, but asOf, which the API refuses empty (a date left out by mistake)
        String every = PlatformQuery.PARAMETERS.stream().map(name -> name + (name.equals("asOf") ? "=2025-01-01" : "="))
                .collect(Collectors.joining("&"));

        client.get().uri(resource + "?" + every).exchange().expectStatus().isOk();
        JsonNode described = api.get(null, "/v3/api-docs", 200).path("paths").path(resource).path("get")
                .path("parameters");
        assertThat(described.findValuesAsString("name")).containsExactlyInAnyOrderElementsOf(PlatformQuery.PARAMETERS);
    }

    @Test
    void aPageKeepsIgnoringAParameterItDoesNotKnow() {
        client.get().uri("/platforms?asof=2024-01-01&owner=BYT&owner=BCA").exchange().expectStatus().isOk();
    }
}
