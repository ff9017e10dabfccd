package vn.ndp.registry.governance;

import java.util.List;

/**
 * A reviewer's assessment against the criteria groups of Decision
 * 1230/QĐ-BTTTT: one result and comment per group, the security level under
 * Decree 85/2016/NĐ-CP (1–5) and whether its dossier is approved.
 */
public record Evaluation(List<CriterionResult> results, Integer securityLevel, Boolean securityDossierApproved,
        String summary) {

    public Evaluation {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public record CriterionResult(String criterion, Result result, String comment) {
    }

    public enum Result {
        MEETS, PARTLY_MEETS, DOES_NOT_MEET, NOT_APPLICABLE
    }
}
