package vn.ndp.registry.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.shared.Bilingual;
import vn.ndp.registry.shared.FieldChange;

/**
 * What changed from one list version ({@code before}) to another
 * ({@code after}): platforms added, removed, and for the ones in both, each
 * field whose value differs.
 */
public record ListDiff(ListVersion before, ListVersion after, List<ListEntry> added, List<ListEntry> removed,
        List<Changed> changed, int unchanged) {

    private static final List<ListField> FIELDS = List.of(ListField.values());

    /** A platform in both versions with at least one different field, named as the later version names it. */
    public record Changed(String platformCode, String nameVi, String nameEn, List<FieldChange<ListField>> changes)
            implements Bilingual {
    }

    public boolean identical() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Compares two versions' entries by platform code; the order of fields is {@link ListField}'s. */
    public static ListDiff between(ListVersion before, List<ListEntry> beforeEntries, ListVersion after,
            List<ListEntry> afterEntries) {
        Map<String, ListEntry> old = index(beforeEntries);
        Map<String, ListEntry> now = index(afterEntries);
        List<ListEntry> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        int unchanged = 0;
        for (ListEntry entry : afterEntries) {
            ListEntry previous = old.get(entry.platformCode());
            if (previous == null) {
                added.add(entry);
                continue;
            }
            List<FieldChange<ListField>> changes = FieldChange.between(FIELDS, previous, entry,
                    (field, listed) -> listed.get(field));
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new Changed(entry.platformCode(), entry.nameVi(), entry.nameEn(), List.copyOf(changes)));
            }
        }
        List<ListEntry> removed = beforeEntries.stream().filter(e -> !now.containsKey(e.platformCode())).toList();
        return new ListDiff(before, after, List.copyOf(added), removed, List.copyOf(changed), unchanged);
    }

    private static Map<String, ListEntry> index(List<ListEntry> entries) {
        Map<String, ListEntry> byCode = new LinkedHashMap<>();
        entries.forEach(e -> byCode.put(e.platformCode(), e));
        return byCode;
    }
}
