package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyGraph;
import vn.ndp.registry.agencies.Tenure;
import vn.ndp.registry.catalog.internal.CatalogIndex;
import vn.ndp.registry.catalog.internal.PlatformReferenceData;
import vn.ndp.registry.catalog.internal.PlatformRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FirstBuild;
import vn.ndp.registry.shared.RegistryException;

/**
 * The catalogue's read side: one platform, search with facets, owners as of a
 * date. The search index is rebuilt from the database when the application
 * starts and kept current by {@link #reindex}. The rebuild runs on its own
 * thread while the rest of the application is created; anything that needs
 * the index waits for it, and the application accepts no request before it
 * is done ({@link #afterSingletonsInstantiated}).
 */
@Service
public class Catalog implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final PlatformRepository repository;
    private final Agencies agencies;
    private final CatalogIndex index = new CatalogIndex();
    private final FirstBuild indexBuilt;
    private final ApplicationEventPublisher events;

    Catalog(PlatformRepository repository, Agencies agencies, PlatformReferenceData referenceData,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.agencies = agencies;
        this.events = events;
        referenceData.load();
        indexBuilt = FirstBuild.start(this::rebuildIndex, FirstBuild.ownThread("catalog-index-build"));
    }

    private void rebuildIndex() {
        long started = System.nanoTime();
        index.rebuild(repository::forEach, this::ownerNames);
        log.info("Search index built: {} platforms in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The index, once the start-up rebuild is done (a failed rebuild fails every use, and the start). */
    private CatalogIndex index() {
        indexBuilt.join();
        return index;
    }

    /** Holds the start back until the index is built, so that no request is served from a partial index. */
    @Override
    public void afterSingletonsInstantiated() {
        index();
    }

    public Platform get(String code) {
        return find(code).orElseThrow(() -> RegistryException.notFound(ErrorCode.PLATFORM_NOT_FOUND, "platform", code));
    }

    /** The platform, or empty when no platform has the code. */
    public Optional<Platform> find(String code) {
        return repository.findByCode(code);
    }

    /** The platforms with these codes, by code, in one query (a code no platform has is left out). */
    public Map<String, Platform> find(Collection<String> codes) {
        return repository.findByCodes(codes).stream().collect(Collectors.toMap(Platform::code, Function.identity()));
    }

    /**
     * The platforms listed on the query's date that match it ({@link Platform#listedOn(LocalDate, LocalDate)}). Asked
     * as of a date before today, those whose listing date is unknown are neither counted nor left out silently: the
     * page names them apart ({@link PlatformPage#dateUnknown()}).
     */
    public PlatformPage search(PlatformQuery query) {
        return search(query, Undated.NAMED);
    }

    /**
     * The totals and facets of {@link #search(PlatformQuery)}, for a caller that needs only the counts: the
     * platforms of unknown listing date are counted ({@link PlatformPage#dateUnknownTotal()}) but not read, so
     * {@link PlatformPage#dateUnknown()} is empty.
     */
    public PlatformPage count(PlatformQuery query) {
        return search(query, Undated.COUNTED);
    }

    /** What a search as of an earlier day says of the platforms of unknown listing date. */
    private enum Undated {
        /**
         * Nothing: a caller walking every match ({@link #forEachMatch}) has no use for them on each of its pages, nor
         * one counting by facet ({@link #countBy}).
         */
        NONE,
        /** How many there are. */
        COUNTED,
        /** How many there are, and the first of them. */
        NAMED
    }

    /** As {@link #search(PlatformQuery)}, saying of the platforms of unknown listing date what {@code said} asks. */
    private PlatformPage search(PlatformQuery query, Undated said) {
        LocalDate today = agencies.today();
        LocalDate asOf = query.asOf() == null ? today : query.asOf();
        Set<String> owners = query.owner() == null ? null : agencies.resolvingTo(query.owner(), asOf);
        boolean past = asOf.isBefore(today);
        CatalogIndex.Result result = index().search(query, owners, asOf,
                past ? CatalogIndex.Listed.BY_DATE : CatalogIndex.Listed.BY_DATE_OR_UNKNOWN, true);
        Map<String, Platform> byCode = repository.findByCodes(result.codes()).stream()
                .collect(Collectors.toMap(Platform::code, Function.identity()));
        List<PlatformPage.Hit> hits = new ArrayList<>();
        for (String code : result.codes()) {
            Platform platform = byCode.get(code);
            if (platform != null) {
                hits.add(new PlatformPage.Hit(platform.on(asOf), ownerOn(platform, asOf)));
            }
        }
        List<Platform> dateUnknown = List.of();
        long dateUnknownTotal = 0;
        if (past && said != Undated.NONE) {
            boolean named = said == Undated.NAMED;
            CatalogIndex.Result undated = index().search(query.withPage(1, named ? PlatformQuery.MAX_SIZE : 1),
                    owners, asOf, CatalogIndex.Listed.UNKNOWN, false);
            if (named) {
                Map<String, Platform> unknown = undated.codes().isEmpty() ? Map.of() : find(undated.codes());
                dateUnknown = undated.codes().stream().map(unknown::get).filter(Objects::nonNull).toList();
            }
            dateUnknownTotal = undated.total();
        }
        return new PlatformPage(hits, result.total(), query.page(), query.size(), asOf, facets(result, asOf),
                dateUnknown, dateUnknownTotal);
    }

    /**
     * How many platforms each owner (as of the date) or category has; the platforms of unknown listing date are not
     * counted apart ({@link #count} does).
     */
    public Map<String, Long> countBy(String facet, LocalDate asOf) {
        return search(PlatformQuery.all(asOf).withPage(1, 1), Undated.NONE).counts(facet);
    }

    private Map<String, List<PlatformPage.FacetCount>> facets(CatalogIndex.Result result, LocalDate asOf) {
        Map<String, List<PlatformPage.FacetCount>> facets = new HashMap<>();
        AgencyGraph graph = agencies.graph();
        result.facets().forEach((field, counts) -> {
            Map<String, Long> values = counts;
            if (field.equals("owner")) {
                values = new HashMap<>();
                for (var entry : counts.entrySet()) {
                    values.merge(graph.resolve(entry.getKey(), asOf), entry.getValue(), Long::sum);
                }
            }
            facets.put(field, values.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new PlatformPage.FacetCount(e.getKey(), e.getValue()))
                    .toList());
        });
        return facets;
    }

    /**
     * The platform's owner on a date (today when null): the owner assigned then (before any later transfer), followed
     * through its successions to that date.
     */
    public Agency ownerOn(Platform platform, LocalDate date) {
        LocalDate on = date == null ? agencies.today() : date;
        return agencies.successorOn(platform.ownerCodeOn(on), on);
    }

    /**
     * Every owner the platform has had, oldest first, from its listing: along each assigned owner's successions
     * while it was assigned, then from a transfer's day along the next one's. A tenure that begins with a transfer
     * has no succession as its cause.
     */
    public List<Tenure> ownership(Platform platform) {
        List<Tenure> tenures = new ArrayList<>();
        for (Platform.Period period : platform.ownerPeriods()) {
            LocalDate lastDay = period.until() == null ? null : period.until().minusDays(1);
            for (Tenure t : agencies.tenures(period.value())) {
                if ((period.from() != null && t.to() != null && t.to().isBefore(period.from()))
                        || (lastDay != null && t.from() != null && t.from().isAfter(lastDay))) {
                    continue;
                }
                boolean cut = period.from() != null && (t.from() == null || t.from().isBefore(period.from()));
                LocalDate from = cut ? period.from() : t.from();
                LocalDate to = lastDay != null && (t.to() == null || t.to().isAfter(lastDay)) ? lastDay : t.to();
                tenures.add(new Tenure(t.agency(), from, to, cut ? null : t.cause()));
            }
        }
        if (platform.listingDate() != null) {
            tenures.removeIf(t -> t.to() != null && t.to().isBefore(platform.listingDate()));
        }
        return tenures;
    }

    public List<PlatformRelation> relations(String code) {
        return repository.relationsOf(code);
    }

    /** Every match of the query, in its order, ignoring its page and size. */
    public void forEachMatch(PlatformQuery query, Consumer<PlatformPage.Hit> consumer) {
        int chunk = 1000;
        long seen = 0;
        PlatformPage page;
        int n = 1;
        do {
            page = search(query.withPage(n++, chunk), Undated.NONE);
            page.items().forEach(consumer);
            seen += page.items().size();
        } while (seen < page.total() && !page.items().isEmpty());
    }

    /**
     * Every platform listed on the date ({@link Platform#listedOn(LocalDate, LocalDate)}), in code order, read from
     * the database through a cursor: the same platforms as {@code forEachMatch(PlatformQuery.all(date), ...)}
     * without a search per page.
     */
    public void forEachListedOn(LocalDate date, Consumer<Platform> consumer) {
        repository.forEachListedOn(date, agencies.today(), p -> consumer.accept(p.on(date)));
    }

    /**
     * Every platform whose listing date is unknown ({@link Platform#listingDate()} null), in code order: those that
     * a view as of an earlier day can neither count nor leave out ({@link Platform#listingDateUnknownOn}).
     */
    public void forEachUndated(Consumer<Platform> consumer) {
        repository.forEachUndated(consumer);
    }

    /** Platforms that belong on {@code date} to the agency (directly or through its predecessors). */
    public List<PlatformPage.Hit> ownedBy(String agencyCode, LocalDate date) {
        List<PlatformPage.Hit> hits = new ArrayList<>();
        forEachMatch(new PlatformQuery(null, agencyCode, null, null, null, null, date, 1, PlatformQuery.MAX_SIZE,
                PlatformQuery.Sort.NAME), hits::add);
        return hits;
    }

    public long size() {
        return index().size();
    }

    /**
     * Brings the index up to date for platforms that were written, as stored (with their earlier owners and
     * statuses, which the written objects may not carry).
     */
    public void reindex(List<Platform> written) {
        List<String> codes = written.stream().map(Platform::code).toList();
        for (int from = 0; from < codes.size(); from += REINDEX_CHUNK) {
            index().update(repository.findByCodes(codes.subList(from, Math.min(codes.size(), from + REINDEX_CHUNK))),
                    this::ownerNames);
        }
        events.publishEvent(new PlatformsChanged(codes));
    }

    private static final int REINDEX_CHUNK = 5000;

    private List<String> ownerNames(String ownerCode) {
        Set<String> names = new LinkedHashSet<>();
        for (Tenure tenure : agencies.tenures(ownerCode)) {
            if (tenure.agency() != null) {
                names.add(tenure.agency().nameVi());
                if (tenure.agency().nameEn() != null) {
                    names.add(tenure.agency().nameEn());
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public void destroy() throws Exception {
        indexBuilt.awaitEnd();
        index.close();
    }
}
