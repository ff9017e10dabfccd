package vn.ndp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    void anythingElseIsNamedByItsKeyInTheFile() {
        assertThat(ConfigurationDifferences.needingRestart(read("TEST.A", 8080, "10MiB", "body.key"),
                read("TEST.B", 8081, "1MiB", "other.key")))
                .containsExactly("listen.consumerHttp.port", "limits.maxBodySize", "messageLog.bodyKeyFile");
    }

    /*
     * The two below are why the settings as read are compared, not the file's JSON trees: a file named the same may
     * hold other bytes, and a setting may be written in more than one way.
     */

    @Test
    void aKeyFileRewrittenUnderTheSameNameIsNamedByItsKey() throws Exception {
        GatewayConfiguration running = read("TEST.A", 8080, "10MiB", "body.key");
        key("body.key", (byte) 3);

        assertThat(ConfigurationDifferences.needingRestart(running, read("TEST.A", 8080, "10MiB", "body.key")))
                .containsExactly("messageLog.bodyKeyFile");
    }

    @Test
    void aSizeWrittenAnotherWayIsNoDifference() {
        assertThat(ConfigurationDifferences.needingRestart(read("TEST.A", 8080, "10MiB", "body.key"),
                read("TEST.A", 8080, "10485760", "body.key"))).isEmpty();
    }

    @Test
    void anotherGatewayIdIsNamedAsTheOneKeyItIs() {
        GatewayConfiguration running = read("TEST.A", 8080, "10MiB", "body.key");
        GatewayConfiguration renamed = new GatewayConfiguration(running.instance(),
                vn.ndp.protocol.identifiers.GatewayId.parse("VN/GOV/TEST.OTHER/lgsp"), running.dataDir(), running.listen(),
                running.tls(), running.globalConfiguration(), running.clients(), running.services(), running.limits(),
                running.tokens(), running.monitoring(), running.messageLog());

        assertThat(ConfigurationDifferences.needingRestart(running, renamed)).containsExactly("gatewayId");
    }

    @Test
    void everySettingThatCanDifferIsNamedByAKeyTheReaderAccepts() {
        Set<String> accepted = new TreeSet<>();
        GatewayConfigurationReader.KEYS.forEach((object, names) ->
                names.forEach(name -> accepted.add(object.isEmpty() ? name : object + "." + name)));
        List<String> settings = new ArrayList<>();
        for (RecordComponent component : GatewayConfiguration.class.getRecordComponents()) {
            if (!ConfigurationDifferences.RELOADABLE.contains(component.getName())) {
                settings(component.getName(), component.getGenericType(), settings);
            }
        }
        // a plain listener is always HTTP/1.1: its http2 is false in every configuration, and its object has no such key
        settings.removeAll(List.of("listen.consumerHttp.http2", "listen.admin.http2"));

        assertThat(settings).hasSizeGreaterThan(40);
        assertThat(settings).allSatisfy(setting -> assertThat(accepted)
                .as("the file's key of %s", setting).contains(ConfigurationDifferences.FILE_KEYS.getOrDefault(setting, setting)));
    }

    /** The paths {@link ConfigurationDifferences} can name under {@code path}: records and optionals are looked into. */
    private static void settings(String path, Type type, List<String> settings) {
        settings.add(path);
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            settings.remove(settings.size() - 1);
            settings(path, parameterized.getActualTypeArguments()[0], settings);
        } else if (type instanceof Class<?> record && ConfigurationDifferences.section(record)) {
            for (RecordComponent component : record.getRecordComponents()) {
                settings(path + "." + component.getName(), component.getGenericType(), settings);
            }
        }
    }
}
