package vn.ndp.registry.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A support request from an agency to the operator of one of its platforms.
 * {@code agencyCode} is the requesting agency as it was when the request was
 * opened; {@code sample} marks demo data.
 */
public record SupportRequest(UUID id, String platformCode, String agencyCode, String requestedBy, String subject,
        String description, Priority priority, SupportStatus status, LocalDate dueDate, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt, boolean sample) {

    /** Past its due date while the operator has the next move (waiting for the requester does not count). */
    public boolean overdueOn(LocalDate today) {
        return status.operatorsTurn() && dueDate.isBefore(today);
    }
}
