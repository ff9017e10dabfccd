package vn.ndp.registry.support.internal;

import java.text.Normalizer;

/**
 * Diacritic-free matching in SQL, so that "dang nhap" finds "Đăng nhập": the
 * query text is folded in Java ({@link vn.ndp.registry.agencies.Agencies#fold}), the column with PostgreSQL's
 * {@code translate(column, FROM, TO)} (every Latin letter with marks, e.g. ầ
 * and Đ, to its base letter), then both are lower-cased (ASCII only by then,
 * so the database's locale does not matter). No extension is needed.
 */
final class Folding {

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

    private Folding() {
    }

    /** The text as a literal inside a LIKE pattern whose escape character is a backslash. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void add(char c, StringBuilder from, StringBuilder to) {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        if (c == 'đ' || c == 'Đ') {
            base = c == 'đ' ? "d" : "D";
        }
        if (base.length() == 1 && base.charAt(0) != c && base.charAt(0) < 128 && Character.isLetter(base.charAt(0))) {
            from.append(c);
            to.append(base.charAt(0));
        }
    }
}
