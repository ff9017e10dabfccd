package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.List;

/** The folded words of a text ({@link vn.ndp.registry.shared.FoldedSearch#fold}: case and diacritics removed, đ → d). */
public final class Folding {

    private Folding() {
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
