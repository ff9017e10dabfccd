package vn.ndp.protocol.timestamp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeStampClientTests {

    @Test
    void aTsaThatCannotBeReachedIsSaidInASentenceNotAsTheJdksNullMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/tsa");
        TimeStampClient client = new TimeStampClient(url, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.stamp(new byte[32]))
                .isInstanceOf(TimeStampClient.TimeStampException.class)
                .hasMessageStartingWith("Time-stamping at " + url + " failed: ")
                .message().containsIgnoringCase("connection refused").doesNotContain("null").doesNotContain("Exception");
    }
}
