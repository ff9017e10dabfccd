package vn.ndp.registry.adoption;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * One change in a local platform's history: who made which version, when and
 * why, with each field's value before and after in text form (enums by their
 * wire names, lists joined).
 */
public record LocalPlatformRevision(long id, UUID localPlatformId, int version, OffsetDateTime occurredAt,
        String actor, Cause cause, String note, List<FieldChange> fields) {

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

    /** A field's value before and after; {@code field} is its wire name (name_vi, functions, overlap_verdict...). */
    public record FieldChange(String field, String before, String after) {

        /** Every field of a new platform ({@code before} null), or the fields that differ, as they were and are. */
        public static List<FieldChange> between(LocalPlatform before, LocalPlatform after) {
            Map<String, String> now = valuesOf(after);
            Map<String, String> then = before == null ? Map.of() : valuesOf(before);
            List<FieldChange> changes = new ArrayList<>();
            now.forEach((field, value) -> {
                String old = then.get(field);
                if (!Objects.equals(old, value)) {
                    changes.add(new FieldChange(field, old, value));
                }
            });
            return changes;
        }
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
