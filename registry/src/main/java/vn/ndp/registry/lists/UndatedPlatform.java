package vn.ndp.registry.lists;

import java.util.Locale;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * A platform of a version's statuses that the version left out because its listing date was unknown when it was
 * published: a version dated before that day freezes only the platforms known to be listed on its date
 * ({@link vn.ndp.registry.catalog.Platform#listedOn(java.time.LocalDate, java.time.LocalDate)}), and of this one the
 * catalogue could not say. Its names as they stood when the version was published, and its status on the version's
 * date (one of the version's statuses).
 */
public record UndatedPlatform(String platformCode, String nameVi, String nameEn, LifecycleStatus status) {

    /** The name in the reader's language: the English one on an English page, where there is one. */
    public String name(Locale locale) {
        return ShownLanguage.name(locale, nameVi(), nameEn());
    }

    /** The {@code lang} of {@link #name(Locale)} where it is not the page's: "vi" or null ({@link ShownLanguage}). */
    public String lang(Locale locale) {
        return ShownLanguage.lang(locale, nameVi(), nameEn());
    }
}
