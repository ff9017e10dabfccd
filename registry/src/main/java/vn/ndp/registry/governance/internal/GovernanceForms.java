package vn.ndp.registry.governance.internal;

import java.util.UUID;
import org.springframework.util.MultiValueMap;
import vn.ndp.registry.governance.ProposalCommand;
import vn.ndp.registry.shared.web.PostedForm;

/**
 * The names of the governance pages' forms, by which a refused form is shown again with what was posted
 * ({@link PostedForm}): a reviewer who mistyped a date does not lose the decision's number and reason, nor an editor
 * the draft's changes. The decision and the return both have a reason, and one is not the other's; on the home page
 * each pending change request has its own decision form, named by the request's id.
 */
final class GovernanceForms {

    static final String EDIT = "edit";
    static final String EVALUATION = "evaluation";
    static final String RETURN = "return";
    static final String DECISION = "decision";
    static final String STANDING = "standing";
    /** Forms with nothing typed to show again (a file, a button), named so that a refused one is taken for no other. */
    static final String DOCUMENTS = "documents";
    static final String SUBMIT = "submit";
    static final String WITHDRAW = "withdraw";

    private GovernanceForms() {
    }

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
            case ProposalCommand.AttachEvidence a -> DOCUMENTS;
            case ProposalCommand.Submit s -> SUBMIT;
            case ProposalCommand.Withdraw w -> WITHDRAW;
        };
        return new PostedForm(name, values);
    }
}
