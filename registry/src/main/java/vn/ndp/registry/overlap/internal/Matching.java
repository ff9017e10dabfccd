package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.OverlapReport.Reason;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.overlap.Verdict;
import vn.ndp.registry.shared.FoldedSearch;

/** One check of a description against an index: scores, verdicts and the reasons a person can read. */
public final class Matching {

    private static final int MAX_TERMS = 6;

    private final OverlapIndex index;
    private final OverlapSettings settings;
    private final Analyzer analyzer;

    public Matching(OverlapIndex index, OverlapSettings settings) {
        this.index = index;
        this.settings = settings;
        this.analyzer = index.analyzer();
    }

    /** The description against every entry but the one with code {@code excluding} (null: none). */
    public OverlapReport check(PlatformDescription description, String excluding) {
        Analyzer.Analysis name = analyzer.analyze(description.name());
        List<Analyzer.Analysis> functions = description.functions().stream().map(analyzer::analyze).toList();
        Map<String, Double> raw = new HashMap<>();
        OverlapIndex.addField(raw, name, settings.nameBoost(), settings);
        OverlapIndex.addField(raw, analyzer.analyze(description.description()), 1.0, settings);
        OverlapIndex.addField(raw, analyzer.analyze(description.users()), 0.5, settings);
        functions.forEach(f -> OverlapIndex.addField(raw, f, settings.functionsBoost(), settings));
        Map<String, Double> query = index.weigh(raw);
        List<String> written = new ArrayList<>(List.of(nullToEmpty(description.name()), nullToEmpty(description.description()),
                nullToEmpty(description.users())));
        written.addAll(description.functions());
        Map<String, Analyzer.Feature> asWritten = surfaces(written);
        Map<String, Double> nameRaw = new HashMap<>();
        OverlapIndex.addField(nameRaw, name, 1.0, settings);

        List<OverlapReport.Match> matches = new ArrayList<>();
        for (OverlapIndex.Scored scored : index.search(query, index.weigh(nameRaw), settings.reportScore(), settings.topN(),
                excluding)) {
            matches.add(explain(scored, description, name, functions, query, asWritten));
        }
        Verdict verdict = matches.isEmpty() ? Verdict.DISTINCT : matches.getFirst().verdict();
        return new OverlapReport(verdict, matches, index.size());
    }

    Verdict verdict(double score) {
        if (score >= settings.duplicateScore()) {
            return Verdict.DUPLICATE;
        }
        return score >= settings.overlapScore() ? Verdict.OVERLAPPING : Verdict.DISTINCT;
    }

    private OverlapReport.Match explain(OverlapIndex.Scored scored, PlatformDescription description,
            Analyzer.Analysis queryName, List<Analyzer.Analysis> functions, Map<String, Double> query,
            Map<String, Analyzer.Feature> asWritten) {
        CorpusEntry entry = scored.entry();
        Map<String, Analyzer.Feature> entryName = surfaces(Arrays.asList(entry.nameVi(), entry.nameEn()));
        List<String> texts = new ArrayList<>();
        texts.add(entry.nameVi());
        texts.add(entry.descriptionVi());
        texts.addAll(entry.functions());
        texts.add(entry.nameEn());
        texts.add(entry.descriptionEn());
        Map<String, Analyzer.Feature> entryAll = surfaces(texts);

        List<String> shared = query.keySet().stream().filter(entryAll::containsKey)
                .sorted(Comparator.comparingDouble((String f) -> -query.get(f) * index.idf(f))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<Reason> reasons = new ArrayList<>();
        List<String> nameShared = shared.stream()
                .filter(f -> entryName.containsKey(f) && queryName.features().containsKey(f)).toList();
        List<String> nameTerms = terms(nameShared, entryName, asWritten);
        if (!nameTerms.isEmpty()) {
            reasons.add(new Reason(Reason.Kind.NAME, null, nameTerms));
        }
        for (int i = 0; i < functions.size(); i++) {
            Analyzer.Analysis function = functions.get(i);
            double all = 0;
            double matched = 0;
            List<String> matchedFeatures = new ArrayList<>();
            for (String f : function.features().keySet()) {
                double w = index.idf(f) * index.idf(f);
                all += w;
                if (entryAll.containsKey(f)) {
                    matched += w;
                    matchedFeatures.add(f);
                }
            }
            if (all > 0 && matched / all >= settings.functionMatch()) {
                matchedFeatures.sort(Comparator.comparingDouble((String f) -> -index.idf(f))
                        .thenComparing(Comparator.naturalOrder()));
                reasons.add(new Reason(Reason.Kind.FUNCTION, description.functions().get(i),
                        terms(matchedFeatures, entryAll, asWritten)));
            }
        }
        Set<String> inName = new HashSet<>(nameShared);
        List<String> descriptionTerms = terms(shared.stream().filter(f -> !inName.contains(f)).toList(), entryAll,
                asWritten);
        descriptionTerms.removeAll(nameTerms);
        if (!descriptionTerms.isEmpty()) {
            reasons.add(new Reason(Reason.Kind.DESCRIPTION, null, descriptionTerms));
        }
        if (description.owner() != null && description.owner().strip().equalsIgnoreCase(entry.ownerCode())) {
            reasons.add(new Reason(Reason.Kind.SAME_OWNER, null, List.of(entry.ownerCode())));
        }
        double score = Math.round(scored.score() * 1000) / 1000.0;
        return new OverlapReport.Match(entry, score, verdict(scored.score()), reasons, terms(shared, entryAll, asWritten));
    }

    /** First surface of each feature over the texts, in order: Vietnamese before English. */
    private Map<String, Analyzer.Feature> surfaces(List<String> texts) {
        Map<String, Analyzer.Feature> surfaces = new LinkedHashMap<>();
        for (String text : texts) {
            analyzer.analyze(text).features().forEach(surfaces::putIfAbsent);
        }
        return surfaces;
    }

    /**
     * The shared features as the entry writes them, most telling first: word pairs, then single syllables not already
     * inside a chosen pair. A feature is cited only where both sides wrote the same word ({@link #sameWord}): the score
     * folds diacritics, so that a description typed without them still matches, but "Cổng" and "công" are not one word
     * to a reader, and a syllable that a phrase stands for ("công" of "citizen", mapped to "công dân") is no word of it.
     */
    private static List<String> terms(List<String> features, Map<String, Analyzer.Feature> surfaces,
            Map<String, Analyzer.Feature> asWritten) {
        List<String> terms = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (boolean pairs : new boolean[] {true, false}) {
            for (String f : features) {
                Analyzer.Feature feature = surfaces.get(f);
                if (feature == null || feature.pair() != pairs || !sameWord(f, asWritten.get(f), feature)) {
                    continue;
                }
                String surface = feature.surface().strip();
                String key = FoldedSearch.fold(surface);
                if (folded.stream().anyMatch(k -> k.contains(key)) || terms.size() >= MAX_TERMS) {
                    continue;
                }
                folded.removeIf(key::contains);
                terms.removeIf(t -> key.contains(FoldedSearch.fold(t)));
                folded.add(key);
                terms.add(surface);
            }
        }
        return terms;
    }

    /**
     * Whether the description and the entry wrote feature {@code f} as one word. Where a side's text is a phrase mapped
     * to the feature (an abbreviation, a synonym, an English word), a word pair stands for the phrase and is cited, a
     * single syllable is not. Where both wrote the word itself, it is the same word unless both wrote diacritics and
     * they differ.
     */
    static boolean sameWord(String f, Analyzer.Feature written, Analyzer.Feature entry) {
        if (written == null) {
            return false;
        }
        String word = f.charAt(0) == Analyzer.PAIR ? f.substring(1) : f;
        boolean writtenLiterally = FoldedSearch.fold(written.surface()).equals(word);
        boolean entryLiterally = FoldedSearch.fold(entry.surface()).equals(word);
        if (!writtenLiterally || !entryLiterally) {
            return entry.pair();
        }
        String one = written.surface().strip().toLowerCase(Locale.ROOT);
        String other = entry.surface().strip().toLowerCase(Locale.ROOT);
        return one.equals(other) || one.equals(word) || other.equals(word);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
