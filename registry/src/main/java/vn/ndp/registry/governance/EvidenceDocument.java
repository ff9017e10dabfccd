package vn.ndp.registry.governance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An evidence document's description; its bytes are fetched with {@link EvidenceDocuments#download}. */
public record EvidenceDocument(UUID id, String fileName, String contentType, long size, String sha256,
        String uploadedBy, OffsetDateTime uploadedAt) {
}
