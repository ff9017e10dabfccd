package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.EXCHANGE_TIMEOUT;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.ExchangeFixture.TRICKLE;
import static vn.ndp.gateway.GatewayErrors.assertGatewayError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.Poll;

/**
 * A next hop or a caller that sends a byte now and then is never idle, so no idle timeout stops it: the answer's head
 * must still begin within the read timeout, and the whole exchange end within limits.exchangeTimeout (6 s here), and
 * the trickling side's connection is let go. Whoever was too slow is the one the error or the recorded fault names.
 */
@Timeout(60)
class ExchangeDeadlineIntegrationTests {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path directory;

    private ExchangeFixture exchange;
    private String token;

    /** The gateway pair of the test, with its own limits where it needs them; closed after it. */
    private ExchangeFixture start(ExchangeFixture.Overrides overrides) throws Exception {
        exchange = new ExchangeFixture(directory, overrides);
        token = exchange.token("province-a", SECRET_A);
        return exchange;
    }

    @AfterEach
    void stop() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    void aBackendTricklingTheHeadOfItsAnswerGetsServiceFailedOnceTheBackendReadTimeoutHasPassed() throws Exception {
        start(ExchangeFixture.Overrides.NONE);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request("/r1/" + TRICKLE + "/head").build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(assertGatewayError(response, "Server.ServerProxy.ServiceFailed").message())
                .contains("did not answer within PT1.5S");
        assertThat(took).as("backendReadTimeout is 1.5 s; the backend sends a byte every 0.1 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(8));
        Poll.until(() -> timedOut(exchange.provider, "answer") == 1.0, Duration.ofSeconds(5), "the answer to be counted late");
        Poll.until(() -> exchange.trickle.dropped() == 1, Duration.ofSeconds(5), "the backend connection to be closed");
    }

    @Test
    void aBackendTricklingItsBodyIsCutOffWhenTheProvidersExchangeTimeLimitPasses() throws Exception {
        // The provider's limit is shorter than the consumer's (by 3 s, more than a stall on a loaded machine), so it is
        // the one that passes, and blames its backend.
        Duration providerLimit = Duration.ofSeconds(5);
        Duration consumerLimit = Duration.ofSeconds(8);
        ExchangeFixture shorter = start(ExchangeFixture.Overrides.NONE
                .andProvider("{\"limits\": {\"exchangeTimeout\": \"5s\"}}")
                .andConsumer("{\"limits\": {\"exchangeTimeout\": \"8s\"}}"));
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request("/r1/" + TRICKLE + "/body").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("the answer's head came at once, and was passed on").isEqualTo(200);
        long received = 0;
        IOException cutOff = null;
        try (InputStream body = response.body()) {
            while (body.read() >= 0) {
                received++;
            }
        } catch (IOException e) {
            cutOff = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(cutOff).as("the body ends short of its declared length, so the caller knows it is incomplete")
                .isNotNull();
        assertThat(received).isPositive().isLessThan(4000);
        assertThat(took).isGreaterThanOrEqualTo(providerLimit).isLessThan(consumerLimit.plusSeconds(2));
        Poll.until(() -> timedOut(shorter.provider, "exchange") == 1.0, Duration.ofSeconds(5),
                "the provider to count the exchange late");
        Poll.until(() -> shorter.trickle.dropped() == 1, Duration.ofSeconds(5), "the backend connection to be closed");
        Poll.until(() -> !faults(shorter.consumer, "consumer").isEmpty(), Duration.ofSeconds(5),
                "the consumer to finish the exchange");
        assertThat(faults(shorter.provider, "provider")).as("the backend was the one too slow")
                .containsExactly("Server.ServerProxy.ServiceFailed");
        assertThat(faults(shorter.consumer, "consumer")).as("the provider's gateway did not send the whole answer")
                .containsExactly("Server.ClientProxy.NetworkError");
        assertThat(timedOut(shorter.consumer, "exchange")).isZero();
    }

    @Test
    void aCallerThatStopsSendingItsBodyIsTheOneBlamedWhenTheBackendConnectionFallsIdle() throws Exception {
        start(ExchangeFixture.Overrides.NONE);
        try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), exchange.consumer.consumerHttpPort())) {
            caller.setSoTimeout(10_000);
            caller.getOutputStream().write(("POST /r1/" + ITEMS + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: "
                    + CLIENT_A.encoded() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"part\":").getBytes(StandardCharsets.ISO_8859_1));
            caller.getOutputStream().flush();
            long start = System.nanoTime();

            String answer = readAnswer(caller.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("X-Road-Error: Client.BadRequest")
                    .contains("request body stopped arriving");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the provider's backendReadTimeout is 1.5 s")
                    .isLessThan(Duration.ofSeconds(8));
        }
        assertThat(timedOut(exchange.provider, "answer")).as("no answer was late: the request never ended").isZero();
        assertThat(exchange.backend.received()).as("the backend never got a whole request").isEmpty();
    }

    @Test
    void aCallerTricklingItsRequestBodyGetsBadRequestWhenTheExchangeTimeLimitPasses() throws Exception {
        // The provider's limit is longer than the consumer's, so the consumer's is the one that passes (with equal
        // limits either gateway's sweeper may be first, and the consumer would only pass the provider's answer on).
        ExchangeFixture longer = start(ExchangeFixture.Overrides.NONE
                .andProvider("{\"limits\": {\"exchangeTimeout\": \"9s\"}}"));
        try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), longer.consumer.consumerHttpPort())) {
            caller.setSoTimeout((int) EXCHANGE_TIMEOUT.plusSeconds(10).toMillis());
            OutputStream out = caller.getOutputStream();
            long start = System.nanoTime(); // before the head: the consumer's clock starts when the head arrives
            out.write(("POST /r1/" + ITEMS + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A.encoded()
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        Thread.sleep(100);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the gateway has answered and closed the connection
                }
            });

            String answer = readAnswer(caller.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int after = caller.getInputStream().read();
            trickler.interrupt();

            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("X-Road-Error: Client.BadRequest")
                    .contains("The request body had not arrived whole");
            assertThat(took).isGreaterThanOrEqualTo(EXCHANGE_TIMEOUT.minusMillis(100))
                    .isLessThan(EXCHANGE_TIMEOUT.plusSeconds(3));
            assertThat(after).as("the caller's connection is closed after the answer").isEqualTo(-1);
            Poll.until(() -> timedOut(longer.consumer, "exchange") == 1.0, Duration.ofSeconds(5),
                    "the consumer gateway to count the exchange late");
            assertThat(longer.backend.received()).as("the backend never got a whole request").isEmpty();
        }
    }

    @Test
    void aCallerThatStopsReadingIsRecordedAsAtFaultNotTheBackendWhoseIdleTimeoutEndsTheExchange() throws Exception {
        ExchangeFixture large = start(ExchangeFixture.Overrides.LARGE_BODIES);
        try (Socket caller = large.stalledCaller(token, 40_000_000)) {
            // The caller's socket, the HTTP/2 window between the gateways and the provider's reads fill up, and the
            // backend connection falls idle (backendReadTimeout, 1.5 s) because the provider stopped reading it. The
            // consumer's last write to the caller ends by its listener's idle timeout (4 s + 5 s here).
            Poll.until(() -> !faults(large.consumer, "consumer").isEmpty() && !faults(large.provider, "provider").isEmpty(),
                    Duration.ofSeconds(20), "both gateways to finish the exchange");

            assertThat(faults(large.provider, "provider")).as("the provider stopped reading its backend because the"
                    + " consumer gateway stopped reading, because its caller did").containsOnly("Client.BadRequest");
            assertThat(faults(large.consumer, "consumer")).containsOnly("Client.BadRequest");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exchange.consumer.consumerHttpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Road-Client", CLIENT_A.encoded())
                .header("Authorization", "Bearer " + token);
    }

    private static double timedOut(GatewayNode gateway, String limit) {
        return gateway.metrics().get("ndp.gateway.exchanges.timed.out").tag("limit", limit).counter().count();
    }

    /** The faults of the exchanges a gateway has finished on one side ("" for none). */
    private static java.util.List<String> faults(GatewayNode gateway, String side) {
        return gateway.metrics().find("ndp_exchange_duration").tag("side", side).timers().stream()
                .filter(timer -> timer.count() > 0).map(timer -> timer.getId().getTag("fault")).toList();
    }

    /** The answer's head and as much of its body as arrives before the gateway closes the connection. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.ISO_8859_1).contains("\"detail\"")) {
                    break;
                }
            }
        } catch (IOException e) {
            // closed after the answer
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
