package vn.ndp.gateway.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient.Outcome;
import vn.ndp.protocol.errors.XRoadError;

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

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-Road-Error")).contains("Server.ClientProxy.OutdatedGlobalConf");
        assertThat(XRoadError.fromJson(response.body()).type()).isEqualTo("Server.ClientProxy.OutdatedGlobalConf");
        assertThat(exchange.backend.received()).isEmpty();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + exchange.consumer.adminPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
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

        assertThat(exchange.consumer.globalConfiguration().current().orElseThrow().version()).isEqualTo(before);
        assertThat(exchange.consumer.metrics().scrape()).contains("ndp_globalconf_rejected_total{reason=\"BAD_SIGNATURE\"} 1.0");
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
    void aRevokedProviderGatewayCertificateStopsExchangesWithIt() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        assertThat(call(token).statusCode()).isEqualTo(200);
        exchange.revoke(exchange.providerCertificate);
        exchange.publish(builder -> { });
        exchange.backend.clear();

        HttpResponse<String> response = call(token);

        assertThat(response.headers().firstValue("X-Road-Error")).contains("Server.ClientProxy.SslAuthenticationFailed");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aRevokedConsumerGatewayCertificateIsRefusedByTheProviderGateway() throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        assertThat(call(token).statusCode()).isEqualTo(200);
        exchange.revoke(exchange.consumerCertificate);
        exchange.publish(builder -> { });
        exchange.backend.clear();

        HttpResponse<String> response = call(token);

        assertThat(response.headers().firstValue("X-Road-Error")).hasValueSatisfying(
                type -> assertThat(type).endsWith("SslAuthenticationFailed"));
        assertThat(exchange.backend.received()).isEmpty();
    }
}
