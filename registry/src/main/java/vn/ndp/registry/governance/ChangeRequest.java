package vn.ndp.registry.governance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.FieldChange;

/**
 * Changes to a published entry that wait for a reviewer: each field with its value when asked and the one wanted,
 * and the evidence documents the editor gave for them (kept after the decision).
 */
public record ChangeRequest(UUID id, String platformCode, String agencyCode, ChangeStatus status,
        List<FieldChange<PlatformField>> changes, int baseVersion, String reason, String requestedBy,
        OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote, int version,
        List<EvidenceDocument> documents) {

    public ChangeRequest {
        changes = List.copyOf(changes);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
