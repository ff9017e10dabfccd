package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * Every API body is read strictly, whichever module's resource it is for: a field given twice, or one the resource
 * does not have, is refused as INVALID_BODY naming it, never taken as its last value or ignored.
 */
@RegistryIntegrationTest
class StrictJsonBodiesIntegrationTests {

    @Autowired
    ApiCalls api;

    @Autowired
    TestAccounts accounts;

    @Test
    void aFieldGivenTwiceIsRefusedByNameInsteadOfTheLastValueWinning() {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BTC");

        JsonNode twice = api.post(editor, "/api/v1/proposals",
                "{\"code\": \"STRICT-DUP-1\", \"code\": \"STRICT-DUP-2\", \"fields\": {\"name_vi\": \"Nền tảng\"}}", 400);
        JsonNode nested = api.post(editor, "/api/v1/proposals",
                "{\"code\": \"STRICT-DUP-3\", \"fields\": {\"name_vi\": \"Một\", \"name_vi\": \"Hai\"}}", 400);

        assertThat(twice.path("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(twice.path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(twice.path("errors").get(0).path("message").asString()).contains("more than once");
        assertThat(nested.path("errors").get(0).path("field").asString()).isEqualTo("fields.name_vi");
        assertThat(api.get(editor, "/api/v1/proposals?q=STRICT-DUP", 200)).isEmpty();
    }

    @Test
    void aFieldTheResourceDoesNotHaveIsRefusedByNameInsteadOfIgnored() {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BTC");

        JsonNode proposal = api.post(editor, "/api/v1/proposals",
                "{\"code\": \"STRICT-UNKNOWN-1\", \"colour\": \"red\", \"fields\": {\"name_vi\": \"Nền tảng\"}}", 400);
        JsonNode token = api.post(editor, "/api/v1/me/tokens", "{\"name\": \"ci\", \"expiresInDays\": 7}", 400);

        assertThat(proposal.path("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(proposal.path("detail").asString()).isEqualTo("colour: is not a field of this resource.");
        assertThat(token.path("errors").get(0).path("field").asString()).isEqualTo("expiresInDays");
    }

    @Test
    void theOverlapCheckWhichReadsItsOwnBodyRefusesAFieldGivenTwiceAlike() {
        JsonNode twice = api.post(null, "/api/v1/overlap/check",
                "{\"name\": \"Cổng dịch vụ công\", \"name\": \"Kho dữ liệu\"}", 400);

        assertThat(twice.path("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(twice.path("detail").asString()).isEqualTo("name: is given more than once; give each field once.");
    }
}
