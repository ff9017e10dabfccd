package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.GatewayErrors.assertGatewayError;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.RawHttp;

/**
 * A backend that answers before it has read the request body ({@code /api/unread}, 413 at once): the answer cannot be
 * checked against the request, and a chunked body still arriving may yet grow past the limit. A limit of 1 MiB, larger
 * than what the gateways' buffers and flow-control windows hold, so that the answer arrives while the body streams.
 */
class EarlyAnswerIntegrationTests {

    private static final int LIMIT = 1024 * 1024;

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        exchange = new ExchangeFixture(directory,
                ExchangeFixture.Overrides.both("{\"limits\": {\"maxBodySize\": " + LIMIT + "}}"));
        token = exchange.token("province-a", SECRET_A);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @BeforeEach
    void forgetBackendRequests() {
        exchange.backend.clear();
    }

    private static RawHttp.Answer postChunked(String path, int bytes, int chunk) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int sent = 0; sent < bytes; sent += chunk) {
            int size = Math.min(chunk, bytes - sent);
            body.append(Integer.toHexString(size)).append("\r\n").append("x".repeat(size)).append("\r\n");
        }
        body.append("0\r\n\r\n");
        return RawHttp.sendChunked(exchange.consumer.consumerHttpPort(), "POST /r1/" + ITEMS + path
                + " HTTP/1.1\r\nHost: x\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + token, body.toString());
    }

    @Test
    void aChunkedBodyOverTheLimitIsInvalidBodyEvenWhenTheBackendAnsweredBeforeItArrived() throws Exception {
        for (int over : List.of(LIMIT + 1, 2 * LIMIT)) {
            for (int chunk : List.of(8192, 65536)) {
                RawHttp.Answer answer = postChunked("/unread", over, chunk);
                assertThat(assertGatewayError(answer, "Client.InvalidBody").message()).as(over + " in chunks of " + chunk)
                        .contains("larger than the limit of " + LIMIT);
                assertThat(answer.header("X-Road-Id")).isNotBlank();
            }
        }
    }

    @Test
    void aBodyUnderTheLimitTheBackendAnsweredBeforeReadingCannotBeCheckedAndTheGatewaysServeOn() throws Exception {
        RawHttp.Answer answer = postChunked("/unread", LIMIT / 2, 8192);

        // the body may have been sent whole by the time the answer is seen, its hash then not matching the provider's
        assertGatewayError(answer, "Server.ClientProxy.InconsistentResponse");
        // the gateways go on serving, over the connection between them
        RawHttp.Answer whole = postChunked("/upload", LIMIT / 2, 8192);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(exchange.backend.received()).last().satisfies(received ->
                assertThat(received.body()).hasSize(LIMIT / 2));
    }
}
