package vn.ndp.registry.governance.internal;

import java.util.UUID;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.ndp.registry.governance.ProposalCommand;

/**
 * What one of the governance pages' forms posted, shown again when it was refused, so that a reviewer who mistyped a
 * date does not lose the decision's number and reason, nor an editor the draft's changes. Only the form that was
 * posted shows its values: the decision and the return both have a reason, and one is not the other's; on the home
 * page each pending change request has its own decision form, named by the request's id.
 */
public record PostedForm(String name, MultiValueMap<String, String> values) {

    static final PostedForm NONE = new PostedForm("", new LinkedMultiValueMap<>());

    static final String EDIT = "edit";
    static final String EVALUATION = "evaluation";
    static final String RETURN = "return";
    static final String DECISION = "decision";
    static final String STANDING = "standing";

    /** The decision form of one pending change request; the page names it {@code 'change-' + id} too. */
    static PostedForm changeDecision(UUID id, MultiValueMap<String, String> values) {
        return new PostedForm("change-" + id, values);
    }

    /** The form that posts {@code command}. */
    static PostedForm of(ProposalCommand command, MultiValueMap<String, String> values) {
        String name = switch (command) {
            case ProposalCommand.Edit edit -> EDIT;
            case ProposalCommand.RecordEvaluation evaluation -> EVALUATION;
            case ProposalCommand.ReturnForChanges ret -> RETURN;
            case ProposalCommand.Recognise r -> DECISION;
            case ProposalCommand.RecogniseAsPotential r -> DECISION;
            case ProposalCommand.Reject r -> DECISION;
            case ProposalCommand.AttachEvidence a -> "documents";
            case ProposalCommand.Submit s -> "submit";
            case ProposalCommand.Withdraw w -> "withdraw";
        };
        return new PostedForm(name, values);
    }

    public boolean is(String form) {
        return name.equals(form);
    }

    /** What {@code field} of {@code form} was posted as, or {@code otherwise} when that form was not the one posted. */
    public String value(String form, String field, String otherwise) {
        return is(form) ? values.getFirst(field) : otherwise;
    }

    /** Whether a select of {@code form} shows {@code option} chosen: as posted, or {@code otherwise}. */
    public boolean chosen(String form, String field, String option, boolean otherwise) {
        return is(form) ? option.equals(values.getFirst(field)) : otherwise;
    }
}
