package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ndp.registry.RegistryIntegrationTest;

/**
 * Sign-in through an external OpenID Connect provider, configured only by
 * properties: authorization code flow with a real provider over HTTP.
 */
@RegistryIntegrationTest
class OidcSignInIntegrationTests {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
    static final String ISSUER = "vneid-test";

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.vneid.client-id", () -> "ndp");
        registry.add(prefix + "registration.vneid.client-secret", () -> "secret");
        registry.add(prefix + "registration.vneid.client-name", () -> "VNeID (thử nghiệm)");
        registry.add(prefix + "registration.vneid.scope", () -> "openid,email,profile");
        registry.add(prefix + "provider.vneid.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts testAccounts;

    /** Walks the code flow: NDP → provider → NDP; returns NDP's final response. */
    MvcResult signInAs(String subject, String email, MockHttpSession session) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", java.util.List.of("ndp"),
                Map.of("email", email, "email_verified", true), 3600));
        String toProvider = mvc.perform(get("/oauth2/authorization/vneid").session(session))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        HttpResponse<Void> provider = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(toProvider)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(provider.statusCode()).isEqualTo(302);
        URI back = URI.create(provider.headers().firstValue("Location").orElseThrow());
        var params = UriComponentsBuilder.fromUri(back).build().getQueryParams();
        return mvc.perform(get(back.getPath()).session(session)
                        .param("code", decode(params.getFirst("code"))).param("state", decode(params.getFirst("state"))))
                .andReturn();
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPersonWithAnAccountSignsInThroughTheProviderAndIsLinkedByVerifiedEmail() throws Exception {
        Account account = testAccounts.create(Role.REVIEWER, null);
        MockHttpSession session = new MockHttpSession();
        MvcResult result = signInAs("vneid-" + account.username(), account.email(), session);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(account.username())));
    }

    @Test
    void anIdentityWithoutAnNdpAccountIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = signInAs("stranger", "stranger@example.test", session);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/login?error");
        mvc.perform(get("/account").session(session)).andExpect(status().isFound());
    }

    @Test
    void theSignInPageOffersTheConfiguredProvider() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("VNeID (thử nghiệm)")));
    }
}
