package vn.ndp.registry.support.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.support.SupportAction;
import vn.ndp.registry.support.SupportAttachment;
import vn.ndp.registry.support.SupportMessage;
import vn.ndp.registry.support.SupportRequest;

/** Request and response bodies of the support API; enums travel as lower-case wire names. */
final class SupportJson {

    private SupportJson() {
    }

    record NewRequestJson(String platformCode, String subject, String description, String priority) {
    }

    record MessageJson(String text) {
    }

    record StatusJson(String action, String note) {
    }

    record RequestJson(UUID id, String platformCode, String agencyCode, String requestedBy, String subject,
            String description, String priority, String status, LocalDate dueDate, boolean overdue,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
            boolean sample) {

        static RequestJson of(SupportRequest r, LocalDate today) {
            return new RequestJson(r.id(), r.platformCode(), r.agencyCode(), r.requestedBy(), r.subject(),
                    r.description(), Wire.name(r.priority()), Wire.name(r.status()), r.dueDate(), r.overdueOn(today),
                    r.createdAt(), r.updatedAt(), r.resolvedAt(), r.closedAt(), r.sample());
        }
    }

    /** One page of the queue. */
    record QueueJson(List<RequestJson> items, long total, int page, int size, int pages) {
    }

    record AttachmentJson(UUID id, String fileName, String contentType, long size, String sha256, String href) {

        static AttachmentJson of(SupportAttachment a) {
            return new AttachmentJson(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                    "/api/v1/support/attachments/" + a.id());
        }
    }

    record EntryJson(UUID id, String author, String authorName, String side, String text, String statusFrom,
            String statusTo, OffsetDateTime at, List<AttachmentJson> attachments) {

        static EntryJson of(SupportMessage m) {
            return new EntryJson(m.id(), m.author(), m.authorName(), Wire.name(m.side()), m.body(),
                    Wire.name(m.statusFrom()), Wire.name(m.statusTo()), m.createdAt(),
                    m.attachments().stream().map(AttachmentJson::of).toList());
        }
    }

    /** A request with its thread and what the caller may do next. */
    record DetailJson(RequestJson request, List<EntryJson> thread, String yourSide, List<String> actions,
            boolean mayWrite) {
    }

    static List<String> actions(List<SupportAction> actions) {
        return actions.stream().map(Wire::name).toList();
    }
}
