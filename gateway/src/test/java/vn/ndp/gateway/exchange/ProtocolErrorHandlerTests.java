package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.ndp.gateway.GatewayErrors;
import vn.ndp.gateway.LoopbackServer;
import vn.ndp.gateway.Poll;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.protocol.errors.XRoadError;

/**
 * What Jetty's own error answers say and record, on one listener of each kind (the message log is left out here; it
 * is covered with a real gateway pair in MessageLogIntegrationTests).
 */
class ProtocolErrorHandlerTests {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final OperationalMonitor monitor = new OperationalMonitor(Clock.systemUTC(), metrics, null);
    private LoopbackServer server;

    /** A server whose one handler fails every exchange before answering, as one does whose log cannot write. */
    private void start(ProtocolErrorHandler.Listener listener) throws Exception {
        server = LoopbackServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ExchangeRecorder record = new ExchangeRecorder(monitor, null, Clock.systemUTC(), "consumer", request);
                record.xroadId = "logged-as-this";
                request.setAttribute(ProtocolErrorHandler.HANDLED, record);
                callback.failed(new IOException("the message log cannot write"));
                return true;
            }
        }, new ProtocolErrorHandler(c -> listener, monitor, null, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        monitor.close();
    }

    /** The exchanges recorded on {@code side} as refused with Client.BadRequest. */
    private long refusalsRecorded(String side) {
        var timer = metrics.find("ndp_exchange_duration").tags("side", side, "fault", "Client.BadRequest").timer();
        return timer == null ? 0 : timer.count();
    }

    /** The exchanges recorded on {@code side}, whatever their status and fault (one timer each). */
    private long recorded(String side) {
        return metrics.find("ndp_exchange_duration").tag("side", side).timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    @Test
    void aRequestJettyRefusesOnAnExchangeListenerGetsAnXRoadIdAndIsRecordedAsTheListenersSide() throws Exception {
        start(ProtocolErrorHandler.Listener.PROVIDER);

        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /r1/%00 HTTP/1.1\r\nHost: x", "");

        XRoadError error = GatewayErrors.assertGatewayError(answer, "Client.BadRequest");
        assertThat(answer.header("X-Road-Id")).isEqualTo(error.detail());
        // recorded once the answer is written, which the caller may have read a moment before
        Poll.until(() -> recorded("provider") == 1, Duration.ofSeconds(10), "the refusal to be recorded");
        assertThat(recorded("consumer")).isZero();
    }

    @Test
    void anExchangeAHandlerFailedIsNamedByItsOwnXRoadIdAndNotRecordedAgain() throws Exception {
        start(ProtocolErrorHandler.Listener.CONSUMER);

        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /r1/VN/GOV/X/y/z HTTP/1.1\r\nHost: x", "");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(XRoadError.fromJson(answer.body()).detail()).isEqualTo("logged-as-this");
        assertThat(answer.header("X-Road-Id")).isEqualTo("logged-as-this");
        // a refusal after it is recorded; the failed exchange is its own recorder's (which this test leaves undone)
        GatewayErrors.assertGatewayError(RawHttp.send(server.port(), "GET /r1/%00 HTTP/1.1\r\nHost: x", ""), "Client.BadRequest");
        Poll.until(() -> refusalsRecorded("consumer") == 1, Duration.ofSeconds(10), "the refusal to be recorded");
        assertThat(recorded("consumer")).as("the refusal only, not the failed exchange").isEqualTo(1);
    }

    @Test
    void theAdminListenerIsNoExchangeListenerAndRecordsNothing() throws Exception {
        start(ProtocolErrorHandler.Listener.ADMIN);

        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /%00 HTTP/1.1\r\nHost: x", "");

        GatewayErrors.assertGatewayError(answer, "Client.BadRequest");
        assertThat(answer.header("X-Road-Id")).isNull();
        assertThat(recorded("consumer") + recorded("provider")).isZero();
    }

    @Test
    void headersTooLargeAreNamedInASentence() throws Exception {
        start(ProtocolErrorHandler.Listener.CONSUMER);

        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /r1/VN/GOV/X/y/z HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000), "");

        assertThat(XRoadError.fromJson(answer.body()).message()).endsWith(": Request header fields too large");
    }

    @Test
    void aReasonJettyLeftOutIsTheStatusInASentence() {
        assertThat(ProtocolErrorHandler.reason(431, new org.eclipse.jetty.http.BadMessageException(431)))
                .isEqualTo("Request header fields too large");
        assertThat(ProtocolErrorHandler.reason(400, new org.eclipse.jetty.http.BadMessageException("Ambiguous URI path encoding")))
                .isEqualTo("Ambiguous URI path encoding");
        assertThat(ProtocolErrorHandler.reason(400, null)).isEqualTo("Bad request");
    }
}
