package vn.ndp.registry.governance;

import java.util.Optional;
import vn.ndp.registry.governance.ProposalCommand.AttachEvidence;
import vn.ndp.registry.governance.ProposalCommand.Edit;
import vn.ndp.registry.governance.ProposalCommand.RecordEvaluation;
import vn.ndp.registry.governance.ProposalCommand.Recognise;
import vn.ndp.registry.governance.ProposalCommand.RecogniseAsPotential;
import vn.ndp.registry.governance.ProposalCommand.Reject;
import vn.ndp.registry.governance.ProposalCommand.ReturnForChanges;
import vn.ndp.registry.governance.ProposalCommand.Submit;
import vn.ndp.registry.governance.ProposalCommand.Withdraw;

/**
 * Where a proposal stands. The legal transitions are all in {@link #after}:
 * <pre>
 * DRAFT, RETURNED   --edit, attach--&gt; (same)      --submit--&gt; SUBMITTED
 * SUBMITTED, UNDER_EVALUATION --evaluate--&gt; UNDER_EVALUATION --return--&gt; RETURNED
 * UNDER_EVALUATION  --recognise--&gt; RECOGNISED | --as potential--&gt; RECOGNISED_AS_POTENTIAL | --reject--&gt; REJECTED
 * DRAFT, SUBMITTED, RETURNED --withdraw--&gt; WITHDRAWN
 * </pre>
 * A decision needs a recorded evaluation, which is what UNDER_EVALUATION means.
 */
public enum ProposalStatus {
    DRAFT, SUBMITTED, UNDER_EVALUATION, RETURNED, RECOGNISED, RECOGNISED_AS_POTENTIAL, REJECTED, WITHDRAWN;

    /** The status after the command, or empty when the command is not allowed in this status. */
    public Optional<ProposalStatus> after(ProposalCommand command) {
        ProposalStatus next = switch (command) {
            case Edit e -> editable() ? this : null;
            case AttachEvidence a -> editable() ? this : null;
            case Submit s -> editable() ? SUBMITTED : null;
            case Withdraw w -> this == DRAFT || this == SUBMITTED || this == RETURNED ? WITHDRAWN : null;
            case RecordEvaluation r -> this == SUBMITTED || this == UNDER_EVALUATION ? UNDER_EVALUATION : null;
            case ReturnForChanges r -> this == SUBMITTED || this == UNDER_EVALUATION ? RETURNED : null;
            case Recognise r -> this == UNDER_EVALUATION ? RECOGNISED : null;
            case RecogniseAsPotential r -> this == UNDER_EVALUATION ? RECOGNISED_AS_POTENTIAL : null;
            case Reject r -> this == UNDER_EVALUATION ? REJECTED : null;
        };
        return Optional.ofNullable(next);
    }

    /** The proposing editor may change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Waiting for the national authority. */
    public boolean awaitingReview() {
        return this == SUBMITTED || this == UNDER_EVALUATION;
    }

    public boolean closed() {
        return this == RECOGNISED || this == RECOGNISED_AS_POTENTIAL || this == REJECTED || this == WITHDRAWN;
    }
}
