package vn.ndp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDifferencesTests {

    @TempDir
    Path directory;

    @BeforeEach
    void files() throws Exception {
        GatewayConfigurationReaderTests.placeholders(directory);
        key("body.key", (byte) 1);
        key("other.key", (byte) 2);
    }

    private void key(String name, byte fill) throws Exception {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, fill);
        Path file = directory.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private GatewayConfiguration read(String client, int port, String maxBody, String keyFile) {
        return GatewayConfigurationReader.parse("""
                {"instance": "VN", "gatewayId": "VN/GOV/TEST.LGSP/lgsp", "dataDir": "data",
                 "listen": {"consumerHttp": {"port": %d}, "provider": {"host": "0.0.0.0", "port": 5500}},
                 "tls": {"certificate": "gw.pem", "privateKey": "gw.key.pem", "caCertificate": "ca.pem"},
                 "globalConfiguration": {"url": "https://registry.example/globalconf", "anchor": "signing.pem"},
                 "clients": [{"subsystem": "VN/GOV/%s/portal", "oauth2": [{"clientId": "%s", "secretSha256": "%s"}]}],
                 "limits": {"maxBodySize": "%s"},
                 "messageLog": {"bodies": true, "bodyKeyFile": "%s"}}
                """.formatted(port, client, client.toLowerCase(), "ab".repeat(32), maxBody, keyFile), directory);
    }

    @Test
    void twoReadingsOfOneFileDoNotDifferEvenWhereTheyHoldBytes() {
        assertThat(ConfigurationDifferences.needingRestart(read("TEST.A", 8080, "10MiB", "body.key"),
                read("TEST.A", 8080, "10MiB", "body.key"))).isEmpty();
    }

    @Test
    void localSystemsAndServicesChangeWithoutARestart() {
        assertThat(ConfigurationDifferences.needingRestart(read("TEST.A", 8080, "10MiB", "body.key"),
                read("TEST.B", 8080, "10MiB", "body.key"))).isEmpty();
    }

    @Test
    void anythingElseIsNamedByItsPath() {
        assertThat(ConfigurationDifferences.needingRestart(read("TEST.A", 8080, "10MiB", "body.key"),
                read("TEST.B", 8081, "1MiB", "other.key")))
                .containsExactly("listen.consumerHttp.port", "limits.maxBodyBytes", "messageLog.bodyKey");
    }
}
