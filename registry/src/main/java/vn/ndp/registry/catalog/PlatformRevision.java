package vn.ndp.registry.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One change set in a platform's history: who made which platform version,
 * when and why, with each field's value before and after (text form of
 * {@link PlatformField}). A revision may change no field (a re-evaluation that
 * keeps the platform as it is).
 */
public record PlatformRevision(long id, String platformCode, int version, OffsetDateTime occurredAt, String actor,
        Cause cause, String reference, String note, List<FieldChange> fields) {

    public PlatformRevision {
        fields = List.copyOf(fields);
    }

    public record FieldChange(PlatformField field, String before, String after) {

        /** Every field of a new entry ({@code before} null), or the fields that differ, as they were and are. */
        public static List<FieldChange> between(Platform before, Platform after) {
            List<FieldChange> changes = new ArrayList<>();
            if (before == null) {
                PlatformField.valuesOf(after).forEach((field, value) -> changes.add(new FieldChange(field, null, value)));
            } else {
                for (PlatformField field : PlatformField.differences(before, after)) {
                    changes.add(new FieldChange(field, field.of(before), field.of(after)));
                }
            }
            return changes;
        }
    }

    /** Why the entry changed. */
    public enum Cause {
        /** Listed after a proposal was recognised (or recognised as potential). */
        RECOGNISED,
        /** A re-evaluation confirmed the recognition. */
        REEVALUATED,
        /** A change that needs no review (contact fields), applied at once. */
        CHANGED_DIRECTLY,
        /** A reviewed change request was approved. */
        CHANGE_APPROVED,
        SUSPENDED,
        REVOKED,
        REINSTATED,
        /** Listed or changed by an import of a file ({@code ndp import platforms}). */
        IMPORTED;

        /** Whether this revision (re)confirms the recognition; "what changed since" counts from the last one. */
        public boolean confirmsRecognition() {
            return this == RECOGNISED || this == REEVALUATED || this == REINSTATED;
        }
    }

    /** Who made a change and why: the governance case it belongs to and a note. */
    public record Provenance(String actor, Cause cause, String reference, String note) {
    }
}
