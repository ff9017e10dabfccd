package vn.ndp.registry.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.catalog.Scope;
import vn.ndp.registry.shared.FoldedSearch;

/**
 * The in-process Lucene index of the catalogue. Rebuilt from PostgreSQL at
 * start and updated on change; every registry node keeps its own. Answers a
 * {@link PlatformQuery} with the matching codes of one page, the exact total
 * and facet counts (by original owner; the caller maps owners to a date).
 */
public final class CatalogIndex implements AutoCloseable {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String TEXT = "text";
    static final String OWNER = "owner";
    static final String CATEGORY = "category";
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String SCOPE = "scope";
    static final String LISTED = "listed";
    static final String NAME_SORT = "name_sort";
    static final String CODE_SORT = "code_sort";
    static final List<String> SINGLE_FACETS = List.of(OWNER, CATEGORY, TYPE, STATUS);
    /**
     * Per owner code and status, the days a platform had it ({@code owner@BTC}, {@code status@IN_USE}: one range of
     * epoch days per period), so that "owner X / status S as of D" is one indexed range query per value.
     */
    static final String PERIOD = "@";
    /** A platform's earlier periods of owner or status ("from to value", epoch days), for facets as of a day. */
    static final String PAST = "_past";

    private final Analyzer analyzer = new FoldingAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public CatalogIndex() {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with what {@code source} feeds. */
    public void rebuild(Consumer<Consumer<Platform>> source, OwnerNames ownerNames) {
        try {
            writer.deleteAll();
            source.accept(p -> add(p, ownerNames));
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void update(Collection<Platform> platforms, OwnerNames ownerNames) {
        try {
            for (Platform p : platforms) {
                writer.updateDocument(new Term(CODE, p.code()), document(p, ownerNames));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Platform p, OwnerNames ownerNames) {
        try {
            writer.addDocument(document(p, ownerNames));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of every agency that ever owned a platform first owned by the given code. */
    @FunctionalInterface
    public interface OwnerNames {
        List<String> of(String ownerCode);
    }

    private static Document document(Platform p, OwnerNames ownerNames) {
        Document doc = new Document();
        doc.add(new StringField(CODE, p.code(), Field.Store.YES));
        doc.add(new SortedDocValuesField(CODE_SORT, new BytesRef(p.code())));
        String names = join(p.nameVi(), p.nameEn());
        doc.add(new TextField(NAME, FoldingAnalyzer.nfc(names), Field.Store.NO));
        List<String> text = new ArrayList<>(List.of(names, p.code()));
        text.add(p.descriptionVi());
        text.add(p.descriptionEn());
        text.add(p.operator().name());
        text.add(p.developer());
        text.addAll(p.tags());
        List<Platform.Period> owners = p.ownerPeriods();
        for (String owner : owners.stream().map(Platform.Period::value).distinct().toList()) {
            text.addAll(ownerNames.of(owner));
        }
        doc.add(new TextField(TEXT, FoldingAnalyzer.nfc(join(text.toArray(String[]::new))), Field.Store.NO));
        keyword(doc, OWNER, p.ownerCode());
        keyword(doc, CATEGORY, p.category().name());
        keyword(doc, TYPE, p.type().name());
        keyword(doc, STATUS, p.status().name());
        periods(doc, OWNER, owners);
        periods(doc, STATUS, p.statusPeriods());
        for (Scope scope : p.scopes()) {
            doc.add(new StringField(SCOPE, scope.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(SCOPE, new BytesRef(scope.name())));
        }
        doc.add(new LongPoint(LISTED, p.listingDate() == null ? UNKNOWN : p.listingDate().toEpochDay()));
        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(FoldedSearch.fold(p.nameVi()))));
        return doc;
    }

    /** Indexes each period of the field's values; one past a single period keeps the earlier ones for facets. */
    private static void periods(Document doc, String field, List<Platform.Period> periods) {
        for (Platform.Period period : periods) {
            long from = period.from() == null ? Long.MIN_VALUE : period.from().toEpochDay();
            long to = period.until() == null ? Long.MAX_VALUE : period.until().toEpochDay() - 1;
            doc.add(new LongRange(field + PERIOD + period.value(), new long[] {from}, new long[] {to}));
            if (periods.size() > 1 && period.until() != null) {
                doc.add(new SortedSetDocValuesField(field + PAST,
                        new BytesRef(from + " " + to + " " + period.value())));
            }
        }
    }

    /** Documents whose field had one of the values on the day. */
    private static Query heldOn(String field, Collection<String> values, LocalDate day) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        long[] point = {day.toEpochDay()};
        for (String value : values) {
            any.add(LongRange.newIntersectsQuery(field + PERIOD + value, point, point), Occur.SHOULD);
        }
        return any.build();
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                sb.append(part).append('\n');
            }
        }
        return sb.toString();
    }

    public record Result(List<String> codes, long total, Map<String, Map<String, Long>> facets) {
    }

    /** The listing date indexed for a platform whose listing date is unknown ({@link Platform#listingDate()}). */
    static final long UNKNOWN = Long.MIN_VALUE;

    /** Which platforms a search keeps by their listing date, as of its date. */
    public enum Listed {
        /** Those listed on or before the date, and those whose listing date is unknown (asked as of today). */
        BY_DATE_OR_UNKNOWN,
        /** Those listed on or before the date only (asked as of an earlier date). */
        BY_DATE,
        /** Those whose listing date is unknown only. */
        UNKNOWN;

        long from() {
            return this == BY_DATE ? CatalogIndex.UNKNOWN + 1 : CatalogIndex.UNKNOWN;
        }

        long to(LocalDate asOf) {
            return this == UNKNOWN ? CatalogIndex.UNKNOWN : asOf.toEpochDay();
        }
    }

    /**
     * @param owners original owner codes to keep (null = any); the caller has
     *     expanded an as-of owner to the codes that resolve to it
     * @param listed which platforms to keep by their listing date
     */
    public Result search(PlatformQuery query, Set<String> owners, LocalDate asOf, Listed listed, boolean withFacets) {
        int offset = (query.page() - 1) * query.size();
        int wanted = offset + query.size();
        IndexSearcher searcher = acquire();
        try {
            // Pass 1 counts every match and its facets without scoring; pass 2 ranks, and may skip documents
            // that cannot reach the page (block-max WAND), because it needs no exact total.
            // Every word first (a conjunction, cheap even for common syllables); only if nothing has them all,
            // accept matches missing one word in four.
            boolean strict = true;
            FacetCounter.Counts counts = searcher.search(query(query, owners, asOf, listed, false, true),
                    new FacetCounter.Manager(withFacets, asOf));
            if (counts.total() == 0 && query.q() != null && tokens(query.q()).size() > 2) {
                strict = false;
                counts = searcher.search(query(query, owners, asOf, listed, false, false),
                        new FacetCounter.Manager(withFacets, asOf));
            }
            if (counts.total() <= offset) {
                return new Result(List.of(), counts.total(), counts.facets());
            }
            CollectorManager<? extends Collector, ? extends TopDocs> top = switch (query.sort()) {
                case RELEVANCE -> new TopScoreDocCollectorManager(wanted, wanted);
                case NAME -> new TopFieldCollectorManager(new Sort(new SortField(NAME_SORT, SortField.Type.STRING),
                        new SortField(CODE_SORT, SortField.Type.STRING)), wanted, wanted);
                case CODE -> new TopFieldCollectorManager(new Sort(new SortField(CODE_SORT, SortField.Type.STRING)),
                        wanted, wanted);
            };
            TopDocs topDocs = searcher.search(query(query, owners, asOf, listed,
                    query.sort() == PlatformQuery.Sort.RELEVANCE, strict), top);
            List<String> codes = new ArrayList<>(query.size());
            StoredFields stored = searcher.storedFields();
            ScoreDoc[] docs = topDocs.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                codes.add(stored.document(docs[i].doc, Set.of(CODE)).get(CODE));
            }
            return new Result(codes, counts.total(), counts.facets());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Up to this many words a query may be a name: names are boosted per word and as a phrase. */
    static final int MAX_NAME_TOKENS = 8;

    Query query(PlatformQuery query, Set<String> owners, LocalDate asOf) {
        return query(query, owners, asOf, Listed.BY_DATE_OR_UNKNOWN, true, false);
    }

    /**
     * @param ranked false for the cheapest query with the same matches (the text field alone, which holds the
     *     names and the code too), true for the scoring one (names and code boosted, names as a phrase)
     * @param everyWord whether every word must match, or one in four may be missing (three words or more)
     */
    Query query(PlatformQuery query, Set<String> owners, LocalDate asOf, Listed listed, boolean ranked,
            boolean everyWord) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        List<String> tokens = query.q() == null ? List.of() : tokens(query.q());
        if (tokens.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            builder.add(textQuery(tokens, ranked, everyWord), Occur.MUST);
            if (ranked && tokens.size() > 1) {
                builder.add(new BoostQuery(new PhraseQuery(1, NAME, tokens.toArray(String[]::new)), 3f),
                        Occur.SHOULD);
            }
        }
        if (owners != null) {
            builder.add(heldOn(OWNER, owners, asOf), Occur.FILTER);
        }
        filter(builder, CATEGORY, query.category());
        filter(builder, TYPE, query.type());
        if (query.status() != null) {
            builder.add(heldOn(STATUS, List.of(query.status().name()), asOf), Occur.FILTER);
        }
        filter(builder, SCOPE, query.scope());
        builder.add(LongPoint.newRangeQuery(LISTED, listed.from(), listed.to(asOf)), Occur.FILTER);
        return builder.build();
    }

    /**
     * Abbreviations common in Vietnamese administration, folded; a query token
     * that is one also matches its words as a phrase ("csdl" finds "cơ sở dữ liệu").
     */
    static final Map<String, String[]> ABBREVIATIONS = Map.ofEntries(
            Map.entry("csdl", new String[] {"co", "so", "du", "lieu"}),
            Map.entry("httt", new String[] {"he", "thong", "thong", "tin"}),
            Map.entry("cntt", new String[] {"cong", "nghe", "thong", "tin"}),
            Map.entry("dvc", new String[] {"dich", "vu", "cong"}),
            Map.entry("dvctt", new String[] {"dich", "vu", "cong", "truc", "tuyen"}),
            Map.entry("tthc", new String[] {"thu", "tuc", "hanh", "chinh"}),
            Map.entry("hddt", new String[] {"hoa", "don", "dien", "tu"}),
            Map.entry("tmdt", new String[] {"thuong", "mai", "dien", "tu"}),
            Map.entry("bhxh", new String[] {"bao", "hiem", "xa", "hoi"}),
            Map.entry("bhyt", new String[] {"bao", "hiem", "y", "te"}),
            Map.entry("ubnd", new String[] {"uy", "ban", "nhan", "dan"}),
            Map.entry("cqdt", new String[] {"chinh", "quyen", "dien", "tu"}),
            Map.entry("qg", new String[] {"quoc", "gia"}));

    /** Every token must match, or (not everyWord, three or more tokens) one in four may be missing. */
    private static Query textQuery(List<String> tokens, boolean ranked, boolean everyWord) {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String token : tokens) {
            String[] expansion = ABBREVIATIONS.get(token);
            List<Query> alternatives = new ArrayList<>();
            alternatives.add(new TermQuery(new Term(TEXT, token)));
            if (expansion != null) {
                alternatives.add(new PhraseQuery(TEXT, expansion));
            }
            // a description-like query scores on the text field alone (it holds the names too): a disjunction
            // with the name field for every one of many words costs more than it changes the order
            if (ranked && tokens.size() <= MAX_NAME_TOKENS) {
                alternatives.add(new BoostQuery(new TermQuery(new Term(NAME, token)), 3f));
                if (tokens.size() == 1) { // a code is one token; longer queries never equal one
                    alternatives.add(new BoostQuery(new TermQuery(new Term(CODE, token.toUpperCase())), 5f));
                }
                if (expansion != null) {
                    alternatives.add(new BoostQuery(new PhraseQuery(NAME, expansion), 3f));
                }
            }
            Query clause = alternatives.size() == 1 ? alternatives.getFirst()
                    : new DisjunctionMaxQuery(alternatives, 0.1f);
            // every word: a conjunction, which leapfrogs from the rarest word instead of walking every
            // posting list as a minimum-should-match over common syllables would
            terms.add(clause, everyWord || tokens.size() <= 2 ? Occur.MUST : Occur.SHOULD);
        }
        int n = tokens.size();
        if (!everyWord && n > 2) {
            terms.setMinimumNumberShouldMatch(n - n / 4);
        }
        return terms.build();
    }

    private static void filter(BooleanQuery.Builder builder, String field, Enum<?> value) {
        if (value != null) {
            builder.add(new TermQuery(new Term(field, value.name())), Occur.FILTER);
        }
    }

    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, FoldingAnalyzer.nfc(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Counts matches per facet value from doc values, per segment, then by term. */
    static final class FacetCounter implements Collector {

        private final boolean facets;
        private final long day;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();
        private long total;

        FacetCounter(boolean facets, LocalDate asOf) {
            this.facets = facets;
            this.day = asOf.toEpochDay();
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (!facets) {
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        total++;
                    }
                };
            }
            List<SortedDocValues> singles = new ArrayList<>();
            List<SortedSetDocValues> pasts = new ArrayList<>();
            List<long[]> singleCounts = new ArrayList<>();
            for (String field : SINGLE_FACETS) {
                SortedDocValues values = DocValues.getSorted(context.reader(), field);
                singles.add(values);
                pasts.add(field.equals(OWNER) || field.equals(STATUS)
                        ? DocValues.getSortedSet(context.reader(), field + PAST) : null);
                singleCounts.add(new long[values.getValueCount()]);
            }
            SortedSetDocValues scopes = DocValues.getSortedSet(context.reader(), SCOPE);
            long[] scopeCounts = new long[(int) scopes.getValueCount()];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < singles.size(); i++) {
                        String earlier = pasts.get(i) == null ? null : earlierOn(pasts.get(i), doc);
                        if (earlier != null) {
                            counts.computeIfAbsent(SINGLE_FACETS.get(i), k -> new HashMap<>()).merge(earlier, 1L,
                                    Long::sum);
                            continue;
                        }
                        SortedDocValues values = singles.get(i);
                        if (values.advanceExact(doc)) {
                            singleCounts.get(i)[values.ordValue()]++;
                        }
                    }
                    if (scopes.advanceExact(doc)) {
                        for (int i = 0; i < scopes.docValueCount(); i++) {
                            scopeCounts[(int) scopes.nextOrd()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < singles.size(); i++) {
                        long[] c = singleCounts.get(i);
                        Map<String, Long> byValue = counts.computeIfAbsent(SINGLE_FACETS.get(i), k -> new HashMap<>());
                        for (int ord = 0; ord < c.length; ord++) {
                            if (c[ord] > 0) {
                                byValue.merge(singles.get(i).lookupOrd(ord).utf8ToString(), c[ord], Long::sum);
                            }
                        }
                    }
                    Map<String, Long> byScope = counts.computeIfAbsent(SCOPE, k -> new HashMap<>());
                    for (int ord = 0; ord < scopeCounts.length; ord++) {
                        if (scopeCounts[ord] > 0) {
                            byScope.merge(scopes.lookupOrd(ord).utf8ToString(), scopeCounts[ord], Long::sum);
                        }
                    }
                }
            };
        }

        /** The earlier value the document had on the day ("from to value" periods), null when it had its current one. */
        private String earlierOn(SortedSetDocValues past, int doc) throws IOException {
            if (!past.advanceExact(doc)) {
                return null;
            }
            for (int i = 0; i < past.docValueCount(); i++) {
                String[] period = past.lookupOrd(past.nextOrd()).utf8ToString().split(" ", 3);
                if (Long.parseLong(period[0]) <= day && day <= Long.parseLong(period[1])) {
                    return period[2];
                }
            }
            return null;
        }

        record Counts(long total, Map<String, Map<String, Long>> facets) {
        }

        static final class Manager implements CollectorManager<FacetCounter, Counts> {

            private final boolean facets;
            private final LocalDate asOf;

            Manager(boolean facets, LocalDate asOf) {
                this.facets = facets;
                this.asOf = asOf;
            }

            @Override
            public FacetCounter newCollector() {
                return new FacetCounter(facets, asOf);
            }

            @Override
            public Counts reduce(Collection<FacetCounter> collectors) {
                long total = 0;
                Map<String, Map<String, Long>> merged = new HashMap<>();
                for (FacetCounter c : collectors) {
                    total += c.total;
                    c.counts.forEach((field, values) -> values.forEach((value, n) ->
                            merged.computeIfAbsent(field, k -> new HashMap<>()).merge(value, n, Long::sum)));
                }
                return new Counts(total, merged);
            }
        }
    }
}
