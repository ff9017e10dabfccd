package vn.ndp.registry.shared;

import java.util.Locale;

/**
 * Something named in Vietnamese and, where known, English (a platform, an agency, a list entry...): shown by
 * {@link ShownLanguage}'s one rule.
 */
public interface Bilingual {

    String nameVi();

    /** The English name; null when there is none. */
    String nameEn();

    /** The name in the reader's language: the English one on an English page, where there is one. */
    default String name(Locale locale) {
        return ShownLanguage.name(locale, nameVi(), nameEn());
    }

    /** The {@code lang} of {@link #name(Locale)} where it is not the page's: "vi" or null. */
    default String lang(Locale locale) {
        return ShownLanguage.lang(locale, nameVi(), nameEn());
    }

    /**
     * The Vietnamese name where a text in {@code locale} shows it, for want of an English one (to be marked
     * {@code lang="vi"}); else null.
     */
    default String vietnameseShownIn(Locale locale) {
        return lang(locale) == null ? null : nameVi();
    }
}
