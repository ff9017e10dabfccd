package vn.ndp.registry.overlap.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case and diacritics removed, đ → d, so that "Hệ thống" and "he thong" are the same words. */
public final class Folding {

    private Folding() {
    }

    /** Folds one piece of text: lower case, no combining marks, đ → d. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c);
        }
        return out.toString();
    }

    /** The folded words of a text, split at anything that is not a letter or digit. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Analyzer.Token token : Analyzer.tokens(text)) {
            words.add(token.word());
        }
        return words;
    }
}
