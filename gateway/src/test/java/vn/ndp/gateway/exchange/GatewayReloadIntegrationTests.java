package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_B;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.ExchangeFixture.SECRET_B;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.config.GatewayConfigurationReader;

/**
 * A shared gateway takes on and lets go of tenants without a restart: {@code POST /reload} on its admin listener
 * reads its configuration file again. A tenant taken off loses its tokens at once; a file that changes anything but
 * the local systems and services, or does not parse, is refused whole and the gateway goes on as it was.
 */
class GatewayReloadIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        exchange = new ExchangeFixture(directory);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    /** The consumer's clients with only {@code clientIndex} of the fixture's (0: province A, 1: province B). */
    private static String onlyClient(int clientIndex) throws Exception {
        JsonNode clients = JSON.readTree(directory.resolve("consumer/gateway.json").toFile()).get("clients");
        return "{\"clients\": [" + JSON.writeValueAsString(clients.get(clientIndex)) + "]}";
    }

    private static HttpResponse<String> post(GatewayNode gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> items(GatewayNode gateway, String client, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.consumerHttpPort() + "/r1/"
                        + ITEMS + "/v1/items")).header("X-Road-Client", client)
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTenantMovesOntoTheGatewayAndAnotherOffItWithoutARestart() throws Exception {
        Path file = exchange.consumerVariant("reloading", onlyClient(0));
        try (GatewayNode gateway = new GatewayNode(GatewayConfigurationReader.read(file), exchange.clock, file)) {
            gateway.startWithoutSchedules();
            gateway.globalConfiguration().refreshNow();
            String tokenA = ExchangeFixture.token(gateway, "province-a", SECRET_A);
            assertThat(items(gateway, CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> ExchangeFixture.token(gateway, "province-b", SECRET_B))
                    .as("not a tenant yet").hasMessageContaining("answered 401");

            Files.writeString(file, Files.readString(exchange.consumerVariant("reloading-b", onlyClient(1))));
            HttpResponse<String> reloaded = post(gateway, "/reload");
            assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(reloaded.body());
            assertThat(body.get("reloaded").asBoolean()).isTrue();
            assertThat(body.get("clients").get(0).asString()).isEqualTo(CLIENT_B.encoded());
            assertThat(body.get("noLongerServed").get(0).asString()).isEqualTo(CLIENT_A.encoded());

            HttpResponse<String> gone = items(gateway, CLIENT_A.encoded(), tokenA);
            assertThat(gone.statusCode()).as("the token of a tenant taken off is forgotten").isEqualTo(400);
            assertThat(gone.headers().firstValue("X-Road-Error")).contains("Client.SslAuthenticationFailed");
            String tokenB = ExchangeFixture.token(gateway, "province-b", SECRET_B);
            HttpResponse<String> asB = items(gateway, CLIENT_B.encoded(), tokenB);
            assertThat(asB.headers().firstValue("X-Road-Error")).as("B is served here now; the provider decides on"
                    + " its rights").contains("Server.ServerProxy.AccessDenied");

            String before = Files.readString(file);
            Files.writeString(file, Files.readString(exchange.consumerVariant("reloading-limits",
                    "{\"limits\": {\"maxBodySize\": 1024}, " + onlyClient(0).substring(1))));
            HttpResponse<String> restart = post(gateway, "/reload");
            assertThat(restart.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(restart.body()).get("needingRestart").get(0).asString())
                    .isEqualTo("limits.maxBodySize");
            assertThat(items(gateway, CLIENT_B.encoded(), tokenB).headers().firstValue("X-Road-Error"))
                    .as("all or nothing: B is still served").contains("Server.ServerProxy.AccessDenied");
            assertThatThrownBy(() -> ExchangeFixture.token(gateway, "province-a", SECRET_A))
                    .as("and A was not taken back").hasMessageContaining("answered 401");

            Files.writeString(file, before.substring(0, before.length() / 2));
            HttpResponse<String> broken = post(gateway, "/reload");
            assertThat(broken.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(broken.body()).get("problem").asString()).contains(file.toString());
            assertThat(ExchangeFixture.token(gateway, "province-b", SECRET_B)).isNotBlank();

            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + gateway.adminPort() + "/reload")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aGatewayGivenItsConfigurationInMemoryHasNothingToReload() throws Exception {
        assertThat(post(exchange.consumer, "/reload").statusCode()).isEqualTo(404);
    }
}
