package vn.ndp.protocol.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class FailuresTests {

    private static <T extends Throwable> T causedBy(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    @Test
    void theInnermostMessageIsTheOneThatSaysWhatWentWrong() {
        assertThat(Failures.describe(new IOException("Broken pipe"))).isEqualTo("Broken pipe");
        assertThat(Failures.describe(new IOException("outer", new IOException("inner")))).isEqualTo("inner");
        assertThat(Failures.describe(new IOException("outer", new IOException("middle", new IOException()))))
                .as("an inner cause without a message").isEqualTo("middle");
    }

    @Test
    void withoutAnyMessageTheInnermostTypeIsNamed() {
        assertThat(Failures.describe(new TimeoutException())).isEqualTo("TimeoutException");
        assertThat(Failures.describe(new IOException(null, new ClosedChannelException())))
                .isEqualTo("ClosedChannelException");
        assertThat(Failures.describe(new IOException("   "))).isEqualTo("IOException");
        assertThat(Failures.describe(new IOException(new TimeoutException())))
                .as("a message that only names its cause").isEqualTo("TimeoutException");
    }

    @Test
    void anObjectDumpOrAVeryLongMessageIsPassedOver() {
        assertThat(Failures.describe(new IOException("Connection closed", new IOException(
                "HttpConnectionOverHTTP@1a2b3c4d::SocketChannelEndPoint@5e6f{l=/127.0.0.1:1,r=/127.0.0.1:2}"))))
                .isEqualTo("Connection closed");
        assertThat(Failures.describe(new IOException("x".repeat(201)))).isEqualTo("IOException");
    }

    @Test
    void whatTheJdkLeavesUnsaidIsSaidByTheType() {
        assertThat(Failures.describe(causedBy(new ConnectException(), new ClosedChannelException())))
                .isEqualTo("connection refused");
        assertThat(Failures.describe(new IOException(causedBy(new ConnectException(), new UnresolvedAddressException()))))
                .isEqualTo("its host name does not resolve");
        assertThat(Failures.describe(new UnknownHostException("registry.invalid")))
                .isEqualTo("its host name does not resolve (registry.invalid)");
    }

    @Test
    void aRefusedConnectionOfTheJdkHttpClientIsSaidSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IOException refused = null;
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            refused = e;
        }

        assertThat(refused).isNotNull();
        assertThat(Failures.describe(refused)).containsIgnoringCase("connection refused").doesNotContain("null");
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IOException first = new IOException();
        IOException second = new IOException(first);
        first.initCause(second);

        assertThat(Failures.describe(first)).isEqualTo("IOException");
    }
}
