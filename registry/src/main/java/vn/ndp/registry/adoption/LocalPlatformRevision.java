package vn.ndp.registry.adoption;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * One change in a local platform's history: who made which version, when and
 * why, with each field's value before and after in text form (enums by their
 * wire names, lists joined).
 */
public record LocalPlatformRevision(long id, UUID localPlatformId, int version, OffsetDateTime occurredAt,
        String actor, Cause cause, String note, List<FieldChange<String>> fields) {

    public LocalPlatformRevision {
        fields = List.copyOf(fields);
    }

    /** The fields a revision records, in the order pages show them. */
    public static final List<String> FIELDS = List.of("name_vi", "name_en", "description", "functions", "category",
            "type", "status", "website", "department", "overlap_verdict", "overlap_matches", "overlap_reason");

    public enum Cause {
        REGISTERED,
        CHANGED,
        REMOVED
    }

    /**
     * The fields whose text differs between two versions of a platform, in {@link #FIELDS} order, as they were and
     * are; every field a new platform has when {@code before} is null.
     */
    public static List<FieldChange<String>> changes(LocalPlatform before, LocalPlatform after) {
        return FieldChange.between(FIELDS, before == null ? null : valuesOf(before), valuesOf(after),
                (field, values) -> values.get(field));
    }

    /** The text form of each field a revision records, in the order pages show them. */
    static Map<String, String> valuesOf(LocalPlatform p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name_vi", p.nameVi());
        values.put("name_en", p.nameEn());
        values.put("description", p.description());
        values.put("functions", p.functions().isEmpty() ? null : String.join("; ", p.functions()));
        values.put("category", Wire.name(p.category()));
        values.put("type", Wire.name(p.type()));
        values.put("status", Wire.name(p.status()));
        values.put("website", p.website());
        values.put("department", p.department());
        values.put("overlap_verdict", Wire.name(p.overlapVerdict()));
        values.put("overlap_matches", p.overlapMatches().isEmpty() ? null : String.join(", ", p.overlapMatches()));
        values.put("overlap_reason", p.overlapReason());
        return values;
    }
}
