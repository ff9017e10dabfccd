package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.ExchangeFixture.connections;
import static vn.ndp.gateway.GatewayErrors.assertGatewayError;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.Poll;

/**
 * limits.maxExchanges: a gateway handles at most that many exchanges at once, so that the body bytes it holds for slow
 * readers stay bounded however many connections there are. Two callers that never read their large answers hold two
 * places in each gateway until they hang up. limits.maxConnections: each listener keeps at most that many connections
 * open, however idle.
 */
class ExchangeCapacityIntegrationTests {

    private static final int LARGE = 40_000_000;
    private static final String TWO_EXCHANGES = "{\"limits\": {\"maxExchanges\": 2}}";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path directory;

    @Test
    void aConsumerGatewayAtItsLimitRefusesTheNextExchangeAtOnceAndTakesItAgainOnceAPlaceIsFree() throws Exception {
        try (ExchangeFixture exchange = new ExchangeFixture(directory,
                ExchangeFixture.Overrides.LARGE_BODIES.andConsumer(TWO_EXCHANGES))) {
            assertRefusedWhileTwoCallersStall(exchange, exchange.consumer, "consumer", "Server.ClientProxy.OutOfCapacity");
        }
    }

    @Test
    void aProviderGatewayAtItsLimitRefusesTheNextExchangeAndTheConsumerPassesTheErrorOn() throws Exception {
        try (ExchangeFixture exchange = new ExchangeFixture(directory,
                // the stalled exchanges hold the provider's places only while its backend connection is not idle
                // too long: far longer than the fixture's 1.5 s, so that a slow third request still finds them held
                ExchangeFixture.Overrides.LARGE_BODIES.andProvider(TWO_EXCHANGES).andProvider(
                        "{\"limits\": {\"backendReadTimeout\": \"20s\", \"gatewayReadTimeout\": \"25s\", \"exchangeTimeout\": \"30s\"}}"))) {
            assertRefusedWhileTwoCallersStall(exchange, exchange.provider, "provider", "Server.ServerProxy.OutOfCapacity");
        }
    }

    @Test
    void aListenerAtItsConnectionLimitAcceptsTheNextConnectionOnlyOnceAnotherCloses() throws Exception {
        try (ExchangeFixture exchange = new ExchangeFixture(directory,
                ExchangeFixture.Overrides.NONE.andConsumer("{\"limits\": {\"maxConnections\": 2}}"))) {
            String token = exchange.token("province-a", SECRET_A);
            int port = exchange.consumer.consumerHttpPort();
            Poll.until(() -> connections(exchange.consumer, "consumer-http") == 0, WAIT, "the token request's connection to close");
            try (Socket idle1 = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket idle2 = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Poll.until(() -> connections(exchange.consumer, "consumer-http") == 2, WAIT, "two idle connections to be accepted");
                try (Socket other = new Socket(InetAddress.getLoopbackAddress(), exchange.consumer.providerPort())) {
                    Poll.until(() -> connections(exchange.consumer, "provider") == 1, WAIT,
                            "the listener for other gateways, which has a limit of its own, to accept meanwhile");
                }
                try (Socket third = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    third.getOutputStream().write(("GET /r1/" + ExchangeFixture.ITEMS + "/v1/items/5 HTTP/1.1\r\nHost: localhost\r\n"
                            + "X-Road-Client: " + ExchangeFixture.CLIENT_A.encoded() + "\r\nAuthorization: Bearer " + token
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    // a connection not accepted shows only as no answer: a short bounded wait is the one way to see it
                    third.setSoTimeout(1000);
                    assertThatThrownBy(() -> third.getInputStream().read()).as("not accepted while two are open")
                            .isInstanceOf(SocketTimeoutException.class);
                    assertThat(connections(exchange.consumer, "consumer-http")).isEqualTo(2.0);

                    idle1.close();

                    third.setSoTimeout((int) WAIT.toMillis());
                    String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer).startsWith("HTTP/1.1 200 ").contains("/api/v1/items/5");
                }
            }
        }
    }

    private static void assertRefusedWhileTwoCallersStall(ExchangeFixture exchange, GatewayNode limited, String side,
                                                         String errorType) throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(exchange.stalledCaller(token, LARGE));
            }
            Poll.until(() -> inProgress(limited) == 2, WAIT, "two exchanges in progress in the " + side + " gateway");

            HttpResponse<String> refused = items(exchange, token, 3);

            assertThat(assertGatewayError(refused, errorType).message()).contains("2 exchanges");
            assertThat(exchange.backend.received()).noneMatch(r -> r.rawPath().equals("/api/v1/items/3"));
            assertThat(limited.metrics().get("ndp.gateway.exchanges.refused").tag("side", side).counter().count())
                    .isEqualTo(1.0);
        } finally {
            for (Socket caller : stalled) {
                caller.close();
            }
        }
        Poll.until(() -> inProgress(exchange.consumer) == 0 && inProgress(exchange.provider) == 0, WAIT,
                "the hung-up exchanges to give their places back");

        HttpResponse<String> taken = items(exchange, token, 4);

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(taken.body()).contains("/api/v1/items/4");
    }

    private static HttpResponse<String> items(ExchangeFixture exchange, String token, int id) throws Exception {
        return http.send(exchange.itemsRequest(token, "/v1/items/" + id, Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double inProgress(GatewayNode gateway) {
        return gateway.metrics().get("ndp.gateway.exchanges.in.progress").gauge().value();
    }
}
