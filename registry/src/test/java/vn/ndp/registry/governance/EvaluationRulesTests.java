package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.governance.Evaluation.CriterionResult;
import vn.ndp.registry.governance.Evaluation.Result;
import vn.ndp.registry.shared.InvalidParameters;

/** An evaluation's results checked against the criteria groups, each problem named once. */
class EvaluationRulesTests {

    private static final List<String> CRITERIA = List.of("legal", "technical");

    private static List<String> problems(CriterionResult... results) {
        InvalidParameters invalid = new InvalidParameters();
        EvaluationRules.check(new Evaluation(List.of(results), 3, true, null), CRITERIA, invalid);
        return invalid.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void aCriterionGivenTwiceWithoutItsCommentsIsNamedOnceForEachProblem() {
        List<String> problems = problems(new CriterionResult("legal", Result.MEETS, null),
                new CriterionResult("technical", Result.PARTLY_MEETS, null),
                new CriterionResult("technical", Result.PARTLY_MEETS, null),
                new CriterionResult("technical", Result.DOES_NOT_MEET, null));

        assertThat(problems).containsExactly(
                "criterion.technical: needs a comment saying what falls short.",
                "criterion.technical: is given more than once.");
    }

    @Test
    void aCompleteEvaluationHasNoProblem() {
        assertThat(problems(new CriterionResult("legal", Result.MEETS, null),
                new CriterionResult("technical", Result.PARTLY_MEETS, "Chưa kết nối NDXP."))).isEmpty();
    }
}
