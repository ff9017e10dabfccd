package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A text cut into pieces, the matched terms marked, for a page to render (and escape) piece by piece. */
record Highlight(List<Piece> pieces) {

    record Piece(String text, boolean marked) {
    }

    static Highlight of(String text, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return new Highlight(List.of());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        if (lower.length() == text.length()) {
            for (String term : terms) {
                String t = term.toLowerCase(Locale.ROOT);
                if (t.isBlank()) {
                    continue;
                }
                for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length())) {
                    boolean startsWord = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                    int end = at + t.length();
                    boolean endsWord = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                    if (startsWord && endsWord) {
                        for (int i = at; i < end; i++) {
                            marked[i] = true;
                        }
                    }
                }
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                pieces.add(new Piece(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return new Highlight(pieces);
    }
}
