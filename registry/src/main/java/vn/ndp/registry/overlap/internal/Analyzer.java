package vn.ndp.registry.overlap.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.shared.FoldedSearch;

/**
 * Turns a text into weighted features for the overlap check.
 * <ol>
 * <li>NFC, then words split at anything that is not a letter or digit, each
 * folded (no case or diacritics, đ → d) but remembering where it was in the
 * original text, so a match can be shown as the person wrote it;</li>
 * <li>abbreviations expanded ("CSDL" → cơ sở dữ liệu);</li>
 * <li>synonyms and English equivalents mapped to one Vietnamese form
 * ("portal" → cổng thông tin), which is then protected from step 4;</li>
 * <li>generic words dropped ("hệ thống", "quốc gia", "platform"); a dropped
 * word breaks the sequence, so no word pair spans it;</li>
 * <li>features: single syllables and syllable pairs, so that multi-syllable
 * Vietnamese words ("văn bản", "đấu giá") count as units.</li>
 * </ol>
 */
public final class Analyzer {

    /** Prefix of pair features, to keep them apart from single syllables. */
    static final char PAIR = '\u0002';

    private final Lexicon lexicon;

    public Analyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * One word: folded form, its span in the NFC text, whether a synonym made
     * it (and so it is kept from the stop list), and whether punctuation
     * precedes it (no word pair spans a comma or a full stop).
     */
    record Token(String word, int start, int end, boolean kept, boolean afterBreak) {
    }

    /** What a feature looked like in the text (first occurrence) and how often it occurred. */
    public record Feature(String surface, int count, boolean pair) {
    }

    /** The NFC form of the text (spans refer to it) and its features. */
    public record Analysis(String text, Map<String, Feature> features) {

        static final Analysis EMPTY = new Analysis("", Map.of());
    }

    public Analysis analyze(String raw) {
        if (raw == null || raw.isBlank()) {
            return Analysis.EMPTY;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        List<Token> tokens = tokens(text);
        tokens = replace(tokens, lexicon.abbreviationMaxLength(), false);
        tokens = replace(tokens, lexicon.synonymMaxLength(), true);
        tokens = dropStops(tokens);
        return new Analysis(text, features(text, tokens));
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            boolean punctuation = false;
            while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                punctuation |= !Character.isWhitespace(c) && c != '-' && c != '&' && c != '\'';
                i += Character.charCount(c);
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.codePointAt(i))
                    || Character.getType(text.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                tokens.add(new Token(FoldedSearch.fold(text.substring(start, i)), start, i, false, punctuation));
            }
        }
        return tokens;
    }

    /**
     * Longest-match phrase replacement; replaced words take the span of the phrase they replace. Phrases grow a
     * word at a time while some entry of the list still starts with them.
     */
    private List<Token> replace(List<Token> tokens, int maxLength, boolean synonyms) {
        List<Token> out = new ArrayList<>(tokens.size() + 8);
        StringBuilder phrase = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            List<String> replacement = null;
            if (!tokens.get(i).kept()) {
                phrase.setLength(0);
                for (int len = 1; len <= Math.min(maxLength, tokens.size() - i); len++) {
                    String words = grow(phrase, tokens.get(i + len - 1));
                    if (!(synonyms ? lexicon.startsSynonym(words) : lexicon.startsAbbreviation(words))) {
                        break;
                    }
                    List<String> found = synonyms ? lexicon.synonym(words) : lexicon.abbreviation(words);
                    if (found != null) {
                        replacement = found;
                        matched = len;
                    }
                }
            }
            if (replacement == null) {
                out.add(tokens.get(i++));
                continue;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(i + matched - 1).end();
            boolean afterBreak = tokens.get(i).afterBreak();
            for (String word : replacement) {
                out.add(new Token(word, start, end, synonyms, afterBreak));
                afterBreak = false;
            }
            i += matched;
        }
        return out;
    }

    /** Replaces the longest generic phrases by breaks (null), unless a synonym produced one of their words. */
    private List<Token> dropStops(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        StringBuilder phrase = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int stopped = 0;
            phrase.setLength(0);
            for (int len = 1; len <= Math.min(lexicon.stopMaxLength(), tokens.size() - i); len++) {
                Token last = tokens.get(i + len - 1);
                if (last.kept()) {
                    break;
                }
                String words = grow(phrase, last);
                if (!lexicon.startsStop(words)) {
                    break;
                }
                if (lexicon.isStop(words)) {
                    stopped = len;
                }
            }
            if (stopped > 0) {
                out.add(null);
                i += stopped;
            } else {
                out.add(tokens.get(i++));
            }
        }
        return out;
    }

    /** Appends the token's word to the phrase (a space between words) and returns the phrase so far. */
    private static String grow(StringBuilder phrase, Token token) {
        if (!phrase.isEmpty()) {
            phrase.append(' ');
        }
        return phrase.append(token.word()).toString();
    }

    private static Map<String, Feature> features(String text, List<Token> tokens) {
        Map<String, Feature> features = new HashMap<>();
        Token previous = null;
        for (Token token : tokens) {
            if (token == null) {
                previous = null;
                continue;
            }
            if (token.afterBreak()) {
                previous = null;
            }
            if (token.word().length() > 1 || Character.isDigit(token.word().charAt(0))) {
                add(features, token.word(), text.substring(token.start(), token.end()), false);
            }
            if (previous != null && !(previous.start() == token.start() && previous.word().equals(token.word()))) {
                String surface = text.substring(Math.min(previous.start(), token.start()),
                        Math.max(previous.end(), token.end()));
                add(features, PAIR + previous.word() + " " + token.word(), surface, true);
            }
            previous = token;
        }
        return features;
    }

    private static void add(Map<String, Feature> features, String key, String surface, boolean pair) {
        features.merge(key, new Feature(surface, 1, pair),
                (old, added) -> new Feature(old.surface(), old.count() + 1, pair));
    }
}
