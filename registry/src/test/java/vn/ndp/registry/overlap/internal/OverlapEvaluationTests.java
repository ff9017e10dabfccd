package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.Verdict;

/** The labelled evaluation set must keep meeting the goals, so a regression fails the build. */
class OverlapEvaluationTests {

    @Test
    void theEvaluationSetIsLargeEnoughAndLabelsEveryKindOfCase() {
        Evaluation evaluation = Evaluation.standard();
        assertThat(evaluation.cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(evaluation.cases()).extracting(Evaluation.Case::expect)
                .contains(Verdict.DUPLICATE, Verdict.OVERLAPPING, Verdict.DISTINCT);
        assertThat(evaluation.fixtures()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(CorpusEntry.Kind.EVALUATION_FIXTURE);
            assertThat(f.code()).startsWith("EVAL-");
        });
        var known = new java.util.HashSet<String>();
        Evaluation.referencePlatforms().forEach(p -> known.add(p.code()));
        evaluation.fixtures().forEach(f -> known.add(f.code()));
        assertThat(evaluation.cases()).allSatisfy(c -> assertThat(known).containsAll(c.codes()));
    }

    @Test
    void overlapCheckMeetsItsQualityGoals() {
        OverlapSettings settings = OverlapSettings.defaults();
        Evaluation.Result result = Evaluation.standard().run(settings);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Evaluation.print(result, settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.all().top1Accuracy()).as(report).isGreaterThanOrEqualTo(Evaluation.TOP1_GOAL);
        assertThat(result.all().falseAlarmRate()).as(report).isLessThanOrEqualTo(Evaluation.FALSE_ALARM_GOAL);
        assertThat(result.all().recallAt3()).as(report).isGreaterThanOrEqualTo(0.9);
    }
}
