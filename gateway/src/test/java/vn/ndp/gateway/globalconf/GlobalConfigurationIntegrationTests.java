package vn.ndp.gateway.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_B;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.GatewayErrors.assertGatewayError;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient.Outcome;
import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.pki.IssuedCertificate;

class GlobalConfigurationIntegrationTests {

    @TempDir
    Path directory;
    ExchangeFixture exchange;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        exchange = new ExchangeFixture(directory);
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private HttpResponse<String> call(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewayKeepsServingFromItsVerifiedCopyWhileTheRegistryIsDown() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        exchange.registry.setUp(false);

        assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(call(token).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredConfigurationRefusesEveryExchangeWithOutdatedGlobalConf() throws Exception {
        exchange.registry.setUp(false);
        exchange.clock.advance(Duration.ofMinutes(11));
        String token = exchange.token("province-a", SECRET_A);

        HttpResponse<String> response = call(token);

        assertGatewayError(response, "Server.ClientProxy.OutdatedGlobalConf");
        assertThat(exchange.backend.received()).isEmpty();
        assertThat(admin(exchange.consumer, "/health").statusCode()).isEqualTo(503);
    }

    @Test
    void anExpiredConfigurationAtTheProviderGatewayRefusesWithServerProxyOutdatedGlobalConf() throws Exception {
        exchange.registry.setUp(false);
        exchange.clock.advance(Duration.ofMinutes(11));

        RawHttp.Answer answer = RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, "");

        assertThat(assertGatewayError(answer, "Server.ServerProxy.OutdatedGlobalConf").message()).contains("expired");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aRegistryThatTakesTheRequestButNeverAnswersIsGivenUpOnWithinTheFetchTimeoutAndExchangesCarryOn() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        exchange.registry.setHanging(true);
        try {
            long start = System.nanoTime();
            assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("fetchTimeout is 2 s").isLessThan(Duration.ofSeconds(5));

            assertThat(call(token).statusCode()).isEqualTo(200);
        } finally {
            exchange.registry.setHanging(false);
        }
    }

    @Test
    void aTamperedOrWronglySignedDownloadIsRejectedAndThePreviousCopyKept() throws Exception {
        long before = exchange.consumer.globalConfiguration().current().orElseThrow().version();
        byte[] signed = exchange.sign(exchange.configuration(before + 1, builder -> { }));
        byte[] tampered = signed.clone();
        int at = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("TEST.PROVINCE.A");
        tampered[at] = 'X';
        exchange.registry.serve(tampered);
        assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.REJECTED);

        exchange.registry.serve(new byte[] {1, 2, 3});
        assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.REJECTED);

        // Signed by a key the national CA certifies for signing configurations, but not the configured anchor's.
        IssuedCertificate other = exchange.ca.issueConfigurationSigningCertificate("Not the registry", Duration.ofDays(1));
        exchange.registry.serve(new GlobalConfigurationSigner(other.privateKey(), other.certificate(), exchange.clock)
                .sign(exchange.configuration(before + 1, builder -> builder.accessRight(AccessRight.toWholeService(CLIENT_B, ITEMS)))));
        assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.REJECTED);

        assertThat(exchange.consumer.globalConfiguration().current().orElseThrow().version()).isEqualTo(before);
        assertThat(exchange.consumer.metrics().scrape()).contains("ndp_globalconf_rejected_total{reason=\"BAD_SIGNATURE\"} 1.0",
                "ndp_globalconf_rejected_total{reason=\"UNTRUSTED_SIGNER\"} 1.0");
        assertThat(call(exchange.token("province-a", SECRET_A)).statusCode()).as("served from the previous copy").isEqualTo(200);
    }

    @Test
    void anOlderVersionIsRefusedAsARollback() throws Exception {
        exchange.publish(builder -> { });
        long current = exchange.consumer.globalConfiguration().current().orElseThrow().version();
        exchange.registry.serve(exchange.sign(exchange.configuration(current - 1, builder -> { })));

        assertThat(exchange.consumer.globalConfiguration().refreshNow()).isEqualTo(Outcome.REJECTED);
        assertThat(exchange.consumer.globalConfiguration().current().orElseThrow().version()).isEqualTo(current);
    }

    @Test
    void aRestartedGatewayServesFromItsDiskCopyWhenTheRegistryIsDown() throws Exception {
        exchange.registry.setUp(false);
        exchange.consumer.close();
        try (GatewayNode restarted = new GatewayNode(GatewayConfigurationReader.read(directory.resolve("consumer/gateway.json")),
                exchange.clock)) {
            restarted.startWithoutSchedules();

            assertThat(restarted.globalConfiguration().refreshNow()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(restarted.globalConfiguration().current()).hasValueSatisfying(
                    snapshot -> assertThat(snapshot.version()).isEqualTo(exchange.version()));
        }
    }

    @Test
    void aRestartedGatewayWhoseDiskCopyWasTamperedWithServesNothingWhileTheRegistryIsDown() throws Exception {
        exchange.registry.setUp(false);
        exchange.consumer.close();
        Path kept = directory.resolve("consumer/data/globalconf/globalconf.p7");
        byte[] bytes = Files.readAllBytes(kept);
        bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf("TEST.PROVINCE.A")] = 'X';
        Files.write(kept, bytes);
        try (GatewayNode restarted = new GatewayNode(GatewayConfigurationReader.read(directory.resolve("consumer/gateway.json")),
                exchange.clock)) {
            restarted.startWithoutSchedules();
            assertThat(restarted.globalConfiguration().current()).isEmpty();
            String token = ExchangeFixture.token(restarted, "province-a", SECRET_A);

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + restarted.consumerHttpPort() + "/r1/" + ITEMS + "/v1/items"))
                    .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertGatewayError(response, "Server.ClientProxy.OutdatedGlobalConf");
            assertThat(exchange.backend.received()).isEmpty();
        }
    }

    @Test
    void aRevokedProviderGatewayCertificateStopsExchangesWithIt() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        assertThat(call(token).statusCode()).isEqualTo(200);
        exchange.revoke(exchange.providerCertificate);
        exchange.publish(builder -> { });
        exchange.backend.clear();

        HttpResponse<String> response = call(token);

        assertGatewayError(response, "Server.ClientProxy.SslAuthenticationFailed");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aLocalSystemCertificateTheNationalCaRevokedActsForNoOneWhileATokenOfTheSameSubsystemStillDoes() throws Exception {
        try (HttpClient withCertificate = HttpClient.newBuilder().sslContext(exchange.tlsAs(exchange.localSystemCertificate)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + exchange.consumer.consumerHttpsPort()
                    + "/r1/" + ITEMS + "/v1/items")).header("X-Road-Client", CLIENT_A.encoded()).timeout(Duration.ofSeconds(10)).build();
            assertThat(withCertificate.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            exchange.revoke(exchange.localSystemCertificate);
            exchange.publish(builder -> { });
            exchange.backend.clear();

            HttpResponse<String> response = withCertificate.send(request, HttpResponse.BodyHandlers.ofString());

            assertGatewayError(response, "Client.SslAuthenticationFailed");
            assertThat(XRoadError.fromJson(response.body()).message()).contains("revoked");
            assertThat(exchange.backend.received()).isEmpty();
        }
        assertThat(call(exchange.token("province-a", SECRET_A)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> admin(GatewayNode gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGatewayWhoseOwnCertificateIsRevokedSaysSoInItsHealthAndMetricsUntilTheConfigurationNoLongerRevokesIt()
            throws Exception {
        assertThat(admin(exchange.consumer, "/health").statusCode()).isEqualTo(200);
        assertThat(admin(exchange.consumer, "/metrics").body()).contains("ndp_gateway_certificate_revoked 0.0");

        exchange.revoke(exchange.consumerCertificate);
        exchange.publish(builder -> { });

        HttpResponse<String> health = admin(exchange.consumer, "/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"CERTIFICATE_REVOKED\"", "new certificate");
        assertThat(admin(exchange.consumer, "/metrics").body()).contains("ndp_gateway_certificate_revoked 1.0");
        assertThat(admin(exchange.provider, "/health").statusCode()).as("the provider's certificate is not revoked")
                .isEqualTo(200);

        exchange.unrevokeAll();
        exchange.publish(builder -> { });
        assertThat(admin(exchange.consumer, "/health").statusCode()).isEqualTo(200);
        assertThat(admin(exchange.consumer, "/metrics").body()).contains("ndp_gateway_certificate_revoked 0.0");
    }

    @Test
    void aRevokedConsumerGatewayCertificateIsRefusedByTheProviderGateway() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        assertThat(call(token).statusCode()).isEqualTo(200);
        exchange.revoke(exchange.consumerCertificate);
        exchange.publish(builder -> { });
        exchange.backend.clear();

        HttpResponse<String> response = call(token);

        // Refused by the provider gateway on the connection kept from the first call, or at the TLS handshake of a new
        // one, which the consumer gateway then reports: either way, an authentication failure between the gateways.
        assertThat(response.headers().firstValue("X-Road-Error")).hasValueSatisfying(type -> assertThat(type)
                .isIn("Server.ServerProxy.SslAuthenticationFailed", "Server.ClientProxy.SslAuthenticationFailed"));
        assertGatewayError(response, response.headers().firstValue("X-Road-Error").orElseThrow());
        assertThat(exchange.backend.received()).isEmpty();
    }
}
