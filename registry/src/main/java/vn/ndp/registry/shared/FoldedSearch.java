package vn.ndp.registry.shared;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Diacritic-free word search in SQL, so that "dang nhap" finds "Đăng nhập":
 * the query text is folded in Java ({@link #fold}), the column with
 * PostgreSQL's {@code translate(column, FROM, TO)} (every Latin letter with
 * marks, e.g. ầ and Đ, to its base letter), then both are lower-cased (ASCII
 * only by then, so the database's locale does not matter). No extension is
 * needed.
 */
public final class FoldedSearch {

    static final String FROM;
    static final String TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (char c = 'À'; c <= 'ɏ'; c++) {
            add(c, from, to);
        }
        for (char c = 'Ḁ'; c <= 'ỿ'; c++) {
            add(c, from, to);
        }
        FROM = from.toString();
        TO = to.toString();
    }

    private FoldedSearch() {
    }

    /**
     * Adds one condition per word of {@code words}: every word, in any order, is in one of the SQL expressions
     * {@code columns}. The columns are composed first (NFC), as some keyboards and pasted text send Vietnamese
     * letters decomposed, and translate() knows the composed ones only.
     */
    static void allWords(String words, List<String> conditions, List<Object> params, String... columns) {
        for (String word : fold(words).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String pattern = "%" + likeEscaped(word) + "%";
            StringBuilder any = new StringBuilder("(");
            for (int i = 0; i < columns.length; i++) {
                any.append(i == 0 ? "" : " or ")
                        .append("lower(translate(normalize(coalesce(").append(columns[i])
                        .append(", ''), NFC), ?, ?)) like ? escape '\\'");
                params.add(FROM);
                params.add(TO);
                params.add(pattern);
            }
            conditions.add(any.append(")").toString());
        }
    }

    /** Lower case without diacritics ("Đăng nhập" → "dang nhap"), as names are compared everywhere. */
    public static String fold(String text) {
        return withoutMarks(text.toLowerCase(Locale.ROOT)).strip();
    }

    /**
     * Orders by the folded {@code name}, folding each distinct name once rather than on every comparison. Take a new
     * one for each sort: it remembers the names it folded and is not for concurrent use.
     */
    public static <T> Comparator<T> byFolded(Function<? super T, String> name) {
        Map<String, String> folded = new HashMap<>();
        return Comparator.comparing(t -> folded.computeIfAbsent(name.apply(t), FoldedSearch::fold));
    }

    /** The text decomposed (NFD) without its combining marks, and đ as d: "Đăng đồng" → "Đang dong". */
    private static String withoutMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> {
                }
                default -> out.append(c == 'đ' ? 'd' : c);
            }
        }
        return out.toString();
    }

    /** The text as a literal inside a LIKE pattern whose escape character is a backslash. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void add(char c, StringBuilder from, StringBuilder to) {
        String base = withoutMarks(String.valueOf(c));
        if (c == 'đ' || c == 'Đ') {
            base = c == 'đ' ? "d" : "D";
        }
        if (base.length() == 1 && base.charAt(0) != c && base.charAt(0) < 128 && Character.isLetter(base.charAt(0))) {
            from.append(c);
            to.append(base.charAt(0));
        }
    }
}
