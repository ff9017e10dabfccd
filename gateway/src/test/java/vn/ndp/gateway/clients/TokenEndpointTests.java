package vn.ndp.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ndp.gateway.LoopbackServer;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.config.GatewayConfiguration.LocalClient;
import vn.ndp.gateway.config.GatewayConfiguration.OAuthClient;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.identifiers.MemberClass;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.SubsystemId;

class TokenEndpointTests {

    private static final SubsystemId PORTAL_A = MemberId.of("VN", MemberClass.GOV, "TEST.PROVINCE.A").subsystem("portal");
    private static final SubsystemId PORTAL_B = MemberId.of("VN", MemberClass.GOV, "TEST.PROVINCE.B").subsystem("portal");
    private static final String BASIC_A = "Basic " + Base64.getEncoder()
            .encodeToString("province-a:secret-a".getBytes(StandardCharsets.UTF_8));

    static LoopbackServer server;

    @BeforeAll
    static void start() throws Exception {
        TokenEndpoint endpoint = new TokenEndpoint(new LocalClients(List.of(
                new LocalClient(PORTAL_A, List.of(), List.of(new OAuthClient("province-a", Hashes.sha256("secret-a".getBytes(StandardCharsets.UTF_8))))),
                new LocalClient(PORTAL_B, List.of(), List.of(new OAuthClient("province-b", Hashes.sha256("secret-b".getBytes(StandardCharsets.UTF_8))))))),
                new TokenIssuer(Clock.systemUTC(), Duration.ofMinutes(5)));
        server = LoopbackServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                endpoint.handle(request, response, callback);
                return true;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RawHttp.Answer post(String authorization, String form) throws Exception {
        return RawHttp.send(server.port(), "POST " + TokenEndpoint.PATH + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded" + (authorization == null ? "" : "\r\nAuthorization: " + authorization),
                form);
    }

    private static void assertInvalidRequest(RawHttp.Answer answer, String description) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"", description);
    }

    @Test
    void aTokenIsIssuedForEitherWayOfAuthenticatingAndNeverCached() throws Exception {
        for (RawHttp.Answer answer : List.of(post(BASIC_A, "grant_type=client_credentials"),
                post(null, "grant_type=client_credentials&client_id=province-a&client_secret=secret-a"))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"access_token\"", "\"subsystem\":\"" + PORTAL_A.encoded() + "\"");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        }
    }

    @Test
    void aMissingGrantTypeIsAnInvalidRequestAndAnotherGrantTypeIsUnsupported() throws Exception {
        assertInvalidRequest(post(null, "client_id=province-a&client_secret=secret-a"), "grant_type is required");

        RawHttp.Answer password = post(BASIC_A, "grant_type=password");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.body()).contains("\"error\":\"unsupported_grant_type\"");
    }

    @Test
    void aRepeatedParameterIsAnInvalidRequest() throws Exception {
        assertInvalidRequest(post(null, "grant_type=password&grant_type=client_credentials&client_id=province-a"
                + "&client_secret=secret-a"), "grant_type is repeated");
        assertInvalidRequest(post(null, "grant_type=client_credentials&client_id=province-a&client_id=province-a"
                + "&client_secret=secret-a"), "client_id is repeated");
    }

    @Test
    void basicAuthenticationAndCredentialsInTheFormTogetherAreAnInvalidRequest() throws Exception {
        assertInvalidRequest(post(BASIC_A, "grant_type=client_credentials&client_id=province-a&client_secret=secret-a"),
                "not both");
        assertInvalidRequest(post(BASIC_A, "grant_type=client_credentials&client_id=province-b"), "not both");
        assertInvalidRequest(post(BASIC_A, "grant_type=client_credentials&client_secret=secret-b"), "not both");
    }
}
