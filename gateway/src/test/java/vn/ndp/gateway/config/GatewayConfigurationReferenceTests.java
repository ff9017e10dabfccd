package vn.ndp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps docs/gateway-configuration.md true to {@link GatewayConfigurationReader}: the same keys, the same
 * defaults, and a complete example the reader accepts.
 */
class GatewayConfigurationReferenceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_TABLE_HEADER = "| Key | Type | Default | Constraint | Meaning |";
    private static final Pattern ONE_CODE_SPAN = Pattern.compile("`([^`]+)`");

    /** A file with every object present and no value set that has a default; no lists, so records compare by value. */
    private static final String ALL_DEFAULTS = """
            {"instance": "VN", "gatewayId": "VN/GOV/TEST.LGSP/lgsp", "dataDir": "data",
             "listen": {"consumerHttps": {"port": 8443}, "consumerHttp": {"port": 8080}, "provider": {"port": 5500},
                        "admin": {"port": 9090}},
             "tls": {"certificate": "tls/gateway.pem", "privateKey": "tls/gateway.key.pem", "caCertificate": "tls/ca.pem"},
             "globalConfiguration": {"url": "https://registry.example.vn/globalconf", "anchor": "tls/registry-signing.pem"},
             "limits": {}, "tokens": {}, "monitoring": {}, "messageLog": {"timestamping": {}}}
            """;

    @TempDir
    Path directory;

    /** The files the examples name, with contents the reader accepts (it checks key and token files, not PEM). */
    @BeforeEach
    void filesTheExamplesName() throws IOException {
        Map<String, String> files = Map.of(
                "tls/gateway.pem", "certificate",
                "tls/gateway.key.pem", "key",
                "tls/ca.pem", "CA certificate",
                "tls/registry-signing.pem", "registry signing certificate",
                "tls/messagelog-signing.pem", "signing certificate",
                "tls/messagelog-signing.key.pem", "signing key",
                "keys/messagelog-body.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n",
                "keys/evidence-token", "an-evidence-token-of-at-least-32-characters\n",
                "keys/usage-token", "a-registry-api-token\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(directory.resolve(file.getKey()).getParent());
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
    }

    @Test
    void everyKeyTheReaderAcceptsIsDocumented() throws IOException {
        assertThat(documentedKeys()).containsAll(acceptedKeys());
    }

    @Test
    void everyDocumentedKeyIsOneTheReaderAccepts() throws IOException {
        assertThat(acceptedKeys()).containsAll(documentedKeys());
    }

    @Test
    void everyKeyIsDocumentedInOneRow() throws IOException {
        assertThat(keyRows().stream().map(row -> row.key).toList()).doesNotHaveDuplicates();
    }

    @Test
    void everyDocumentedDefaultIsWhatTheReaderUsesWhenTheKeyIsLeftOut() throws IOException {
        GatewayConfiguration defaults = GatewayConfigurationReader.parse(ALL_DEFAULTS, directory);
        List<String> checked = new ArrayList<>();
        for (KeyRow row : keyRows()) {
            Matcher value = ONE_CODE_SPAN.matcher(row.defaultValue);
            if (!value.matches() || acceptedKeys().contains(value.group(1))) {
                continue; // "required", "none: ...", or another key's value
            }
            ObjectNode file = (ObjectNode) JSON.readTree(ALL_DEFAULTS);
            set(file, row.key, value.group(1).replace("{dataDir}", "data"), row.type);
            assertThat(GatewayConfigurationReader.parse(file.toString(), directory))
                    .as("%s set to its documented default %s", row.key, row.defaultValue)
                    .usingRecursiveComparison().isEqualTo(defaults);
            checked.add(row.key);
        }
        assertThat(checked).as("keys whose documented default was checked").hasSizeGreaterThan(30);
    }

    @Test
    void theCompleteExampleUsesEveryKeyAndIsRead() throws IOException {
        String example = completeExample();

        assertThat(keysOf(JSON.readTree(example), "")).isEqualTo(acceptedKeys());
        GatewayConfiguration configuration = GatewayConfigurationReader.parse(example, directory);
        assertThat(configuration.messageLog().evidenceToken()).isPresent();
        assertThat(configuration.monitoring().usageToken()).isPresent();
    }

    @Test
    void theShippedExampleIsRead() throws IOException {
        String example = Files.readString(repositoryFile("gateway/examples/gateway.json"));

        assertThat(GatewayConfigurationReader.parse(example, directory).gatewayId().encoded())
                .isEqualTo("VN/GOV/SAMPLE.LGSP/lgsp1");
    }

    /** Every key path the reader accepts, e.g. {@code clients[].oauth2[].clientId}. */
    private static Set<String> acceptedKeys() {
        Set<String> keys = new TreeSet<>();
        GatewayConfigurationReader.KEYS.forEach((object, names) ->
                names.forEach(name -> keys.add(object.isEmpty() ? name : object + "." + name)));
        return keys;
    }

    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        keyRows().forEach(row -> keys.add(row.key));
        return keys;
    }

    private record KeyRow(String key, String type, String defaultValue) {
    }

    /** The rows of every table headed {@link #KEY_TABLE_HEADER}. */
    private static List<KeyRow> keyRows() throws IOException {
        List<KeyRow> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(repositoryFile("docs/gateway-configuration.md"))) {
            if (line.equals(KEY_TABLE_HEADER)) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                assertThat(cells).as("a key row has five cells: %s", line).hasSize(6);
                Matcher key = ONE_CODE_SPAN.matcher(cells[1].strip());
                assertThat(key.matches()).as("the first cell is one key in backticks: %s", line).isTrue();
                rows.add(new KeyRow(key.group(1), cells[2].strip(), cells[3].strip()));
            }
        }
        return rows;
    }

    private String completeExample() throws IOException {
        String doc = Files.readString(repositoryFile("docs/gateway-configuration.md"));
        Matcher block = Pattern.compile("## A complete example\\n.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the doc has a complete example in a json block").isTrue();
        return block.group(1);
    }

    /** The key paths a configuration uses, lists written {@code []}. */
    private static Set<String> keysOf(JsonNode object, String path) {
        Set<String> keys = new TreeSet<>();
        for (var property : object.properties()) {
            String key = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            keys.add(key);
            JsonNode value = property.getValue();
            if (value.isObject()) {
                keys.addAll(keysOf(value, key));
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        keys.addAll(keysOf(item, key + "[]"));
                    }
                }
            }
        }
        return keys;
    }

    /** Sets a key, as the JSON kind its documented type names. */
    private static void set(ObjectNode file, String key, String value, String type) {
        String[] names = key.split("\\.");
        ObjectNode parent = file;
        for (int i = 0; i < names.length - 1; i++) {
            parent = (ObjectNode) parent.get(names[i]);
        }
        String name = names[names.length - 1];
        if (type.startsWith("whole number")) {
            parent.put(name, Integer.parseInt(value));
        } else if (type.startsWith("boolean")) {
            parent.put(name, Boolean.parseBoolean(value));
        } else {
            parent.put(name, value);
        }
    }

    /** A file of this repository, found from the working directory (the module's or the repository's). */
    private static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
