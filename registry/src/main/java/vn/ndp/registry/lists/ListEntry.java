package vn.ndp.registry.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
}
