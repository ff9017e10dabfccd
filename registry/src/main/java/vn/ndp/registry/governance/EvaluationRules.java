package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.InvalidParameters;

/** Checks an evaluation against the configured criteria groups: one result for each, comments where it falls short. */
final class EvaluationRules {

    static final int MAX_COMMENT = 4000;

    private EvaluationRules() {
    }

    static void check(Evaluation evaluation, List<String> criteria, InvalidParameters invalid) {
        if (evaluation == null) {
            invalid.reject("evaluation", "is required: a result for each criteria group.");
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Evaluation.CriterionResult r : evaluation.results()) {
            String name = "criterion." + r.criterion();
            if (r.criterion() == null || !criteria.contains(r.criterion())) {
                invalid.reject(name, "is not one of the criteria groups " + criteria + ".");
                continue;
            }
            // a repeat is said once, and its result and comment are not checked again: each problem named once
            if (!seen.add(r.criterion())) {
                if (repeated.add(r.criterion())) {
                    invalid.reject(name, "is given more than once.");
                }
                continue;
            }
            if (r.result() == null) {
                invalid.reject(name, "needs a result: meets, partly_meets, does_not_meet or not_applicable.");
            } else if ((r.result() == Evaluation.Result.PARTLY_MEETS || r.result() == Evaluation.Result.DOES_NOT_MEET)
                    && (r.comment() == null || r.comment().isBlank())) {
                invalid.reject(name, "needs a comment saying what falls short.");
            }
            if (r.comment() != null && r.comment().length() > MAX_COMMENT) {
                invalid.reject(name, "comment must be at most " + MAX_COMMENT + " characters.");
            }
        }
        for (String criterion : criteria) {
            if (!seen.contains(criterion)) {
                invalid.reject("criterion." + criterion, "has no result.");
            }
        }
        if (evaluation.securityLevel() == null || evaluation.securityLevel() < 1 || evaluation.securityLevel() > 5) {
            invalid.reject("security_level", "is required: the level under Decree 85/2016/NĐ-CP, 1 to 5.");
        }
        if (evaluation.securityDossierApproved() == null) {
            invalid.reject("security_dossier_approved", "is required: whether the security dossier is approved.");
        }
        if (evaluation.summary() != null && evaluation.summary().length() > MAX_COMMENT) {
            invalid.reject("summary", "must be at most " + MAX_COMMENT + " characters.");
        }
    }

    /** A required free text (reason, legal basis, decision number), at most {@code max} characters. */
    static String text(InvalidParameters invalid, String name, String value, int max) {
        if (value == null || value.isBlank()) {
            invalid.reject(name, "is required.");
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            invalid.reject(name, "must be at most " + max + " characters.");
        }
        return clean;
    }

    /**
     * A document's date as given (a security dossier's approval): a day that has come, as every document date is. A
     * value that is no date is left to the field's own check.
     */
    static void notAfterToday(InvalidParameters invalid, PlatformField field, String value, LocalDate today) {
        LocalDate date = value == null ? null : PlatformField.date(new InvalidParameters(), field.wireName(), value);
        PlatformField.notAfterToday(invalid, field, date, today);
    }
}
