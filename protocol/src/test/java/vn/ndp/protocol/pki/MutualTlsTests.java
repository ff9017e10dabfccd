package vn.ndp.protocol.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.identifiers.GatewayId;

class MutualTlsTests {

    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path directory;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private NationalCa nationalCa;
    private IssuedCertificate provider;
    private IssuedCertificate consumer;

    @BeforeEach
    void issueGatewayCertificates() throws Exception {
        nationalCa = NationalCa.init(directory.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());
        provider = issue(nationalCa, "VN/GOV/000.00.00.H49/lgsp");
        consumer = issue(nationalCa, "VN/GOV/000.00.00.H26/lgsp");
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static IssuedCertificate issue(NationalCa ca, String gateway) throws IOException {
        return ca.issueGatewayCertificate(GatewayCertificateRequest.of(GatewayId.parse(gateway),
                List.of("localhost"), List.of(InetAddress.getLoopbackAddress())));
    }

    private SSLContext contextOf(IssuedCertificate certificate, Predicate<X509Certificate> revoked) {
        return MutualTls.context(certificate.certificateFile(), certificate.privateKeyFile(),
                nationalCa.certificateFile(), revoked);
    }

    /** Accepts one connection, exchanges a byte, and returns the client's subject. */
    private Future<String> serveOnce(SSLServerSocket server) {
        return executor.submit(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                int received = socket.getInputStream().read();
                socket.getOutputStream().write(received + 1);
                socket.getOutputStream().flush();
                return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            }
        });
    }

    private SSLServerSocket listen(SSLContext context) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    private int exchangeByte(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            socket.getOutputStream().write(41);
            socket.getOutputStream().flush();
            return socket.getInputStream().read();
        }
    }

    @Test
    void gatewaysWithCertificatesFromTheNationalCaCompleteAMutualTlsHandshake() throws Exception {
        try (SSLServerSocket server = listen(contextOf(provider, MutualTls.noRevocations()))) {
            Future<String> clientSeenByServer = serveOnce(server);

            int answer = exchangeByte(contextOf(consumer, MutualTls.noRevocations()), server.getLocalPort());

            assertThat(answer).isEqualTo(42);
            assertThat(clientSeenByServer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .startsWith("CN=VN/GOV/000.00.00.H26/lgsp");
        }
    }

    @Test
    void gatewayWithACertificateFromAnotherCaIsRefused() throws Exception {
        NationalCa otherCa = NationalCa.init(directory.resolve("other-ca"), CaSettings.defaults(), Clock.systemUTC());
        IssuedCertificate impostor = issue(otherCa, "VN/GOV/000.00.00.H26/lgsp");
        SSLContext impostorContext = MutualTls.context(impostor.certificateFile(), impostor.privateKeyFile(),
                nationalCa.certificateFile(), MutualTls.noRevocations());

        try (SSLServerSocket server = listen(contextOf(provider, MutualTls.noRevocations()))) {
            Future<String> served = serveOnce(server);

            assertThatThrownBy(() -> exchangeByte(impostorContext, server.getLocalPort())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void serverWithACertificateFromAnotherCaIsRefusedByTheClient() throws Exception {
        NationalCa otherCa = NationalCa.init(directory.resolve("other-ca"), CaSettings.defaults(), Clock.systemUTC());
        IssuedCertificate impostor = issue(otherCa, "VN/GOV/000.00.00.H49/lgsp");
        SSLContext impostorContext = MutualTls.context(impostor.certificateFile(), impostor.privateKeyFile(),
                otherCa.certificateFile(), MutualTls.noRevocations());

        try (SSLServerSocket server = listen(impostorContext)) {
            Future<String> served = serveOnce(server);

            assertThatThrownBy(() -> exchangeByte(contextOf(consumer, MutualTls.noRevocations()), server.getLocalPort()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(() -> served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void gatewayWhoseCertificateIsRevokedIsRefused() throws Exception {
        nationalCa.revoke(consumer.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        var revokedSerials = nationalCa.revokedSerials();

        try (SSLServerSocket server = listen(contextOf(provider,
                certificate -> revokedSerials.contains(certificate.getSerialNumber())))) {
            Future<String> served = serveOnce(server);

            assertThatThrownBy(() -> exchangeByte(contextOf(consumer, MutualTls.noRevocations()), server.getLocalPort()))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("is revoked");
        }
    }
}
