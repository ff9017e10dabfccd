package vn.ndp.registry.overlap.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the overlap check reads from {@code classpath:overlap/}:
 * abbreviations (expanded first), synonyms (mapped to one Vietnamese form,
 * which is then protected from the stop list) and stop words (generic words
 * dropped last). Every key is folded: no case, no diacritics, đ → d.
 */
public final class Lexicon {

    private final Map<String, List<String>> abbreviations;
    private final int abbreviationMaxLength;
    private final Map<String, List<String>> synonyms;
    private final int synonymMaxLength;
    private final Set<String> stopPhrases;
    private final int stopMaxLength;
    private final Set<String> abbreviationPrefixes;
    private final Set<String> synonymPrefixes;
    private final Set<String> stopPrefixes;

    Lexicon(Map<String, List<String>> abbreviations, Map<String, List<String>> synonyms, Set<String> stopPhrases) {
        this.abbreviations = Map.copyOf(abbreviations);
        this.synonyms = Map.copyOf(synonyms);
        this.stopPhrases = Set.copyOf(stopPhrases);
        this.abbreviationMaxLength = maxLength(abbreviations.keySet());
        this.synonymMaxLength = maxLength(synonyms.keySet());
        this.stopMaxLength = maxLength(stopPhrases);
        this.abbreviationPrefixes = prefixes(abbreviations.keySet());
        this.synonymPrefixes = prefixes(synonyms.keySet());
        this.stopPrefixes = prefixes(stopPhrases);
    }

    /** The lists shipped with the registry. */
    public static Lexicon standard() {
        Map<String, List<String>> abbreviations = new HashMap<>();
        for (String line : lines("overlap/abbreviations.txt")) {
            String[] parts = split(line, "=", 2);
            abbreviations.put(key(parts[0]), Folding.words(parts[1]));
        }
        Map<String, List<String>> synonyms = new HashMap<>();
        for (String line : lines("overlap/synonyms.txt")) {
            String[] parts = split(line, "=", 2);
            List<String> canonical = Folding.words(parts[0]);
            synonyms.put(String.join(" ", canonical), canonical);
            for (String variant : parts[1].split("\\|")) {
                if (!variant.isBlank()) {
                    synonyms.putIfAbsent(key(variant), canonical);
                }
            }
        }
        Set<String> stops = new HashSet<>();
        for (String line : lines("overlap/stopwords.txt")) {
            stops.add(key(line));
        }
        return new Lexicon(abbreviations, synonyms, stops);
    }

    List<String> abbreviation(String phrase) {
        return abbreviations.get(phrase);
    }

    List<String> synonym(String phrase) {
        return synonyms.get(phrase);
    }

    boolean isStop(String phrase) {
        return stopPhrases.contains(phrase);
    }

    /** Whether some abbreviation starts with these words (or is them). */
    boolean startsAbbreviation(String phrase) {
        return abbreviationPrefixes.contains(phrase);
    }

    /** Whether some synonym starts with these words (or is them). */
    boolean startsSynonym(String phrase) {
        return synonymPrefixes.contains(phrase);
    }

    /** Whether some stop phrase starts with these words (or is them). */
    boolean startsStop(String phrase) {
        return stopPrefixes.contains(phrase);
    }

    int abbreviationMaxLength() {
        return abbreviationMaxLength;
    }

    int synonymMaxLength() {
        return synonymMaxLength;
    }

    int stopMaxLength() {
        return stopMaxLength;
    }

    private static String key(String text) {
        return String.join(" ", Folding.words(text));
    }

    /** Every phrase of the first one, two, ... words of a key, the whole key included. */
    private static Set<String> prefixes(Set<String> keys) {
        Set<String> prefixes = new HashSet<>();
        for (String key : keys) {
            for (int end = key.indexOf(' '); end >= 0; end = key.indexOf(' ', end + 1)) {
                prefixes.add(key.substring(0, end));
            }
            prefixes.add(key);
        }
        return Set.copyOf(prefixes);
    }

    private static int maxLength(Set<String> keys) {
        return keys.stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    private static String[] split(String line, String separator, int parts) {
        String[] split = line.split(separator, parts);
        if (split.length != parts) {
            throw new IllegalStateException("Malformed overlap word list line: " + line);
        }
        return split;
    }

    private static List<String> lines(String resource) {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing overlap word list " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return lines;
    }
}
