package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.ndp.registry.shared.FieldChange;

/**
 * One change set in a platform's history: who made which platform version,
 * when and why, with each field's value before and after (text form of
 * {@link PlatformField}). A revision may change no field (a re-evaluation that
 * keeps the platform as it is). {@code effectiveOn} is the day its owner or status change took effect when that
 * was not the day it was made (a transfer approved on 25/11 following a decision of 15/10), else null.
 */
public record PlatformRevision(long id, String platformCode, int version, OffsetDateTime occurredAt, String actor,
        Cause cause, String reference, String note, LocalDate effectiveOn, List<FieldChange<PlatformField>> fields) {

    public PlatformRevision {
        fields = List.copyOf(fields);
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

    /**
     * Who made a change and why: the governance case it belongs to and a note; {@code effectiveOn}, the day an owner
     * or status change takes effect when it is not the day it is made (null: that day).
     */
    public record Provenance(String actor, Cause cause, String reference, String note, LocalDate effectiveOn) {

        /** A change that takes effect the day it is made. */
        public Provenance(String actor, Cause cause, String reference, String note) {
            this(actor, cause, reference, note, null);
        }
    }
}
