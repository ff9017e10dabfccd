package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.util.Map;
import vn.ndp.registry.catalog.PlatformField;

/**
 * Everything that can be asked of a proposal. Which command is legal in which
 * status is decided in one place, {@link ProposalStatus#after}; who may issue
 * it by {@link #byEditor()}.
 */
public sealed interface ProposalCommand {

    /** Editors of the proposing agency issue these; the national authority's reviewers the others. */
    default boolean byEditor() {
        return switch (this) {
            case Edit e -> true;
            case AttachEvidence a -> true;
            case Submit s -> true;
            case Withdraw w -> true;
            case RecordEvaluation r -> false;
            case ReturnForChanges r -> false;
            case Recognise r -> false;
            case RecogniseAsPotential r -> false;
            case Reject r -> false;
        };
    }

    /** Replaces the proposed catalogue fields. */
    record Edit(Map<PlatformField, String> fields) implements ProposalCommand {
        public Edit {
            fields = Map.copyOf(fields);
        }
    }

    record AttachEvidence(String fileName, byte[] content) implements ProposalCommand {
    }

    record Submit() implements ProposalCommand {
    }

    record Withdraw() implements ProposalCommand {
    }

    record RecordEvaluation(Evaluation evaluation) implements ProposalCommand {
    }

    record ReturnForChanges(String reason) implements ProposalCommand {
    }

    /** The recognition decision: its number, date and issuer. */
    record Recognise(String decisionNumber, LocalDate decisionDate, String issuer) implements ProposalCommand {
    }

    record RecogniseAsPotential(String decisionNumber, LocalDate decisionDate, String issuer)
            implements ProposalCommand {
    }

    record Reject(String reason) implements ProposalCommand {
    }
}
