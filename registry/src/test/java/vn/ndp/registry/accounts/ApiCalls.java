package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Calls of the registry's JSON API as tests make them: with an API token (from {@link TestAccounts#token}), a body
 * sent as JSON, the status the test expects, and the answer read as a tree. The status is asserted, and a refusal's
 * being a problem document, so a call that answers otherwise fails the test where it was made.
 */
@Component
public class ApiCalls {

    private final ObjectProvider<RestTestClient> client;

    /** The client is looked up at the first call: only contexts that serve on a port (RestTestClient) can make one. */
    public ApiCalls(ObjectProvider<RestTestClient> client) {
        this.client = client;
    }

    /** GET {@code uri} with {@code token}, or anonymously when it is null. */
    public JsonNode get(String token, String uri, int status) {
        return answer(withToken(client.getObject().get().uri(uri), token).exchange(), status);
    }

    /** The codes of the catalogue's platforms the public search answers for {@code query}, in its order. */
    public List<String> platformCodes(String query) {
        List<String> codes = new ArrayList<>();
        get(null, "/api/v1/platforms?" + query, 200).get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    /** The values of one facet of the public search's answer for {@code query}. */
    public List<String> platformFacet(String query, String facet) {
        List<String> values = new ArrayList<>();
        get(null, "/api/v1/platforms?" + query, 200).get("facets").get(facet)
                .forEach(f -> values.add(f.get("value").asString()));
        return values;
    }

    /**
     * GET a list the API answers as a JSON array with its page in headers ({@code X-Total-Count}, {@code Link}...):
     * the whole answer, 200 asserted, so that a test can read both.
     */
    public EntityExchangeResult<JsonNode> page(String token, String uri) {
        return withToken(client.getObject().get().uri(uri), token).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
    }

    /** The ids of the items of a {@link #page}, in its order; asserts that the answer is an array. */
    public static List<String> ids(EntityExchangeResult<JsonNode> page) {
        assertThat(page.getResponseBody().isArray()).as("a list answer is a JSON array").isTrue();
        return page.getResponseBody().findValuesAsString("id");
    }

    /** POST {@code body} as JSON with {@code token}, or anonymously when it is null. */
    public JsonNode post(String token, String uri, Object body, int status) {
        return send(client.getObject().post().uri(uri), token, body, status);
    }

    /** PUT {@code body} as JSON with {@code token}, or anonymously when it is null. */
    public JsonNode put(String token, String uri, Object body, int status) {
        return send(client.getObject().put().uri(uri), token, body, status);
    }

    /** POSTs {@code body} to a collection, expects 201 Created, and returns the new resource's id. */
    public String create(String token, String uri, Object body) {
        return post(token, uri, body, 201).get("id").asString();
    }

    private static JsonNode send(RestTestClient.RequestBodySpec request, String token, Object body, int status) {
        return answer(sent(request, token, body), status);
    }

    private static RestTestClient.ResponseSpec sent(RestTestClient.RequestBodySpec request, String token, Object body) {
        return withToken(request.contentType(MediaType.APPLICATION_JSON).body(body), token).exchange();
    }

    /** The request with {@code token} as its bearer token, or without an Authorization header when it is null. */
    private static RestTestClient.RequestHeadersSpec<?> withToken(RestTestClient.RequestHeadersSpec<?> request,
            String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The answer with {@code status} asserted; a refusal (4xx, 5xx) must also be a problem document (problem+json). */
    private static JsonNode answer(RestTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status);
        if (status >= 400) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
