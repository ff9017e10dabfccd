package vn.ndp.registry.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.ndp.registry.shared.Bilingual;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * One platform in a list version, as it stood on publication: its fields by
 * {@link ListField} key, and its owner on the document date.
 */
public record ListEntry(int position, String platformCode, String ownerCode, String ownerNameVi, String ownerNameEn,
        Map<String, String> fields) implements Bilingual {

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

    /** The owner's name as frozen with the entry, in the reader's language where it was known in it. */
    public String ownerName(Locale locale) {
        return ShownLanguage.name(locale, ownerNameVi, ownerNameEn);
    }

    /** The {@code lang} of {@link #ownerName(Locale)} where it is not the page's: "vi" or null. */
    public String ownerLang(Locale locale) {
        return ShownLanguage.lang(locale, ownerNameVi, ownerNameEn);
    }
}
