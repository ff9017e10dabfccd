package vn.ndp.registry.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.reporting.CatalogStatistics;
import vn.ndp.registry.reporting.CatalogStatistics.Breakdown;
import vn.ndp.registry.reporting.CatalogStatistics.Bucket;
import vn.ndp.registry.reporting.CatalogStatistics.Dimension;
import vn.ndp.registry.reporting.ProgrammeFigure;
import vn.ndp.registry.reporting.ProgrammeFigures;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ShownLanguage;
import vn.ndp.registry.shared.web.BarChart;
import vn.ndp.registry.shared.web.DatedPage;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.References;
import vn.ndp.registry.shared.web.WebPage;

/** The home page (search and key figures) and the statistics page with its charts. */
@WebPage
class StatisticsPages {

    /**
     * The default date to compare owners with: the last day before the
     * ministry mergers of 1 March 2025 (Resolution 176/2025/QH15).
     */
    static final LocalDate BEFORE_MERGERS = LocalDate.of(2025, 2, 28);

    private final CatalogStatistics statistics;
    private final ProgrammeFigures figures;
    private final Catalog catalog;
    private final Agencies agencies;
    private final MessageSource messages;

    StatisticsPages(CatalogStatistics statistics, ProgrammeFigures figures, Catalog catalog, Agencies agencies,
            MessageSource messages) {
        this.statistics = statistics;
        this.figures = figures;
        this.catalog = catalog;
        this.agencies = agencies;
        this.messages = messages;
    }

    /**
     * A published figure as shown, with its document and source links; {@code labelLang}, {@code dimensionLang}: the
     * language of its label and of the agency or group it counts where it is not the page's ({@link ShownLanguage}).
     */
    record Figure(ProgrammeFigure figure, String label, String labelLang, String dimension, String dimensionLang,
            List<References.Reference> sources) {
    }

    /** One owner's counts on the two compared dates; {@code lang}: its name's where it is not the page's. */
    record Comparison(String code, String name, String lang, long before, long after, String beforeHref,
            String afterHref) {

        public long change() {
            return after - before;
        }
    }

    @GetMapping("/")
    @DatedPage
    String home(HttpServletRequest request, Locale locale, Model model) {
        LocalDate on = asOf(request);
        String asOfParam = request.getParameter("asOf") == null || request.getParameter("asOf").isBlank()
                ? null : on.toString();
        PlatformPage all = catalog.search(PlatformQuery.all(on).withPage(1, 1));
        model.addAttribute("on", on);
        model.addAttribute("total", all.total());
        model.addAttribute("dateUnknown", all.dateUnknownTotal());
        model.addAttribute("owners", all.facets().getOrDefault("owner", List.of()).size());
        model.addAttribute("categories", counts(all, "category", "category", asOfParam, locale));
        model.addAttribute("statuses", counts(all, "status", "status", asOfParam, locale));
        model.addAttribute("figures", figures.publishedBy(on).stream()
                .filter(f -> f.dimension() == null || f.dimension().isEmpty())
                .map(f -> figure(f, locale)).toList());
        return "home";
    }

    @GetMapping("/statistics")
    @DatedPage
    String statistics(HttpServletRequest request, Locale locale, Model model) {
        InvalidParameters params = new InvalidParameters();
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        LocalDate compare = params.date("compare", request.getParameter("compare"));
        params.throwIfAny();
        LocalDate on = asOf == null ? agencies.today() : asOf;
        LocalDate before = compare == null ? BEFORE_MERGERS : compare;
        String asOfParam = asOf == null ? null : asOf.toString();

        Breakdown owners = statistics.breakdown(Dimension.OWNER, on);
        Breakdown categories = statistics.breakdown(Dimension.CATEGORY, on);
        Breakdown ownersBefore = statistics.breakdown(Dimension.OWNER, before);

        model.addAttribute("on", on);
        model.addAttribute("compare", before);
        model.addAttribute("owners", owners);
        model.addAttribute("categories", categories);
        model.addAttribute("ownerChart", BarChart.of("chart-owner",
                message("stats.byOwner.title", locale, CalendarDates.format(on, locale)),
                message("stats.byOwner.desc", locale, owners.total(), owners.buckets().size()),
                data(owners, on, "owner", locale)));
        model.addAttribute("categoryChart", BarChart.of("chart-category",
                message("stats.byCategory.title", locale, CalendarDates.format(on, locale)),
                message("stats.byCategory.desc", locale, categories.total()),
                data(categories, on, "category", locale)));

        long scale = Math.max(max(owners), max(ownersBefore));
        model.addAttribute("beforeChart", BarChart.of("chart-owner-before",
                message("stats.ownersOn", locale, CalendarDates.format(before, locale)),
                message("stats.byOwner.desc", locale, ownersBefore.total(), ownersBefore.buckets().size()),
                data(ownersBefore, before, "owner", locale), scale));
        model.addAttribute("afterChart", BarChart.of("chart-owner-after",
                message("stats.ownersOn", locale, CalendarDates.format(on, locale)),
                message("stats.byOwner.desc", locale, owners.total(), owners.buckets().size()),
                data(owners, on, "owner", locale), scale));
        model.addAttribute("comparison", comparison(ownersBefore, owners, before, on, locale));
        model.addAttribute("figures", figures.publishedBy(on).stream().map(f -> figure(f, locale)).toList());
        model.addAttribute("asOfParam", asOfParam);
        return "statistics";
    }

    private LocalDate asOf(HttpServletRequest request) {
        InvalidParameters params = new InvalidParameters();
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        params.throwIfAny();
        return asOf == null ? agencies.today() : asOf;
    }

    record Count(String value, String label, long count, String href) {
    }

    private List<Count> counts(PlatformPage page, String facet, String prefix, String asOf, Locale locale) {
        return page.facets().getOrDefault(facet, List.of()).stream()
                .map(c -> {
                    String value = c.value().toLowerCase(Locale.ROOT);
                    return new Count(value, messages.getMessage(prefix + "." + value, null, value, locale),
                            c.count(), Links.to("/platforms").with(facet, value).with("asOf", asOf).href());
                })
                .toList();
    }

    private List<BarChart.Datum> data(Breakdown breakdown, LocalDate on, String filter, Locale locale) {
        return breakdown.buckets().stream()
                .map(b -> new BarChart.Datum(ShownLanguage.name(locale, b.labelVi(), b.labelEn()),
                        ShownLanguage.lang(locale, b.labelVi(), b.labelEn()), b.count(),
                        Links.to("/platforms").with(filter, b.key()).with("asOf", on.toString()).href()))
                .toList();
    }

    private List<Comparison> comparison(Breakdown before, Breakdown after, LocalDate beforeDate,
            LocalDate afterDate, Locale locale) {
        Map<String, Bucket> beforeByKey = new LinkedHashMap<>();
        before.buckets().forEach(b -> beforeByKey.put(b.key(), b));
        Map<String, Bucket> afterByKey = new LinkedHashMap<>();
        after.buckets().forEach(b -> afterByKey.put(b.key(), b));
        List<String> keys = new ArrayList<>(afterByKey.keySet());
        beforeByKey.keySet().stream().filter(k -> !afterByKey.containsKey(k)).forEach(keys::add);
        return keys.stream().map(key -> {
            Bucket b = afterByKey.getOrDefault(key, beforeByKey.get(key));
            return new Comparison(key, ShownLanguage.name(locale, b.labelVi(), b.labelEn()),
                    ShownLanguage.lang(locale, b.labelVi(), b.labelEn()),
                    beforeByKey.containsKey(key) ? beforeByKey.get(key).count() : 0,
                    afterByKey.containsKey(key) ? afterByKey.get(key).count() : 0,
                    Links.to("/platforms").with("owner", key).with("asOf", beforeDate.toString()).href(),
                    Links.to("/platforms").with("owner", key).with("asOf", afterDate.toString()).href());
        }).toList();
    }

    private Figure figure(ProgrammeFigure f, Locale locale) {
        boolean counted = f.dimension() != null && !f.dimension().isEmpty();
        Agency agency = counted ? agencies.find(f.dimension()).orElse(null) : null;
        String dimension = !counted ? null : agency != null ? agency.name(locale)
                : messages.getMessage("category." + f.dimension(), null, f.dimension(), locale);
        return new Figure(f, f.label(locale), f.lang(locale), dimension, agency == null ? null : agency.lang(locale),
                References.parse(f.source()));
    }

    private static long max(Breakdown breakdown) {
        return breakdown.buckets().stream().mapToLong(Bucket::count).max().orElse(0);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
