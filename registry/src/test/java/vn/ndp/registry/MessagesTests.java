package vn.ndp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.audit.AuditEvent;

/**
 * The message files as Spring reads them (UTF-8): each Vietnamese file (the default, {@code messages-X.properties})
 * and its English one ({@code messages-X_en.properties}) say the same keys, and a message that goes through
 * {@link java.text.MessageFormat} writes an apostrophe as {@code ''}: a lone one starts a quote and disappears.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** A MessageFormat argument such as {0} or {1,number,integer}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void everyVietnameseFileAndItsEnglishOneHaveTheSameKeys() throws IOException {
        Map<String, Properties> vietnamese = files("");
        assertThat(vietnamese).containsKeys("messages", "messages-adoption", "messages-governance", "messages-support");
        vietnamese.forEach((name, messages) -> {
            Properties english = load(RESOURCES.resolve(name + "_en.properties"));
            assertThat(english.stringPropertyNames()).as(name + "_en.properties")
                    .containsExactlyInAnyOrderElementsOf(messages.stringPropertyNames());
        });
    }

    /**
     * Messages with arguments are formatted, and so is every {@code *.field.*} sentence: the problems fragment
     * always passes what was given as {0}, whether the sentence quotes it or not.
     */
    @Test
    void noFormattedMessageHasALoneApostrophe() throws IOException {
        Map<String, String> lone = new TreeMap<>();
        for (String language : new String[] {"", "_en"}) {
            files(language).forEach((name, messages) -> messages.stringPropertyNames().forEach(key -> {
                String text = messages.getProperty(key);
                boolean formatted = key.contains(".field.") || ARGUMENT.matcher(text).find();
                if (formatted && text.replace("''", "").contains("'")) {
                    lone.put(name + language + ": " + key, text);
                }
            }));
        }
        assertThat(lone).as("write '' for an apostrophe in these").isEmpty();
    }

    /** The audit page names each event in the reader's language: a new event needs its label in both files. */
    @Test
    void everyAuditEventHasALabel() {
        for (String file : new String[] {"messages-accounts.properties", "messages-accounts_en.properties"}) {
            Properties labels = load(RESOURCES.resolve(file));
            assertThat(Arrays.stream(AuditEvent.values()).map(event -> "audit.event." + event.name()))
                    .as(file).allMatch(labels::containsKey);
        }
    }

    /** The message files of one language ("" for Vietnamese, the default), by their base name. */
    private static Map<String, Properties> files(String language) throws IOException {
        Pattern name = Pattern.compile("(messages(?:-[a-z]+)?)" + language + "\\.properties");
        Map<String, Properties> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(RESOURCES)) {
            all.forEach(file -> {
                var matched = name.matcher(file.getFileName().toString());
                if (matched.matches()) {
                    files.put(matched.group(1), load(file));
                }
            });
        }
        return files;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
