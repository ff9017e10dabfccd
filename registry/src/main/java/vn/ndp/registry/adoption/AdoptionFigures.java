package vn.ndp.registry.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import vn.ndp.registry.adoption.internal.PlanRepository;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyGraph;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.shared.FoldedSearch;

/**
 * The programme's adoption figures, computed from declarations for a year and
 * as of a date: the provinces that exist on the date (63 before 1 July 2025,
 * 34 from then), each holding its own declaration for the year and those of
 * the provinces merged into it by then. A province counts as
 * <ul>
 * <li><b>assigned</b> when a declaration for the year lists at least one platform (any status);</li>
 * <li><b>declared in a plan</b> when one of them is inside a digital-transformation plan;</li>
 * <li><b>declared by separate decision</b> when one is a separate decision of the People's Committee;</li>
 * <li><b>deploying</b> when at least one platform is being deployed or in use.</li>
 * </ul>
 * A plan whose document is dated after the date is not counted (it had not
 * been declared then). A merged province can count both "in a plan" and "by
 * decision" when its predecessors announced differently. A platform's status in a merged province
 * is the furthest any of its parts reached (in use, deploying, planned, stopped).
 */
@Service
public class AdoptionFigures {

    private final PlanRepository plans;
    private final AdoptionDesk desk;
    private final Agencies agencies;
    private final Catalog catalog;

    AdoptionFigures(PlanRepository plans, AdoptionDesk desk, Agencies agencies, Catalog catalog) {
        this.plans = plans;
        this.desk = desk;
        this.agencies = agencies;
        this.catalog = catalog;
    }

    /** How far a province got with adoption, for the map's colours. */
    public enum Level {
        /** No declaration for the year. */
        NONE,
        /** Declared, nothing deployed yet. */
        PLANNED,
        /** At least one platform being deployed, none in use. */
        DEPLOYING,
        /** At least one platform in use. */
        IN_USE
    }

    public record Kpis(int provinces, int assigned, int inPlan, int byDecision, int deploying) {
    }

    /**
     * One province on the date, with everything it holds for the year.
     *
     * @param declaredBy the provinces whose declarations it holds (itself and/or its predecessors)
     * @param statuses each platform's furthest status
     */
    public record ProvinceRow(Agency province, List<Agency> declaredBy, boolean assigned, boolean inPlan,
            boolean byDecision, boolean deploying, Map<String, AdoptionStatus> statuses, boolean sample) {

        public Level level() {
            if (statuses.containsValue(AdoptionStatus.IN_USE)) {
                return Level.IN_USE;
            }
            if (statuses.containsValue(AdoptionStatus.DEPLOYING)) {
                return Level.DEPLOYING;
            }
            return declaredBy.isEmpty() ? Level.NONE : Level.PLANNED;
        }

        public long count(AdoptionStatus status) {
            return statuses.values().stream().filter(s -> s == status).count();
        }
    }

    /** A national platform and the provinces that deploy it (being deployed or in use) or plan to. */
    public record PlatformRow(String code, String nameVi, String nameEn, Agency owner, List<Agency> deploying,
            List<Agency> planned) {
    }

    /** A ministry (as of the date) and the adoption of the platforms it owns then. */
    public record MinistryRow(Agency ministry, int platforms, int platformsDeployed, int provinceDeployments) {
    }

    public record Summary(int year, LocalDate asOf, Kpis kpis, List<ProvinceRow> provinces,
            List<PlatformRow> platforms, List<MinistryRow> ministries, boolean sample) {

        public Map<Level, Long> levels() {
            Map<Level, Long> counts = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                counts.put(level, provinces.stream().filter(p -> p.level() == level).count());
            }
            return counts;
        }
    }

    public record Trend(int year, LocalDate asOf, Kpis kpis) {
    }

    public Summary summary(int year, LocalDate asOf) {
        LocalDate date = asOf == null ? agencies.today() : asOf;
        List<ProvinceRow> rows = provinces(plans.ofYear(year), date);
        Kpis kpis = kpis(rows);
        List<PlatformRow> platforms = new ArrayList<>();
        Map<String, int[]> byOwner = new LinkedHashMap<>();
        Map<String, Agency> owners = new HashMap<>();
        catalog.forEachMatch(PlatformQuery.all(date), (PlatformPage.Hit hit) -> {
            String code = hit.platform().code();
            List<Agency> deploying = new ArrayList<>();
            List<Agency> planned = new ArrayList<>();
            for (ProvinceRow row : rows) {
                AdoptionStatus status = row.statuses().get(code);
                if (status != null && status.deploys()) {
                    deploying.add(row.province());
                } else if (status == AdoptionStatus.PLANNED) {
                    planned.add(row.province());
                }
            }
            platforms.add(new PlatformRow(code, hit.platform().nameVi(), hit.platform().nameEn(), hit.owner(),
                    deploying, planned));
            owners.put(hit.owner().code(), hit.owner());
            int[] counts = byOwner.computeIfAbsent(hit.owner().code(), k -> new int[3]);
            counts[0]++;
            counts[1] += deploying.isEmpty() ? 0 : 1;
            counts[2] += deploying.size();
        });
        platforms.sort(Comparator.comparing((PlatformRow p) -> -p.deploying().size())
                .thenComparing(p -> -p.planned().size()).thenComparing(PlatformRow::code));
        List<MinistryRow> ministries = new ArrayList<>();
        byOwner.forEach((code, c) -> ministries.add(new MinistryRow(owners.get(code), c[0], c[1], c[2])));
        ministries.sort(Comparator.comparing((MinistryRow m) -> -m.provinceDeployments())
                .thenComparing(FoldedSearch.byFolded(m -> m.ministry().nameVi())));
        return new Summary(year, date, kpis, rows, platforms, ministries, rows.stream().anyMatch(ProvinceRow::sample));
    }

    /** The figures for each year that has declarations, each as of the end of that year (or {@code asOf} if earlier). */
    public List<Trend> trend(LocalDate asOf) {
        LocalDate date = asOf == null ? agencies.today() : asOf;
        List<Trend> trend = new ArrayList<>();
        for (int year : plans.years()) {
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate on = end.isBefore(date) ? end : date;
            if (on.getYear() < year) {
                continue;
            }
            trend.add(new Trend(year, on, kpis(provinces(plans.ofYear(year), on))));
        }
        return trend;
    }

    public List<Integer> years() {
        Set<Integer> years = new TreeSet<>(plans.years());
        years.add(agencies.today().getYear());
        return List.copyOf(years);
    }

    /**
     * Rolls the year's declarations up to the provinces that exist on the date, leaving out those declared after it
     * by the rule a province's own view as of the date follows ({@link AdoptionPlan#declaredBy}, as in
     * {@link AdoptionDesk#history}): figures as of a past date count only what had been declared by then.
     */
    List<ProvinceRow> provinces(List<AdoptionPlan> yearPlans, LocalDate date) {
        AgencyGraph graph = agencies.graph();
        Map<String, List<AdoptionPlan>> held = new HashMap<>();
        for (AdoptionPlan plan : yearPlans) {
            if (!plan.declaredBy(date)) {
                continue;
            }
            held.computeIfAbsent(graph.resolve(plan.provinceCode(), date), k -> new ArrayList<>()).add(plan);
        }
        List<ProvinceRow> rows = new ArrayList<>();
        for (Agency province : desk.provincesOn(date)) {
            List<AdoptionPlan> mine = held.getOrDefault(province.code(), List.of());
            Map<String, AdoptionStatus> statuses = new LinkedHashMap<>();
            for (AdoptionPlan plan : mine) {
                for (PlatformAdoption p : plan.platforms()) {
                    statuses.merge(p.platformCode(), p.status(), AdoptionFigures::further);
                }
            }
            rows.add(new ProvinceRow(province,
                    mine.stream().map(p -> agencies.get(p.provinceCode())).toList(),
                    mine.stream().anyMatch(AdoptionPlan::assigned),
                    mine.stream().anyMatch(p -> p.documentKind() == DocumentKind.PLAN),
                    mine.stream().anyMatch(p -> p.documentKind() == DocumentKind.DECISION),
                    mine.stream().anyMatch(AdoptionPlan::deploysAny), statuses,
                    mine.stream().anyMatch(AdoptionPlan::sample)));
        }
        return rows;
    }

    static Kpis kpis(List<ProvinceRow> rows) {
        return new Kpis(rows.size(), (int) rows.stream().filter(ProvinceRow::assigned).count(),
                (int) rows.stream().filter(ProvinceRow::inPlan).count(),
                (int) rows.stream().filter(ProvinceRow::byDecision).count(),
                (int) rows.stream().filter(ProvinceRow::deploying).count());
    }

    /** The furthest of two statuses: in use, then deploying, then planned, then stopped. */
    static AdoptionStatus further(AdoptionStatus a, AdoptionStatus b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(AdoptionStatus s) {
        return switch (s) {
            case STOPPED -> 0;
            case PLANNED -> 1;
            case DEPLOYING -> 2;
            case IN_USE -> 3;
        };
    }
}
