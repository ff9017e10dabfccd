package vn.ndp.registry.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reference-data source ("Nghị quyết 202/2025/QH15 (12/06/2025)
 * https://…; https://…") into parts to show, each with its web link if it has
 * one. Only http(s) addresses become links, so a source can never carry a
 * {@code javascript:} URL into a page.
 */
public final class References {

    private static final Pattern URL = Pattern.compile("https?://[^\\s;]+");

    public record Reference(String text, String url) {
    }

    private References() {
    }

    public static List<Reference> parse(String source) {
        List<Reference> references = new ArrayList<>();
        if (source == null || source.isBlank()) {
            return references;
        }
        for (String part : parts(source)) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher url = URL.matcher(trimmed);
            if (url.find()) {
                String text = (trimmed.substring(0, url.start()) + trimmed.substring(url.end())).strip();
                references.add(new Reference(text.isEmpty() ? null : text, url.group()));
            } else {
                references.add(new Reference(trimmed, null));
            }
        }
        return references;
    }

    /**
     * The source's parts: separated by a semicolon that ends the text or is followed by a space, except inside
     * parentheses, which hold a part's own note ("(daibieunhandan.vn ghi 9; 8 là số khớp tổng 103)").
     */
    private static List<String> parts(String source) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ';' && depth == 0
                    && (i + 1 == source.length() || Character.isWhitespace(source.charAt(i + 1)))) {
                parts.add(source.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(source.substring(start));
        return parts;
    }

    /** The address as a link target if it is an http(s) URL, else null. */
    public static String webLink(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip();
        return URL.matcher(trimmed).matches() ? trimmed : null;
    }
}
