package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.catalog.PlatformField;

/**
 * A proposal taken through the workflow in process, step by step, for tests that need one at a given step: drafted,
 * submitted, evaluated with every criterion the desk is configured with met, recognised.
 */
final class ProposalFlow {

    private ProposalFlow() {
    }

    /** A central government platform's fields, named and described as given; the map can be added to. */
    static Map<PlatformField, String> platform(String nameVi, String descriptionVi) {
        return new EnumMap<>(Map.of(PlatformField.NAME_VI, nameVi, PlatformField.DESCRIPTION_VI, descriptionVi,
                PlatformField.CATEGORY, "government", PlatformField.TYPE, "platform", PlatformField.SCOPES,
                "central"));
    }

    /** {@code draft} submitted by {@code editor}. */
    static Proposal submitted(RecognitionDesk desk, Proposal draft, CurrentUser editor) {
        return desk.handle(draft.id(), draft.version(), new ProposalCommand.Submit(), editor);
    }

    /**
     * {@code submitted} evaluated by {@code reviewer}: each of the desk's criteria met ("Đạt"), security level 3, its
     * dossier approved.
     */
    static Proposal evaluated(RecognitionDesk desk, Proposal submitted, CurrentUser reviewer) {
        List<Evaluation.CriterionResult> results = desk.settings().criteria().stream()
                .map(c -> new Evaluation.CriterionResult(c, Evaluation.Result.MEETS, "Đạt")).toList();
        return desk.handle(submitted.id(), submitted.version(), new ProposalCommand.RecordEvaluation(
                new Evaluation(results, 3, true, "Đạt")), reviewer);
    }

    /** {@code draft} submitted, evaluated and recognised by decision 7/QĐ-BKHCN of 05/01/2026. */
    static Proposal recognised(RecognitionDesk desk, Proposal draft, CurrentUser editor, CurrentUser reviewer) {
        Proposal p = evaluated(desk, submitted(desk, draft, editor), reviewer);
        return desk.handle(p.id(), p.version(), new ProposalCommand.Recognise("7/QĐ-BKHCN", LocalDate.of(2026, 1, 5),
                null), reviewer);
    }
}
