package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapSettings;

/**
 * An immutable inverted index of the corpus: for each feature the entries that
 * have it with its TF weight, and for each entry the sums its vector length is
 * made of. Scores are cosine similarities between IDF-weighted feature vectors,
 * so they lie in [0, 1] whatever the size of the corpus and the cut-offs stay
 * meaningful.
 * <p>
 * One entry can be added, replaced or taken out ({@link #with}, {@link #without})
 * without building the index again, and the result is exactly the index a full
 * {@link #build} of the same entries gives, so a check returns the same report
 * either way. Adding or removing an entry changes the IDF of every feature
 * (through the corpus size) and of its own features (through their document
 * frequency), and so the length of every vector. The IDF is therefore applied
 * when a check runs, {@code idf = log(n + 1) - log(df + 0.5)} (the BM25 IDF),
 * and each entry keeps its squared length as three sums, over its features, of
 * {@code tf²}, {@code log(df + 0.5)·tf²} and {@code log(df + 0.5)²·tf²}; the
 * length for the current {@code n} follows from them. A change of {@code n}
 * then costs nothing, and a change of one feature's {@code df} adjusts the
 * sums of the entries that have it. The sums are kept in fixed point, so that
 * adding and subtracting terms in any order gives the same bits as summing
 * them afresh.
 * <p>
 * A change copies the per-entry arrays and the postings of the changed entry's
 * features, and shares the rest with the index it came from, which checks
 * under way keep using.
 */
public final class OverlapIndex {

    /** Fixed-point scale of the per-entry sums: about 2.3e-10 per term, far below a reported score's 0.001. */
    private static final double SCALE = 0x1p32;

    private final Analyzer analyzer;
    private final OverlapSettings settings;
    private final int size;
    /** By slot; null where an entry was taken out since the last full build. */
    private final CorpusEntry[] entries;
    private final Layered<Integer> slots;
    /** Every field, weighted; document frequencies come from here. */
    private final Field all;
    /** The names alone. */
    private final Field names;
    private final double unseenIdf;

    /** The slots that have a feature, with its TF in each. */
    private record Posting(int[] slots, float[] tfs) {

        int df() {
            return slots.length;
        }

        static Posting plus(Posting posting, int slot, float tf) {
            if (posting == null) {
                return new Posting(new int[] {slot}, new float[] {tf});
            }
            int n = posting.slots.length;
            int[] slots = Arrays.copyOf(posting.slots, n + 1);
            float[] tfs = Arrays.copyOf(posting.tfs, n + 1);
            slots[n] = slot;
            tfs[n] = tf;
            return new Posting(slots, tfs);
        }

        /**
         * With {@code slot} at {@code tf}, or without it when {@code tf} is null: itself when that is no change,
         * and sharing the slots when only the TF changes.
         */
        static Posting replace(Posting posting, int slot, Float tf) {
            int at = posting == null ? -1 : posting.indexOf(slot);
            if (tf == null) {
                return at < 0 ? posting : posting.minus(slot);
            }
            if (at < 0) {
                return plus(posting, slot, tf);
            }
            if (posting.tfs[at] == tf) {
                return posting;
            }
            float[] tfs = posting.tfs.clone();
            tfs[at] = tf;
            return new Posting(posting.slots, tfs);
        }

        private int indexOf(int slot) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == slot) {
                    return i;
                }
            }
            return -1;
        }

        /** Without {@code slot}; null when nothing is left. */
        Posting minus(int slot) {
            int at = 0;
            while (slots[at] != slot) {
                at++;
            }
            if (slots.length == 1) {
                return null;
            }
            int[] s = new int[slots.length - 1];
            float[] t = new float[slots.length - 1];
            System.arraycopy(slots, 0, s, 0, at);
            System.arraycopy(slots, at + 1, s, at, s.length - at);
            System.arraycopy(tfs, 0, t, 0, at);
            System.arraycopy(tfs, at + 1, t, at, t.length - at);
            return new Posting(s, t);
        }
    }

    /**
     * One kind of vector (every field, or the names): postings, and per slot the fixed-point sums
     * {@code Σ tf²}, {@code Σ l·tf²}, {@code Σ l²·tf²} with {@code l = log(df + 0.5)}.
     */
    private record Field(Layered<Posting> postings, long[] squares, long[] logs, long[] logSquares) {

        double norm(int slot, double logN) {
            double sum = (logN * logN * squares[slot] - 2 * logN * logs[slot] + logSquares[slot]) / SCALE;
            return sum > 0 ? Math.sqrt(sum) : 0;
        }

        Field with(Layered<Posting> changed) {
            return new Field(changed, squares, logs, logSquares);
        }

        Field copy(int length) {
            return new Field(postings, Arrays.copyOf(squares, length), Arrays.copyOf(logs, length),
                    Arrays.copyOf(logSquares, length));
        }

        void add(int slot, float tf, int df) {
            double l = logDf(df);
            double t2 = (double) tf * tf;
            squares[slot] += fixed(t2);
            logs[slot] += fixed(l * t2);
            logSquares[slot] += fixed(l * l * t2);
        }

        void clear(int slot) {
            squares[slot] = 0;
            logs[slot] = 0;
            logSquares[slot] = 0;
        }

        /** The entries of {@code posting} see their feature's document frequency go from {@code from} to {@code to}. */
        void reweigh(Posting posting, int from, int to) {
            if (posting == null) {
                return;
            }
            double l0 = logDf(from);
            double l1 = logDf(to);
            for (int i = 0; i < posting.slots.length; i++) {
                int slot = posting.slots[i];
                double t2 = (double) posting.tfs[i] * posting.tfs[i];
                logs[slot] += fixed(l1 * t2) - fixed(l0 * t2);
                logSquares[slot] += fixed(l1 * l1 * t2) - fixed(l0 * l0 * t2);
            }
        }
    }

    private static long fixed(double value) {
        return Math.round(value * SCALE);
    }

    private static double logDf(int df) {
        return Math.log(df + 0.5);
    }

    /** An entry and its score against a query. */
    public record Scored(CorpusEntry entry, double score) {
    }

    private OverlapIndex(Analyzer analyzer, OverlapSettings settings, int size, CorpusEntry[] entries,
            Layered<Integer> slots, Field all, Field names) {
        this.analyzer = analyzer;
        this.settings = settings;
        this.size = size;
        this.entries = entries;
        this.slots = slots;
        this.all = all;
        this.names = names;
        this.unseenIdf = idf(size, 0);
    }

    /** Analyses the entries in parallel (the bulk of the work); the result does not depend on their order. */
    public static OverlapIndex build(Analyzer analyzer, OverlapSettings settings, List<CorpusEntry> entries) {
        List<Counts> analysed = entries.parallelStream().map(entry -> counts(analyzer, settings, entry)).toList();
        Map<String, Integer> df = new HashMap<>();
        for (Counts c : analysed) {
            c.all().keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        int n = entries.size();
        Map<String, Integer> slots = new HashMap<>(n * 2);
        for (int slot = 0; slot < n; slot++) {
            slots.put(entries.get(slot).code(), slot);
        }
        return new OverlapIndex(analyzer, settings, n, entries.toArray(CorpusEntry[]::new), Layered.of(slots),
                invert(analysed.stream().map(Counts::all).toList(), df),
                invert(analysed.stream().map(Counts::name).toList(), df));
    }

    /** An entry's TF per feature: its names alone, and every field weighted (a name's features are among these). */
    private record Counts(Map<String, Float> name, Map<String, Float> all) {
    }

    private static Counts counts(Analyzer analyzer, OverlapSettings settings, CorpusEntry entry) {
        Analyzer.Analysis nameVi = analyzer.analyze(entry.nameVi());
        Analyzer.Analysis nameEn = analyzer.analyze(entry.nameEn());
        Map<String, Double> name = new HashMap<>();
        addField(name, nameVi, 1.0, settings);
        addField(name, nameEn, 1.0, settings);
        return new Counts(tfs(name), tfs(rawCounts(analyzer, settings, entry, nameVi, nameEn)));
    }

    private static Map<String, Float> tfs(Map<String, Double> raw) {
        Map<String, Float> tfs = new HashMap<>(raw.size() * 2);
        raw.forEach((f, count) -> tfs.put(f, (float) tf(count)));
        return tfs;
    }

    private static Field invert(List<Map<String, Float>> tfs, Map<String, Integer> df) {
        int n = tfs.size();
        Map<String, Integer> sizes = new HashMap<>();
        tfs.forEach(c -> c.keySet().forEach(f -> sizes.merge(f, 1, Integer::sum)));
        Map<String, Posting> postings = new HashMap<>(sizes.size() * 2);
        sizes.forEach((f, size) -> postings.put(f, new Posting(new int[size], new float[size])));
        Map<String, Integer> filled = new HashMap<>(sizes.size() * 2);
        Field field = new Field(Layered.of(postings), new long[n], new long[n], new long[n]);
        for (int slot = 0; slot < n; slot++) {
            for (var e : tfs.get(slot).entrySet()) {
                String f = e.getKey();
                Posting posting = postings.get(f);
                int at = filled.merge(f, 1, Integer::sum) - 1;
                posting.slots()[at] = slot;
                posting.tfs()[at] = e.getValue();
                field.add(slot, e.getValue(), df.get(f));
            }
        }
        return field;
    }

    /**
     * This index with {@code entry} added, or put in place of the entry with its code: the same index as a full
     * build over the entries with this change, at the cost of the entry's features and the entries sharing them.
     */
    public OverlapIndex with(CorpusEntry entry) {
        Integer slot = slots.get(entry.code());
        if (slot == null) {
            return add(entry, entries.length);
        }
        return entry.equals(entries[slot]) ? this : replace(slot, entry);
    }

    /**
     * {@code entry} in place of the one in {@code slot}: the index {@code without(code).add(entry, slot)} gives,
     * in one copy of the per-entry arrays. A feature both versions have keeps its document frequency, so only its
     * TF in this slot changes; one only the old version had loses the slot, one only the new one has gains it, and
     * the other entries with such a feature are reweighed once for its new document frequency.
     */
    private OverlapIndex replace(int slot, CorpusEntry entry) {
        Counts before = counts(analyzer, settings, entries[slot]);
        Counts after = counts(analyzer, settings, entry);
        CorpusEntry[] changedEntries = entries.clone();
        changedEntries[slot] = entry;
        Field changedAll = all.copy(entries.length);
        Field changedNames = names.copy(entries.length);
        Map<String, Posting> allPostings = new HashMap<>();
        Map<String, Posting> namePostings = new HashMap<>();
        Set<String> features = new HashSet<>(before.all().keySet());
        features.addAll(after.all().keySet());
        for (String f : features) {
            Posting posting = all.postings().get(f);
            Posting namePosting = names.postings().get(f);
            int df = posting == null ? 0 : posting.df();
            int changedDf = df + (after.all().containsKey(f) ? 1 : 0) - (before.all().containsKey(f) ? 1 : 0);
            if (changedDf != df) {
                // this slot's own terms are reweighed here too, and then cleared below
                changedAll.reweigh(posting, df, changedDf);
                changedNames.reweigh(namePosting, df, changedDf);
            }
            putIfChanged(allPostings, f, posting, Posting.replace(posting, slot, after.all().get(f)));
            putIfChanged(namePostings, f, namePosting, Posting.replace(namePosting, slot, after.name().get(f)));
        }
        changedAll.clear(slot);
        changedNames.clear(slot);
        after.all().forEach((f, tf) -> {
            int df = allPostings.containsKey(f) ? allPostings.get(f).df() : all.postings().get(f).df();
            changedAll.add(slot, tf, df);
            Float nameTf = after.name().get(f);
            if (nameTf != null) {
                changedNames.add(slot, nameTf, df);
            }
        });
        return new OverlapIndex(analyzer, settings, size, changedEntries, slots,
                changedAll.with(all.postings().with(allPostings)),
                changedNames.with(names.postings().with(namePostings)));
    }

    private static void putIfChanged(Map<String, Posting> changes, String feature, Posting from, Posting to) {
        if (to != from) {
            changes.put(feature, to);
        }
    }

    private OverlapIndex add(CorpusEntry entry, int slot) {
        Counts counts = counts(analyzer, settings, entry);
        int length = Math.max(entries.length, slot + 1);
        CorpusEntry[] changedEntries = Arrays.copyOf(entries, length);
        changedEntries[slot] = entry;
        Field changedAll = all.copy(length);
        Field changedNames = names.copy(length);
        Map<String, Posting> allPostings = new HashMap<>();
        Map<String, Posting> namePostings = new HashMap<>();
        counts.all().forEach((f, tf) -> {
            Posting posting = all.postings().get(f);
            Posting namePosting = names.postings().get(f);
            int df = posting == null ? 0 : posting.df();
            changedAll.reweigh(posting, df, df + 1);
            changedNames.reweigh(namePosting, df, df + 1);
            allPostings.put(f, Posting.plus(posting, slot, tf));
            changedAll.add(slot, tf, df + 1);
            Float nameTf = counts.name().get(f);
            if (nameTf != null) {
                namePostings.put(f, Posting.plus(namePosting, slot, nameTf));
                changedNames.add(slot, nameTf, df + 1);
            }
        });
        return new OverlapIndex(analyzer, settings, size + 1, changedEntries,
                slots.with(Collections.singletonMap(entry.code(), slot)),
                changedAll.with(all.postings().with(allPostings)),
                changedNames.with(names.postings().with(namePostings)));
    }

    /** This index without the entry with {@code code} (itself when there is none), as a full build without it. */
    public OverlapIndex without(String code) {
        Integer slot = slots.get(code);
        if (slot == null) {
            return this;
        }
        Counts counts = counts(analyzer, settings, entries[slot]);
        CorpusEntry[] changedEntries = entries.clone();
        changedEntries[slot] = null;
        Field changedAll = all.copy(entries.length);
        Field changedNames = names.copy(entries.length);
        changedAll.clear(slot);
        changedNames.clear(slot);
        Map<String, Posting> allPostings = new HashMap<>();
        Map<String, Posting> namePostings = new HashMap<>();
        counts.all().keySet().forEach(f -> {
            Posting posting = all.postings().get(f);
            int df = posting.df();
            Posting remaining = posting.minus(slot);
            changedAll.reweigh(remaining, df, df - 1);
            allPostings.put(f, remaining);
            Posting namePosting = names.postings().get(f);
            if (counts.name().containsKey(f)) {
                namePosting = namePosting.minus(slot);
                namePostings.put(f, namePosting);
            }
            changedNames.reweigh(namePosting, df, df - 1);
        });
        return new OverlapIndex(analyzer, settings, size - 1, changedEntries,
                slots.with(Collections.singletonMap(code, null)),
                changedAll.with(all.postings().with(allPostings)),
                changedNames.with(names.postings().with(namePostings)));
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

    /** {@code log1p((n - df + 0.5) / (df + 0.5))}, written as the difference the per-entry sums rely on. */
    static double idf(int n, int df) {
        return Math.log(n + 1.0) - logDf(df);
    }

    public int size() {
        return size;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The IDF of a feature; features no entry has get the highest. */
    public double idf(String feature) {
        Posting posting = all.postings().get(feature);
        return posting == null ? unseenIdf : idf(size, posting.df());
    }

    /** TF-IDF weights of a query's raw feature counts. */
    public Map<String, Double> weigh(Map<String, Double> raw) {
        Map<String, Double> vector = new HashMap<>(raw.size() * 2);
        raw.forEach((f, count) -> vector.put(f, idf(f) * tf(count)));
        return vector;
    }

    /**
     * Entries scoring at least {@code min}, best first, at most {@code limit}, leaving out the entry with code
     * {@code excluding} (null: none) before the limit applies.
     * The score is the cosine of the whole query with the whole entry, raised
     * towards the cosine of the two names when the names agree better (a
     * proposal named like an existing platform is most likely the same one,
     * however differently its description reads).
     */
    public List<Scored> search(Map<String, Double> query, Map<String, Double> queryName, double min, int limit,
            String excluding) {
        double queryNorm = norm(query);
        if (queryNorm == 0 || size == 0) {
            return List.of();
        }
        double logN = Math.log(size + 1.0);
        double[] dots = dots(all, query);
        double nameNorm = norm(queryName);
        double[] nameDots = nameNorm == 0 ? null : dots(names, queryName);
        double nameWeight = settings.nameWeight();
        Comparator<Scored> worstFirst = Comparator.comparingDouble(Scored::score)
                .thenComparing(sc -> sc.entry().code(), Comparator.reverseOrder());
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, worstFirst);
        for (int slot = 0; slot < dots.length; slot++) {
            double norm = dots[slot] == 0 ? 0 : all.norm(slot, logN);
            if (norm == 0) {
                continue;
            }
            double score = dots[slot] / (queryNorm * norm);
            if (nameDots != null && nameDots[slot] > 0) {
                double entryNameNorm = names.norm(slot, logN);
                if (entryNameNorm > 0) {
                    double nameScore = nameDots[slot] / (nameNorm * entryNameNorm);
                    score = Math.max(score, nameWeight * nameScore + (1 - nameWeight) * score);
                }
            }
            if (score < min || (best.size() == limit && score < best.peek().score())
                    || entries[slot].code().equals(excluding)) {
                continue;
            }
            best.add(new Scored(entries[slot], score));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Scored> scored = new ArrayList<>(best);
        scored.sort(worstFirst.reversed());
        return scored;
    }

    private double[] dots(Field field, Map<String, Double> query) {
        double[] dots = new double[entries.length];
        for (var e : query.entrySet()) {
            Posting posting = field.postings().get(e.getKey());
            if (posting == null) {
                continue;
            }
            double qw = e.getValue() * idf(e.getKey());
            int[] slots = posting.slots();
            float[] tfs = posting.tfs();
            for (int i = 0; i < slots.length; i++) {
                dots[slots[i]] += qw * tfs[i];
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
