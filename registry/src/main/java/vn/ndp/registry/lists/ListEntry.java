package vn.ndp.registry.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * One platform in a list version, as it stood on publication: its fields by
 * {@link ListField} key, and its owner on the document date.
 */
public record ListEntry(int position, String platformCode, String ownerCode, String ownerNameVi, String ownerNameEn,
        Map<String, String> fields) {

    public ListEntry {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String get(ListField field) {
        return fields.get(field.key());
    }

    public String nameVi() {
        return get(ListField.NAME_VI);
    }

    /** The English name frozen with the entry; null when the platform had none. */
    public String nameEn() {
        return get(ListField.NAME_EN);
    }

    /** The name in the reader's language: the English one on an English page, where there is one. */
    public String name(Locale locale) {
        return ShownLanguage.name(locale, nameVi(), nameEn());
    }

    /** The {@code lang} of {@link #name(Locale)} where it is not the page's: "vi" or null ({@link ShownLanguage}). */
    public String lang(Locale locale) {
        return ShownLanguage.lang(locale, nameVi(), nameEn());
    }

    /** The owner's name as frozen with the entry, in the reader's language where it was known in it. */
    public String ownerName(Locale locale) {
        return ShownLanguage.name(locale, ownerNameVi, ownerNameEn);
    }

    /** The {@code lang} of {@link #ownerName(Locale)} where it is not the page's: "vi" or null. */
    public String ownerLang(Locale locale) {
        return ShownLanguage.lang(locale, ownerNameVi, ownerNameEn);
    }
}
