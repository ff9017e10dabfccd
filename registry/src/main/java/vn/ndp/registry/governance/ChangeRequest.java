package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.FieldChange;

/**
 * Changes to a published entry that wait for a reviewer: each field with its value when asked and the one wanted,
 * and the evidence documents the editor gave for them (kept after the decision). {@code effectiveOn} is the day the
 * change takes effect, the date of the decision it follows (so that views as of a day in between show the new owner
 * or status); null when it takes effect on the day it is approved.
 */
public record ChangeRequest(UUID id, String platformCode, String agencyCode, ChangeStatus status,
        List<FieldChange<PlatformField>> changes, int baseVersion, String reason, LocalDate effectiveOn,
        String requestedBy,
        OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote, int version,
        List<EvidenceDocument> documents) {

    public ChangeRequest {
        changes = List.copyOf(changes);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
