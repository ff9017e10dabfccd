package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened in the governance workflow, published after the change
 * commits. Other modules (notifications, reporting) react to these.
 */
public sealed interface GovernanceEvent {

    /** The platform concerned (its code, or the proposed code). */
    String platformCode();

    /** The agency that owns or proposes it (its editors are told). */
    String agencyCode();

    /** Username of the person who acted. */
    String actor();

    /** A proposal sent for evaluation, with the names it proposes ({@code nameEn} may be null). */
    record ProposalSubmitted(UUID proposalId, String platformCode, String nameVi, String nameEn, String agencyCode,
            String actor) implements GovernanceEvent {
    }

    /** A proposal returned to its agency for changes, with the names it proposes ({@code nameEn} may be null). */
    record ProposalReturned(UUID proposalId, String platformCode, String nameVi, String nameEn, String agencyCode,
            String actor, String reason) implements GovernanceEvent {
    }

    /**
     * A decision on a proposal: recognised, recognised as potential, or rejected; with the names it proposed
     * ({@code nameEn} may be null), which a rejected platform has nowhere else, and why it was rejected
     * ({@code reason}, null for a recognition).
     */
    record ProposalDecided(UUID proposalId, String platformCode, String nameVi, String nameEn, String agencyCode,
            String actor, Decision decision, String decisionNumber, LocalDate decisionDate, String reason)
            implements GovernanceEvent {
    }

    /** A change asked for, with the day it is to take effect ({@code effectiveOn}, null: the day it is approved). */
    record ChangeRequested(UUID changeId, String platformCode, String agencyCode, String actor, LocalDate effectiveOn)
            implements GovernanceEvent {
    }

    /** A change approved or declined; an approved one with the day it took effect ({@code effectiveOn}), else null. */
    record ChangeDecided(UUID changeId, String platformCode, String agencyCode, String actor, boolean approved,
            String reason, LocalDate effectiveOn) implements GovernanceEvent {
    }

    /** A recognised platform's yearly re-evaluation falls due (sent once when it becomes due or overdue). */
    record ReevaluationDue(String platformCode, String agencyCode, String actor, LocalDate dueDate)
            implements GovernanceEvent {
    }

    record PlatformSuspended(String platformCode, String agencyCode, String actor, String reason, String legalBasis)
            implements GovernanceEvent {
    }

    record PlatformRevoked(String platformCode, String agencyCode, String actor, String reason, String legalBasis)
            implements GovernanceEvent {
    }

    enum Decision {
        RECOGNISED, RECOGNISED_AS_POTENTIAL, REJECTED
    }
}
