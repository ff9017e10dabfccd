package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.Poll;

/**
 * HTTP/2 flow control between two gateways: the exchanges of a pair of gateways share one connection, so an exchange
 * whose caller stops reading must not hold up the others (each stream's window is small and the connection's is their
 * sum). With Jetty's client defaults (8 MiB per stream, 16 MiB per connection) two stalled answers took the whole
 * connection's window and every other answer on it waited.
 */
class Http2FlowControlIntegrationTests {

    private static final int LARGE = 40_000_000;

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;
    static String token;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        // Timeouts far beyond the 3 s the other exchange is given: a stalled answer's backend connection falls idle (the
        // provider stops reading it) and its abort would free the windows too, so only flow control may let it through.
        String patient = "{\"limits\": {\"backendReadTimeout\": \"20s\", \"gatewayReadTimeout\": \"30s\", \"exchangeTimeout\": \"60s\"}}";
        exchange = new ExchangeFixture(directory, ExchangeFixture.Overrides.LARGE_BODIES.andConsumer(patient).andProvider(patient));
        token = exchange.token("province-a", SECRET_A);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static HttpResponse<String> items(int id) throws Exception {
        return http.send(exchange.itemsRequest(token, "/v1/items/" + id, Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void callersThatStopReadingLargeAnswersDoNotHoldUpOtherExchangesOnTheConnection() throws Exception {
        assertThat(items(1).statusCode()).isEqualTo(200);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(exchange.stalledCaller(token, LARGE)); // never read: the answer backs up to the consumer gateway, then over HTTP/2
            }
            Poll.until(() -> exchange.backend.received().stream().filter(r -> r.rawPath().startsWith("/api/big/"))
                    .count() == 2, Duration.ofSeconds(10), "the backend to receive both large requests");
            // The stalled answers fill every window and buffer on their way, then the backend can write no more:
            // wait until it has written nothing for 300 ms, or fail (the rest would then test nothing).
            AtomicLong written = new AtomicLong(-1);
            AtomicLong unchangedSince = new AtomicLong();
            Poll.until(() -> {
                long now = exchange.backend.bulkBytesWritten();
                if (now != written.getAndSet(now)) {
                    unchangedSince.set(System.nanoTime());
                    return false;
                }
                return now > 0 && System.nanoTime() - unchangedSince.get() >= Duration.ofMillis(300).toNanos();
            }, Duration.ofSeconds(10), "the backend to stop writing the stalled answers");

            HttpResponse<String> other = items(2);

            assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
            assertThat(other.body()).contains("/api/v1/items/2");
        } finally {
            for (Socket caller : stalled) {
                caller.close();
            }
        }
    }
}
