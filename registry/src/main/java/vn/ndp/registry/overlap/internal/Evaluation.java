package vn.ndp.registry.overlap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.overlap.Verdict;
import vn.ndp.registry.shared.InvalidParameters;

/**
 * The labelled evaluation of the overlap check ({@code overlap/evaluation.json}).
 * The corpus is the shipped reference platforms ({@code reference/platforms.csv})
 * plus the set's evaluation fixtures, so the numbers do not depend on what a
 * database happens to hold.
 * <ul>
 * <li><b>top-1</b>: duplicate cases whose best match is an expected platform and is flagged;</li>
 * <li><b>recall@3</b>: expected platforms of duplicate and overlapping cases found flagged among the first three;</li>
 * <li><b>false alarms</b>: distinct cases that got a duplicate or overlapping verdict.</li>
 * </ul>
 */
public final class Evaluation {

    public static final double TOP1_GOAL = 0.9;
    public static final double FALSE_ALARM_GOAL = 0.1;

    /** One labelled case. */
    public record Case(String id, String split, Verdict expect, List<String> codes, List<String> also,
            PlatformDescription input) {
    }

    /** How a case came out. */
    public record Outcome(Case testCase, OverlapReport report, boolean passed, String problem) {
    }

    /** The figures for a set of outcomes. */
    public record Figures(int duplicates, int top1, int expectedCodes, int recalled, int distinct, int falseAlarms,
            int verdictAgreed, int cases) {

        public double top1Accuracy() {
            return duplicates == 0 ? 1 : (double) top1 / duplicates;
        }

        public double recallAt3() {
            return expectedCodes == 0 ? 1 : (double) recalled / expectedCodes;
        }

        public double falseAlarmRate() {
            return distinct == 0 ? 0 : (double) falseAlarms / distinct;
        }

        public double verdictAgreement() {
            return cases == 0 ? 1 : (double) verdictAgreed / cases;
        }

        public boolean meetsGoals() {
            return top1Accuracy() >= TOP1_GOAL && falseAlarmRate() <= FALSE_ALARM_GOAL;
        }
    }

    /** Outcomes of every case, and the figures overall and per split. */
    public record Result(List<Outcome> outcomes, Figures all, Figures dev, Figures test, int corpusSize) {
    }

    private record Json(String about, List<FixtureJson> fixtures, List<CaseJson> cases) {
    }

    private record FixtureJson(String code, String nameVi, String nameEn, String descriptionVi,
            String descriptionEn, List<String> functions, String ownerCode, String category) {
    }

    private record CaseJson(String id, String split, String expect, List<String> codes, List<String> also,
            InputJson input) {
    }

    private record InputJson(String name, String description, List<String> functions, String users, String owner,
            String category) {
    }

    private final List<CorpusEntry> fixtures;
    private final List<Case> cases;

    private Evaluation(List<CorpusEntry> fixtures, List<Case> cases) {
        this.fixtures = fixtures;
        this.cases = cases;
    }

    /** The shipped evaluation set. */
    public static Evaluation standard() {
        try (InputStream in = resource("overlap/evaluation.json")) {
            Json json = JsonMapper.builder().build().readValue(in, Json.class);
            List<CorpusEntry> fixtures = json.fixtures().stream()
                    .map(f -> new CorpusEntry(f.code(), f.nameVi(), f.nameEn(), f.descriptionVi(),
                            f.descriptionEn(), f.functions(), f.ownerCode(), f.category(),
                            CorpusEntry.Kind.EVALUATION_FIXTURE))
                    .toList();
            List<Case> cases = json.cases().stream()
                    .map(c -> new Case(c.id(), c.split(), Verdict.valueOf(c.expect().toUpperCase(Locale.ROOT)),
                            c.codes() == null ? List.of() : c.codes(), c.also() == null ? List.of() : c.also(),
                            new PlatformDescription(c.input().name(), c.input().description(),
                                    c.input().functions(), c.input().users(), c.input().owner(),
                                    InvalidParameters.Wire.parse(Category.class, c.input().category()))))
                    .toList();
            return new Evaluation(fixtures, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Case> cases() {
        return cases;
    }

    public List<CorpusEntry> fixtures() {
        return fixtures;
    }

    /** The reference platforms as shipped in {@code reference/platforms.csv}. */
    public static List<CorpusEntry> referencePlatforms() {
        try (InputStream in = resource("reference/platforms.csv");
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<CorpusEntry> entries = new ArrayList<>();
            for (CSVRecord row : parser) {
                entries.add(new CorpusEntry(row.get("code"), row.get("name_vi"), blank(row.get("name_en")),
                        blank(row.get("description_vi")), blank(row.get("description_en")), List.of(),
                        row.get("owner_code"), row.get("category"), CorpusEntry.Kind.NATIONAL));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A detector over the reference platforms and the fixtures, with the given settings. */
    public OverlapDetector detector(OverlapSettings settings) {
        List<CorpusEntry> corpus = new ArrayList<>(referencePlatforms());
        corpus.addAll(fixtures);
        return OverlapDetector.of(settings, consumer -> corpus.forEach(consumer));
    }

    public Result run(OverlapSettings settings) {
        OverlapDetector detector = detector(settings);
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            outcomes.add(judge(c, detector.check(c.input())));
        }
        return new Result(outcomes, figures(outcomes, null), figures(outcomes, "dev"), figures(outcomes, "test"),
                detector.corpusSize());
    }

    private static Outcome judge(Case c, OverlapReport report) {
        List<OverlapReport.Match> flagged = report.matches().stream().filter(m -> m.verdict().flagged()).toList();
        List<String> top3 = flagged.stream().limit(3).map(m -> m.platform().code()).toList();
        String problem = null;
        switch (c.expect()) {
            case DUPLICATE -> {
                if (flagged.isEmpty() || !c.codes().contains(report.matches().getFirst().platform().code())) {
                    problem = "best match is not " + c.codes();
                }
            }
            case OVERLAPPING -> {
                if (!top3.containsAll(c.codes())) {
                    problem = "top 3 misses " + c.codes().stream().filter(code -> !top3.contains(code)).toList();
                }
            }
            case DISTINCT -> {
                if (report.verdict().flagged()) {
                    problem = "false alarm";
                }
            }
        }
        return new Outcome(c, report, problem == null, problem);
    }

    private static Figures figures(List<Outcome> outcomes, String split) {
        int duplicates = 0;
        int top1 = 0;
        int expected = 0;
        int recalled = 0;
        int distinct = 0;
        int falseAlarms = 0;
        int agreed = 0;
        int count = 0;
        for (Outcome o : outcomes) {
            Case c = o.testCase();
            if (split != null && !split.equals(c.split())) {
                continue;
            }
            count++;
            OverlapReport report = o.report();
            if (report.verdict() == c.expect()) {
                agreed++;
            }
            List<String> top3 = report.matches().stream().filter(m -> m.verdict().flagged()).limit(3)
                    .map(m -> m.platform().code()).toList();
            if (c.expect() == Verdict.DISTINCT) {
                distinct++;
                if (report.verdict().flagged()) {
                    falseAlarms++;
                }
                continue;
            }
            expected += c.codes().size();
            recalled += (int) c.codes().stream().filter(top3::contains).count();
            if (c.expect() == Verdict.DUPLICATE) {
                duplicates++;
                if (report.verdict().flagged() && c.codes().contains(report.matches().getFirst().platform().code())) {
                    top1++;
                }
            }
        }
        return new Figures(duplicates, top1, expected, recalled, distinct, falseAlarms, agreed, count);
    }

    /** The figures and every failing case, as {@code ./ndp eval overlap} prints them. */
    public static void print(Result result, OverlapSettings settings, PrintStream out) {
        out.printf("Overlap check evaluation: %d cases against %d platforms (reference platforms + evaluation "
                + "fixtures)%n", result.outcomes().size(), result.corpusSize());
        out.printf("Cut-offs: duplicate >= %.2f, overlapping >= %.2f%n%n", settings.duplicateScore(),
                settings.overlapScore());
        out.println("                              all     dev    test   goal");
        line(out, "top-1 accuracy (duplicates)", result, Figures::top1Accuracy, ">= 0.90");
        line(out, "recall@3 (dup + overlap)", result, Figures::recallAt3, "");
        line(out, "false-alarm rate (distinct)", result, Figures::falseAlarmRate, "<= 0.10");
        line(out, "verdict agreement", result, Figures::verdictAgreement, "");
        Figures all = result.all();
        out.printf("%n%d duplicate, %d distinct cases; %d of %d expected platforms recalled%n", all.duplicates(),
                all.distinct(), all.recalled(), all.expectedCodes());
        List<Outcome> failing = result.outcomes().stream().filter(o -> !o.passed()).toList();
        out.printf("%nFailing cases: %d%n", failing.size());
        for (Outcome o : failing) {
            Case c = o.testCase();
            out.printf("  %-28s [%s] expected %s %s: %s; got %s%n", c.id(), c.split(),
                    c.expect().name().toLowerCase(Locale.ROOT), c.codes(), o.problem(), summary(o.report()));
        }
        out.printf("%nGoals %s.%n", all.meetsGoals() ? "met" : "NOT met");
    }

    static String summary(OverlapReport report) {
        List<String> parts = report.matches().stream().limit(3)
                .map(m -> String.format(Locale.ROOT, "%s %.3f %s", m.platform().code(), m.score(),
                        m.verdict().name().toLowerCase(Locale.ROOT)))
                .toList();
        return parts.isEmpty() ? "no match" : String.join(", ", parts);
    }

    private static void line(PrintStream out, String label, Result r,
            java.util.function.ToDoubleFunction<Figures> f, String goal) {
        out.printf(Locale.ROOT, "%-28s %6.2f  %6.2f  %6.2f   %s%n", label, f.applyAsDouble(r.all()),
                f.applyAsDouble(r.dev()), f.applyAsDouble(r.test()), goal);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static InputStream resource(String name) {
        InputStream in = Evaluation.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }
}
