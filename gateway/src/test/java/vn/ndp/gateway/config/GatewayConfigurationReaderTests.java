package vn.ndp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigurationReaderTests {

    @TempDir
    Path directory;

    @BeforeEach
    void files() throws Exception {
        placeholders(directory);
    }

    /** The files a configuration names (certificates, keys, the anchor), which the reader checks exist. */
    static void placeholders(Path directory) throws java.io.IOException {
        for (String name : new String[] {"gw.pem", "gw.key.pem", "ca.pem", "signing.pem"}) {
            Files.writeString(directory.resolve(name), "x");
        }
    }

    private String config(String clients, String extra) {
        return """
                {"instance": "VN", "gatewayId": "VN/GOV/TEST.LGSP/lgsp", "dataDir": "data",
                 "listen": {"consumerHttp": {"port": 8080}, "provider": {"host": "0.0.0.0", "port": 5500}},
                 "tls": {"certificate": "gw.pem", "privateKey": "gw.key.pem", "caCertificate": "ca.pem"},
                 "globalConfiguration": {"url": "https://registry.example/globalconf", "anchor": "signing.pem"},
                 "clients": %s %s}
                """.formatted(clients, extra);
    }

    /** Asserts that {@code text} is refused with an error naming {@code key}; more may be asserted on what it returns. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text, String key) {
        return assertRefused(text, key, key);
    }

    /** The same, with {@code description} saying in a failure which input it was, from the first check on. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text, String key, String description) {
        return assertThatThrownBy(() -> GatewayConfigurationReader.parse(text, directory), description)
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).as(description).isEqualTo(key));
    }

    private static final String CLIENT = """
            [{"subsystem": "VN/GOV/TEST.A/portal", "oauth2": [{"clientId": "a", "secretSha256": "%s"}]}]
            """.formatted("ab".repeat(32));

    @Test
    void aCompleteFileIsReadWithDefaultsAndPathsResolvedAgainstItsDirectory() {
        GatewayConfiguration configuration = GatewayConfigurationReader.parse(config(CLIENT, ""), directory);

        assertThat(configuration.gatewayId().encoded()).isEqualTo("VN/GOV/TEST.LGSP/lgsp");
        assertThat(configuration.tls().caCertificate()).isEqualTo(directory.resolve("ca.pem"));
        assertThat(configuration.globalConfiguration().cacheDir()).isEqualTo(directory.resolve("data/globalconf"));
        assertThat(configuration.limits().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(configuration.tokens().lifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(configuration.clients()).hasSize(1);
    }

    @Test
    void aMisspeltKeyIsNamed() {
        assertRefused(config(CLIENT, ", \"limit\": {}"), "limit")
                .hasMessageContaining("not a known key");
    }

    @Test
    void aMisspeltKeyInAListIsNamedWithItsIndexesAndTheKeysThatObjectAccepts() {
        String clients = CLIENT.replace("\"secretSha256\"", "\"secretSha265\"");
        assertRefused(config(clients, ""), "clients[0].oauth2[0].secretSha265")
                .hasMessageEndingWith("is not a known key; expected one of [clientId, secretSha256]");
    }

    @Test
    void onlyTlsListenersAcceptHttp2() {
        String text = config(CLIENT, "").replace("\"consumerHttp\": {\"port\": 8080}",
                "\"consumerHttp\": {\"port\": 8080, \"http2\": true}");
        assertRefused(text, "listen.consumerHttp.http2")
                .hasMessageEndingWith("expected one of [host, port]");
        assertThat(GatewayConfigurationReader.parse(text.replace("\"provider\": {", "\"provider\": {\"http2\": false, ")
                .replace(", \"http2\": true", ""), directory).listen().provider().orElseThrow().http2()).isFalse();
    }

    @Test
    void aBadIdentifierIsNamedWithItsPathAndReason() {
        String clients = CLIENT.replace("TEST.A", "TEST A");
        assertRefused(config(clients, ""), "clients[0].subsystem")
                .hasMessageContaining("forbidden character");
    }

    @Test
    void oneCredentialCannotBeBoundToTwoSubsystems() {
        String clients = """
                [{"subsystem": "VN/GOV/TEST.A/portal", "oauth2": [{"clientId": "same", "secretSha256": "%1$s"}]},
                 {"subsystem": "VN/GOV/TEST.B/portal", "oauth2": [{"clientId": "same", "secretSha256": "%1$s"}]}]
                """.formatted("cd".repeat(32));
        assertRefused(config(clients, ""), "clients[1].oauth2[0].clientId");
    }

    @Test
    void plainHttpMustStayOnLoopback() {
        String text = config(CLIENT, "").replace("\"consumerHttp\": {\"port\": 8080}", "\"consumerHttp\": {\"host\": \"0.0.0.0\", \"port\": 8080}");
        assertRefused(text, "listen.consumerHttp.host");
    }

    @Test
    void theGatewayHopMustWaitLongerThanTheBackendHop() {
        String text = config(CLIENT, ", \"limits\": {\"gatewayReadTimeout\": \"10s\", \"backendReadTimeout\": \"30s\"}");
        assertRefused(text, "limits.gatewayReadTimeout");
    }

    @Test
    void aWholeExchangeMayTakeFiveMinutesUnlessConfiguredAndMustOutlastTheGatewayHop() {
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ""), directory).limits().exchangeTimeout())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ", \"limits\": {\"exchangeTimeout\": \"15m\"}"),
                directory).limits().exchangeTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertRefused(config(CLIENT, ", \"limits\": {\"exchangeTimeout\": \"60s\"}"), "limits.exchangeTimeout")
                .hasMessageContaining("longer than gatewayReadTimeout (PT1M)");
    }

    @Test
    void aDurationOrSizeTooLargeToHoldIsRefusedWithItsKeyNotAStackTrace() {
        java.util.Map<String, String> keyOf = java.util.Map.of(
                "\"backendReadTimeout\": \"99999999999999999999s\"", "limits.backendReadTimeout",
                "\"exchangeTimeout\": \"9223372036854775807h\"", "limits.exchangeTimeout",
                "\"exchangeTimeout\": \"2600000h\"", "limits.exchangeTimeout",
                "\"maxBodySize\": \"99999999999GiB\"", "limits.maxBodySize",
                "\"maxBodySize\": \"99999999999999999999\"", "limits.maxBodySize",
                "\"maxBodySize\": 99999999999999999999", "limits.maxBodySize");
        keyOf.forEach((limit, key) -> assertRefused(config(CLIENT, ", \"limits\": {" + limit + "}"), key, limit)
                .hasMessageContaining("larger than"));
        assertRefused(config(CLIENT, ", \"limits\": {\"maxConnections\": 0}"), "limits.maxConnections")
                .hasMessageContaining("at least 1");
    }

    @Test
    void theExchangesInProgressAreBoundedBy256UnlessConfiguredAndTheBoundIsAtLeastOne() {
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ""), directory).limits().maxExchanges()).isEqualTo(256);
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ", \"limits\": {\"maxExchanges\": 1000}"), directory)
                .limits().maxExchanges()).isEqualTo(1000);
        assertRefused(config(CLIENT, ", \"limits\": {\"maxExchanges\": 0}"), "limits.maxExchanges")
                .hasMessageContaining("at least 1");
    }

    @Test
    void theGroupCommitWindowIsOffByDefaultAndBounded() {
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ""), directory).messageLog().commitDelay()).isZero();
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ", \"messageLog\": {\"commitDelay\": \"2ms\"}"), directory)
                .messageLog().commitDelay()).isEqualTo(Duration.ofMillis(2));
        assertRefused(config(CLIENT, ", \"messageLog\": {\"commitDelay\": \"1s\"}"), "messageLog.commitDelay")
                .hasMessageContaining("at most 100ms");
    }

    @Test
    void batchesAreSignedEverySecondByDefaultOrEachOneWithZero() {
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ""), directory).messageLog().signEvery())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(GatewayConfigurationReader.parse(config(CLIENT, ", \"messageLog\": {\"signEvery\": \"0\"}"), directory)
                .messageLog().signEvery()).isZero();
        assertRefused(config(CLIENT, ", \"messageLog\": {\"signEvery\": \"2m\"}"), "messageLog.signEvery")
                .hasMessageContaining("at most 1m");
    }

    @Test
    void aMissingFileIsNamed() {
        String text = config(CLIENT, "").replace("\"ca.pem\"", "\"missing.pem\"");
        assertRefused(text, "tls.caCertificate");
    }

    @Test
    void invalidJsonIsRefusedWithItsLineAndColumnNotTheParsersInternals() {
        assertThatThrownBy(() -> GatewayConfigurationReader.parse("{\n  \"gatewayId\": \"x\",\n  \"listen\": {\n", directory))
                .hasMessageContaining("not valid JSON: Unexpected end-of-input")
                .hasMessageContaining("(line 4, column 1)")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("#UNKNOWN");
        assertThatThrownBy(() -> GatewayConfigurationReader.parse("{\n  \"gatewayId\": x\n}", directory))
                .hasMessageContaining("(line 2, column")
                .hasMessageNotContaining("Source");
    }
}
