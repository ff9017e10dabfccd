package vn.ndp.registry.support;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment's description; its bytes are fetched with {@link SupportDesk#attachment}. */
public record SupportAttachment(UUID id, String fileName, String contentType, long size, String sha256,
        String uploadedBy, OffsetDateTime uploadedAt) {
}
