package vn.ndp.registry.support;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a support request, published inside the transaction that
 * made the change; listeners that notify people act after it commits.
 */
public sealed interface SupportEvent {

    UUID requestId();

    String platformCode();

    /** Username of the person who acted. */
    String actor();

    /** A new request for the platform's operators. */
    record RequestOpened(UUID requestId, String platformCode, String actor, String agencyCode, String subject,
            Priority priority, LocalDate dueDate) implements SupportEvent {
    }

    /** A message in the thread; {@code side} says who wrote it (the other side is told). */
    record MessagePosted(UUID requestId, String platformCode, String actor, SupportAction.Side side,
            String requestedBy, String subject, String text) implements SupportEvent {
    }

    record StatusChanged(UUID requestId, String platformCode, String actor, SupportAction.Side side,
            String requestedBy, String subject, SupportStatus from, SupportStatus to, String note)
            implements SupportEvent {
    }
}
