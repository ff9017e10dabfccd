package vn.ndp.registry.shared;

import java.util.Locale;

/**
 * The one rule for text shown in a language other than the page's: a name kept in Vietnamese and English is shown in
 * English on an English page where it has an English name, else in Vietnamese; Vietnamese text shown on a page that is
 * not in Vietnamese is marked {@code lang="vi"}, so that screen readers and translators read it as Vietnamese.
 * Records with such names ({@code Platform}, {@code Agency}, ...) are {@link Bilingual}: {@code name(Locale)} and
 * {@code lang(Locale)} apply it; pages mark free text written in Vietnamese (a reason, a comment, a person's name) with
 * {@code ${@texts.lang(value)}}.
 */
public final class ShownLanguage {

    private ShownLanguage() {
    }

    /** The name to show on a page in {@code locale}: the English one on an English page where there is one. */
    public static String name(Locale locale, String nameVi, String nameEn) {
        return english(locale) && nameEn != null ? nameEn : nameVi;
    }

    /**
     * The {@code lang} of {@link #name(Locale, String, String)} where it differs from the page's: "vi" when the
     * Vietnamese name is shown on a page not in Vietnamese; else null.
     */
    public static String lang(Locale locale, String nameVi, String nameEn) {
        return english(locale) && nameEn != null ? null : vietnamese(locale, nameVi);
    }

    /** "vi" when {@code text}, written in Vietnamese, is shown on a page not in Vietnamese; null for no text. */
    public static String vietnamese(Locale locale, Object text) {
        return text == null || text.toString().isBlank() || "vi".equals(locale.getLanguage()) ? null : "vi";
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
