package vn.ndp.registry.shared.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * The language of free text written in Vietnamese (a reason, a comment, a person's or an operator's name) where it
 * is not the page's: templates write {@code th:lang="${@texts.lang(value)}"}, which gives "vi" on a page not in
 * Vietnamese and nothing on a Vietnamese page or for no text ({@link ShownLanguage#vietnamese}). Names kept in both
 * languages are marked by their records' {@code lang(#locale)}.
 */
@Component("texts")
public class Texts {

    public String lang(Object value) {
        return ShownLanguage.vietnamese(LocaleContextHolder.getLocale(), value);
    }
}
