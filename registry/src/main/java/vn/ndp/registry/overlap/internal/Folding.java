package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.List;
import vn.ndp.registry.shared.FoldedSearch;

/** Case and diacritics removed, đ → d, so that "Hệ thống" and "he thong" are the same words. */
public final class Folding {

    private Folding() {
    }

    /** Folds one piece of text: lower case, no combining marks, đ → d ({@link FoldedSearch#fold}). */
    public static String fold(String text) {
        return FoldedSearch.fold(text);
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
