package vn.ndp.registry.shared.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.ndp.registry.shared.Bilingual;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * The language of free text written in Vietnamese (a reason, a comment, a person's or an operator's name) where it
 * is not the page's: templates write {@code th:lang="${@texts.lang(value)}"}, which gives "vi" on a page not in
 * Vietnamese and nothing on a Vietnamese page or for no text ({@link ShownLanguage#vietnamese}). Names kept in both
 * languages are marked by their records' {@code lang(#locale)}.
 * <p>
 * A sentence of the messages that names someone or something ("Updated by {0} on {1}") is written with
 * {@code th:with="sentence=${@texts.sentence('adoption.plan.updated', @people.part(by), ...)}"
 * th:utext="${sentence}"} (a name by its record, {@code @texts.in(platform)}; free text, {@code @texts.vi(reason)}):
 * each argument is escaped and, where its {@code lang} is not the page's, wrapped in {@code <span lang="vi">}; the
 * sentence around it is escaped too. On a Vietnamese page nothing is wrapped. ({@code th:utext} itself may not call beans: Thymeleaf
 * restricts the expressions of unescaped output, hence {@code th:with}.)
 */
@Component("texts")
public class Texts {

    /**
     * Stand for argument N while the sentence is formatted and escaped: private-use characters no message holds (an
     * argument that holds them is put in whole and never read again).
     */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern STAND_IN = Pattern.compile(OPEN + "(\\d{1,9})" + CLOSE);

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String lang(Object value) {
        return ShownLanguage.vietnamese(LocaleContextHolder.getLocale(), value);
    }

    /** A text in a language that may not be the page's: {@code lang} "vi" where it is not (else null). */
    public record Part(Object text, String lang) {
    }

    /** Free text written in Vietnamese (a reason), marked on a page not in Vietnamese. */
    public Part vi(Object text) {
        return new Part(text, lang(text));
    }

    /** A name as its record shows it in the page's language: {@code name(#locale)} with its {@code lang(#locale)}. */
    public Part in(Bilingual named) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Part(named.name(locale), named.lang(locale));
    }

    /** A text with its {@code lang}, for a name no record gives whole (a short name, an agency by its code). */
    public Part in(Object text, String lang) {
        return new Part(text, lang);
    }

    /**
     * The message {@code key} with its {@code arguments}, as HTML for {@code th:utext}: the sentence and every text
     * argument escaped; each {@link Part} whose {@code lang} is set inside {@code <span lang="...">}. Other
     * arguments (numbers) are formatted by the message, as {@code #{key(...)}} formats them.
     */
    public String sentence(String key, Object... arguments) {
        Object[] standIns = new Object[arguments.length];
        String[] shown = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            shown[i] = switch (argument) {
                case Part part when part.lang() != null -> "<span lang=\"" + HtmlUtils.htmlEscape(part.lang())
                        + "\">" + escaped(part.text()) + "</span>";
                case Part part -> escaped(part.text());
                case CharSequence text -> escaped(text);
                case null, default -> null;
            };
            standIns[i] = shown[i] == null ? argument : OPEN + Integer.toString(i) + CLOSE;
        }
        String sentence = escaped(messages.getMessage(key, standIns, LocaleContextHolder.getLocale()));
        // one pass over the message: what is put in (text a person typed) is never read again
        return STAND_IN.matcher(sentence).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return Matcher.quoteReplacement(i < shown.length && shown[i] != null ? shown[i] : m.group());
        });
    }

    /**
     * {@code text}, stored whole with Vietnamese inside it (a notice's English subject or body), as HTML for
     * {@code th:utext}: escaped, and on a page not in Vietnamese each place where it quotes one of {@code vietnamese}
     * (none blank: a notice stores none) inside {@code <span lang="vi">} (the longer quotation first where two
     * overlap).
     */
    public String quoting(String text, Collection<String> vietnamese) {
        if (lang(text) == null) {
            return escaped(text);
        }
        boolean[] quoted = new boolean[text.length()];
        vietnamese.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(v -> {
                    for (int at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) {
                        int from = at;
                        if (IntStream.range(from, from + v.length()).noneMatch(i -> quoted[i])) {
                            Arrays.fill(quoted, from, from + v.length(), true);
                        }
                    }
                });
        StringBuilder html = new StringBuilder();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || quoted[i] != quoted[start]) {
                String run = escaped(text.substring(start, i));
                html.append(quoted[start] ? "<span lang=\"vi\">" + run + "</span>" : run);
                start = i;
            }
        }
        return html.toString();
    }

    private static String escaped(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text.toString(), "UTF-8");
    }
}
