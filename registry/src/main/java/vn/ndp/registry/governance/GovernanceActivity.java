package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Workflow transitions that nobody needs to be told about by notification,
 * published after commit like {@link GovernanceEvent}: a withdrawal, a recorded
 * evaluation, a direct contact change, a re-evaluation that keeps the platform,
 * a reinstatement. Kept apart from {@link GovernanceEvent} so that listeners
 * with an exhaustive switch over it are not broken by new kinds.
 */
public sealed interface GovernanceActivity {

    String platformCode();

    String agencyCode();

    String actor();

    record ProposalWithdrawn(UUID proposalId, String platformCode, String agencyCode, String actor)
            implements GovernanceActivity {
    }

    /** A reviewer recorded (or revised) the evaluation of a submitted proposal. */
    record EvaluationRecorded(UUID proposalId, String platformCode, String agencyCode, String actor)
            implements GovernanceActivity {
    }

    /** Fields that need no review (contact details) were changed on a published entry. */
    record ChangeApplied(String platformCode, String agencyCode, String actor, List<String> fields)
            implements GovernanceActivity {
    }

    /** A re-evaluation kept the platform on the list; the next one is due on {@code nextDue}. */
    record ReevaluationCompleted(String platformCode, String agencyCode, String actor, LocalDate nextDue)
            implements GovernanceActivity {
    }

    record PlatformReinstated(String platformCode, String agencyCode, String actor, String reason,
            String legalBasis) implements GovernanceActivity {
    }
}
