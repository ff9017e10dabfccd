package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapSettings;

/**
 * An immutable inverted index of the corpus: for each feature the entries that
 * have it with its TF-IDF weight, and each entry's vector length. Scores are
 * cosine similarities between IDF-weighted feature vectors, so they lie in
 * [0, 1] whatever the size of the corpus and the cut-offs stay meaningful.
 * Rebuilt whole on refresh; 10,000 entries take well under a second.
 */
public final class OverlapIndex {

    private final Analyzer analyzer;
    private final OverlapSettings settings;
    private final List<CorpusEntry> entries;
    private final Map<String, Posting> postings;
    private final double[] norms;
    private final Map<String, Posting> namePostings;
    private final double[] nameNorms;
    private final double unseenIdf;

    private record Posting(double idf, int[] docs, float[] weights) {
    }

    /** An entry and its score against a query. */
    public record Scored(CorpusEntry entry, double score) {
    }

    private OverlapIndex(Analyzer analyzer, OverlapSettings settings, List<CorpusEntry> entries,
            Map<String, Posting> postings, double[] norms, Map<String, Posting> namePostings, double[] nameNorms) {
        this.analyzer = analyzer;
        this.settings = settings;
        this.entries = entries;
        this.postings = postings;
        this.norms = norms;
        this.namePostings = namePostings;
        this.nameNorms = nameNorms;
        this.unseenIdf = idf(entries.size(), 0);
    }

    /** Analyses the entries in parallel (the bulk of the work); the result does not depend on their order. */
    public static OverlapIndex build(Analyzer analyzer, OverlapSettings settings, List<CorpusEntry> entries) {
        List<Counts> analysed = entries.parallelStream().map(entry -> counts(analyzer, settings, entry)).toList();
        List<Map<String, Double>> counts = new ArrayList<>(entries.size());
        List<Map<String, Double>> nameCounts = new ArrayList<>(entries.size());
        Map<String, Integer> df = new HashMap<>();
        for (Counts c : analysed) {
            nameCounts.add(c.name());
            counts.add(c.all());
            c.all().keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        int n = entries.size();
        double[] norms = new double[n];
        double[] nameNorms = new double[n];
        Map<String, Posting> postings = invert(counts, df, n, norms);
        return new OverlapIndex(analyzer, settings, List.copyOf(entries), postings, norms,
                invert(nameCounts, df, n, nameNorms), nameNorms);
    }

    /** An entry's raw feature counts: its names alone, and every field weighted. */
    private record Counts(Map<String, Double> name, Map<String, Double> all) {
    }

    private static Counts counts(Analyzer analyzer, OverlapSettings settings, CorpusEntry entry) {
        Analyzer.Analysis nameVi = analyzer.analyze(entry.nameVi());
        Analyzer.Analysis nameEn = analyzer.analyze(entry.nameEn());
        Map<String, Double> name = new HashMap<>();
        addField(name, nameVi, 1.0, settings);
        addField(name, nameEn, 1.0, settings);
        return new Counts(name, rawCounts(analyzer, settings, entry, nameVi, nameEn));
    }

    private static Map<String, Posting> invert(List<Map<String, Double>> counts, Map<String, Integer> df, int n,
            double[] norms) {
        Map<String, Integer> sizes = new HashMap<>();
        counts.forEach(c -> c.keySet().forEach(f -> sizes.merge(f, 1, Integer::sum)));
        Map<String, int[]> docs = new HashMap<>(sizes.size() * 2);
        Map<String, float[]> weights = new HashMap<>(sizes.size() * 2);
        Map<String, Integer> filled = new HashMap<>(sizes.size() * 2);
        sizes.forEach((f, size) -> {
            docs.put(f, new int[size]);
            weights.put(f, new float[size]);
        });
        for (int doc = 0; doc < n; doc++) {
            double sum = 0;
            for (var e : counts.get(doc).entrySet()) {
                String f = e.getKey();
                double w = idf(n, df.get(f)) * tf(e.getValue());
                int at = filled.merge(f, 1, Integer::sum) - 1;
                docs.get(f)[at] = doc;
                weights.get(f)[at] = (float) w;
                sum += w * w;
            }
            norms[doc] = Math.sqrt(sum);
        }
        Map<String, Posting> postings = new HashMap<>(sizes.size() * 2);
        sizes.forEach((f, size) -> postings.put(f, new Posting(idf(n, df.get(f)), docs.get(f), weights.get(f))));
        return postings;
    }

    /** Every field of an entry, weighted: name, functions and description, in both languages. */
    private static Map<String, Double> rawCounts(Analyzer analyzer, OverlapSettings settings, CorpusEntry entry,
            Analyzer.Analysis nameVi, Analyzer.Analysis nameEn) {
        Map<String, Double> raw = new HashMap<>();
        addField(raw, nameVi, settings.nameBoost(), settings);
        addField(raw, nameEn, settings.nameBoost(), settings);
        addField(raw, analyzer.analyze(entry.descriptionVi()), 1.0, settings);
        addField(raw, analyzer.analyze(entry.descriptionEn()), 1.0, settings);
        for (String function : entry.functions()) {
            addField(raw, analyzer.analyze(function), settings.functionsBoost(), settings);
        }
        return raw;
    }

    static void addField(Map<String, Double> raw, Analyzer.Analysis analysis, double boost,
            OverlapSettings settings) {
        analysis.features().forEach((f, feature) -> raw.merge(f,
                boost * feature.count() * (feature.pair() ? 1.0 : settings.syllableWeight()), Double::sum));
    }

    static double tf(double raw) {
        return Math.log1p(raw);
    }

    static double idf(int n, int df) {
        return Math.log1p((n - df + 0.5) / (df + 0.5));
    }

    public int size() {
        return entries.size();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The IDF of a feature; features no entry has get the highest. */
    public double idf(String feature) {
        Posting posting = postings.get(feature);
        return posting == null ? unseenIdf : posting.idf();
    }

    /** TF-IDF weights of a query's raw feature counts. */
    public Map<String, Double> weigh(Map<String, Double> raw) {
        Map<String, Double> vector = new HashMap<>(raw.size() * 2);
        raw.forEach((f, count) -> vector.put(f, idf(f) * tf(count)));
        return vector;
    }

    /**
     * Entries scoring at least {@code min}, best first, at most {@code limit}.
     * The score is the cosine of the whole query with the whole entry, raised
     * towards the cosine of the two names when the names agree better (a
     * proposal named like an existing platform is most likely the same one,
     * however differently its description reads).
     */
    public List<Scored> search(Map<String, Double> query, Map<String, Double> queryName, double min, int limit) {
        double queryNorm = norm(query);
        if (queryNorm == 0 || entries.isEmpty()) {
            return List.of();
        }
        double[] dots = dots(postings, query);
        double nameNorm = norm(queryName);
        double[] nameDots = nameNorm == 0 ? null : dots(namePostings, queryName);
        double nameWeight = settings.nameWeight();
        java.util.Comparator<Scored> worstFirst = java.util.Comparator.comparingDouble(Scored::score)
                .thenComparing(sc -> sc.entry().code(), java.util.Comparator.reverseOrder());
        java.util.PriorityQueue<Scored> best = new java.util.PriorityQueue<>(limit + 1, worstFirst);
        for (int doc = 0; doc < dots.length; doc++) {
            if (dots[doc] == 0) {
                continue;
            }
            double score = dots[doc] / (queryNorm * norms[doc]);
            if (nameDots != null && nameDots[doc] > 0) {
                double names = nameDots[doc] / (nameNorm * nameNorms[doc]);
                score = Math.max(score, nameWeight * names + (1 - nameWeight) * score);
            }
            if (score < min || (best.size() == limit && score < best.peek().score())) {
                continue;
            }
            best.add(new Scored(entries.get(doc), score));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Scored> scored = new ArrayList<>(best);
        scored.sort(worstFirst.reversed());
        return scored;
    }

    private double[] dots(Map<String, Posting> index, Map<String, Double> query) {
        double[] dots = new double[entries.size()];
        for (var e : query.entrySet()) {
            Posting posting = index.get(e.getKey());
            if (posting == null) {
                continue;
            }
            double qw = e.getValue();
            int[] docs = posting.docs();
            float[] weights = posting.weights();
            for (int i = 0; i < docs.length; i++) {
                dots[docs[i]] += qw * weights[i];
            }
        }
        return dots;
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double w : vector.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }
}
