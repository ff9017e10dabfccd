package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;

/**
 * A provider gateway that does not offer HTTP/2 (as gateways of earlier versions, which had no ALPN): the consumer
 * gateway speaks HTTP/1.1 to it. With HTTP/2 first in the consumer's client, it sent HTTP/2 frames to such a gateway
 * and every exchange failed with {@code frame_size_error}.
 */
class Http11ProviderIntegrationTests {

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;
    static String token;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        exchange = new ExchangeFixture(directory,
                ExchangeFixture.Overrides.both("{\"listen\": {\"provider\": {\"http2\": false}}}"));
        token = exchange.token("province-a", SECRET_A);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static HttpRequest.Builder request(String path) {
        return exchange.itemsRequest(token, path, Duration.ofSeconds(10));
    }

    @Test
    void concurrentExchangesAndAStreamedBodyGoThroughOverHttp11() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(http.sendAsync(request("/v1/items/" + i).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("/api/v1/items/" + i);
        }
        exchange.awaitProviderConnections(open -> open > 1, "HTTP/1.1: a connection per concurrent exchange");

        String body = "{\"tên\":\"Sở Tư pháp\"}".repeat(40);
        HttpResponse<String> streamed = http.send(request("/v1/items").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(new String(exchange.backend.received().getLast().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }
}
