package vn.ndp.registry.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a request's thread: a message, a status change, or both. The
 * text is stored exactly as typed; pages render it escaped, line by line.
 *
 * @param body the text, or null for a bare status change
 * @param statusFrom the status before, or null when the entry changed no status (or opened the request)
 * @param statusTo the status after, or null when the entry changed no status
 */
public record SupportMessage(UUID id, UUID requestId, String author, String authorName, SupportAction.Side side,
        String body, SupportStatus statusFrom, SupportStatus statusTo, OffsetDateTime createdAt,
        List<SupportAttachment> attachments) {

    public SupportMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The text split into lines, for pages that show line breaks without markup. */
    public List<String> lines() {
        return body == null ? List.of() : List.of(body.split("\\R", -1));
    }
}
