package vn.ndp.registry.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.Tenure;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.ExchangeConnections;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.catalog.PlatformRelation;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.web.DatedPage;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.References;
import vn.ndp.registry.shared.web.Site;
import vn.ndp.registry.shared.web.WebPage;

/** The catalogue pages: search with facets ({@code /platforms}) and one platform ({@code /platforms/{code}}). */
@WebPage
class PlatformPages {

    static final List<String> FACETS = List.of("owner", "category", "type", "status", "scope");
    private static final List<String> QUERY_PARAMS =
            List.of("q", "owner", "category", "type", "status", "scope", "asOf", "sort", "size");
    private static final int EXCERPT = 240;
    /** The shared choices of rows per page, up to the catalogue's own maximum (smaller than the shared one). */
    private static final List<Integer> SIZES = Paging.SIZES.stream().filter(n -> n <= PlatformQuery.MAX_SIZE).toList();

    private final Catalog catalog;
    private final Agencies agencies;
    private final MessageSource messages;
    private final ObjectProvider<ExchangeConnections> exchange;

    PlatformPages(Catalog catalog, Agencies agencies, MessageSource messages,
            ObjectProvider<ExchangeConnections> exchange) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.messages = messages;
        this.exchange = exchange;
    }

    @GetMapping("/platforms")
    @DatedPage
    String list(HttpServletRequest request, Locale locale, Model model) {
        PlatformQuery query = PlatformQuery.parse(request::getParameter, code -> agencies.find(code).isPresent());
        PlatformPage page = catalog.search(query);
        Links current = Links.from("/platforms", request, QUERY_PARAMS);
        model.addAttribute("query", query);
        model.addAttribute("result", page);
        model.addAttribute("items", page.items().stream().map(hit -> row(hit, request, locale)).toList());
        model.addAttribute("facets", FACETS.stream().map(f -> facet(f, page, current, request, locale)).toList());
        model.addAttribute("filters", activeFilters(current, request, locale));
        model.addAttribute("sort", Wire.name(query.sort()));
        model.addAttribute("pages", Pagination.of(page.page(), page.pages(), current));
        model.addAttribute("sizes", SIZES);
        model.addAttribute("hiddenFilters", FACETS.stream().filter(f -> current.get(f) != null)
                .map(f -> new Site.Param(f, current.get(f))).toList());
        model.addAttribute("csvHref", current.without("sort").without("size").at("/api/v1/platforms.csv").href());
        model.addAttribute("xlsxHref", current.without("sort").without("size").at("/api/v1/platforms.xlsx").href());
        return "platforms/list";
    }

    @GetMapping("/platforms/{code}")
    @DatedPage
    String detail(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
        InvalidParameters params = new InvalidParameters();
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        params.throwIfAny();
        Platform platform = catalog.get(code);
        LocalDate on = asOf == null ? agencies.today() : asOf;
        String asOfParam = asOf == null ? null : asOf.toString();
        model.addAttribute("platform", platform.on(on));
        model.addAttribute("name", platform.name(locale));
        model.addAttribute("otherName", "en".equals(locale.getLanguage()) ? platform.nameVi() : platform.nameEn());
        model.addAttribute("description", platform.description(locale));
        model.addAttribute("on", on);
        model.addAttribute("notListedYet", !platform.listedOn(on, agencies.today())
                && !platform.listingDateUnknownOn(on, agencies.today()));
        model.addAttribute("listingDateUnknown", platform.listingDateUnknownOn(on, agencies.today()));
        model.addAttribute("owner", agencyLink(catalog.ownerOn(platform, on), asOfParam, locale));
        model.addAttribute("listedOwner", agencies.find(platform.firstOwnerCode())
                .map(a -> agencyLink(a, asOfParam, locale)).orElse(null));
        model.addAttribute("ownership", catalog.ownership(platform).stream()
                .map(t -> tenure(t, on, asOfParam, locale)).toList());
        model.addAttribute("relations", relations(platform.code(), asOfParam, locale));
        model.addAttribute("category", label("category", platform.category(), locale));
        model.addAttribute("type", label("type", platform.type(), locale));
        model.addAttribute("status", label("status", platform.statusOn(on), locale));
        model.addAttribute("ndxp", ndxp(platform, locale));
        model.addAttribute("scopes", platform.scopes().stream().sorted()
                .map(s -> label("scope", s, locale)).toList());
        model.addAttribute("website", References.webLink(platform.website()));
        model.addAttribute("sources", References.parse(platform.source()));
        model.addAttribute("tagLinks", platform.tags().stream()
                .map(t -> new Filter(t, Links.to("/platforms").with("q", t).with("asOf", asOfParam).href()))
                .toList());
        model.addAttribute("backHref", Links.to("/platforms").with("asOf", asOfParam).href());
        return "platforms/detail";
    }

    /** One result row, ready to show. */
    record Row(Platform platform, String name, String excerpt, String href, AgencyLink owner, String category,
            String type, String status, String statusClass, List<String> scopes) {
    }

    /** A link to an agency (or a platform) by its name, with the name's {@code lang} where it is not the page's. */
    record AgencyLink(String code, String name, String lang, String href) {
    }

    /** A facet's value; {@code lang} is its label's where it is not the page's (an owner's Vietnamese name). */
    record Option(String value, String label, String lang, long count, boolean selected, String href) {
    }

    record Facet(String name, String title, List<Option> options, String clearHref) {
    }

    record Filter(String label, String removeHref) {
    }

    record OwnerTenure(AgencyLink agency, LocalDate from, LocalDate to, boolean current, String kind,
            String legalBasis, LocalDate effective) {
    }

    record Relation(String label, String code, String name, String lang, String href) {
    }

    /**
     * The platform's NDXP connection as the exchange directory has it, or, when the directory has none of its
     * systems, what its owner declared ({@code declared}).
     */
    record NdxpConnection(boolean registered, boolean sample, String declared, List<DirectoryLink> systems,
            List<DirectoryLink> services, List<DirectoryLink> consumers) {
    }

    /** One directory entry, linking to its section of the exchange directory page. */
    record DirectoryLink(String id, boolean sample, String href) {
    }

    private Row row(PlatformPage.Hit hit, HttpServletRequest request, Locale locale) {
        Platform p = hit.platform();
        String asOf = request.getParameter("asOf");
        String description = p.description(locale);
        String excerpt = description == null || description.length() <= EXCERPT
                ? description : description.substring(0, EXCERPT).strip() + "…";
        return new Row(p, p.name(locale), excerpt,
                Links.to("/platforms/" + p.code()).with("asOf", asOf).href(),
                agencyLink(hit.owner(), asOf, locale),
                label("category", p.category(), locale), label("type", p.type(), locale),
                label("status", p.status(), locale), "status-" + Wire.name(p.status()).replace('_', '-'),
                p.scopes().stream().sorted().map(s -> label("scope", s, locale)).toList());
    }

    private Facet facet(String name, PlatformPage page, Links current, HttpServletRequest request, Locale locale) {
        String selected = request.getParameter(name);
        List<Option> options = new ArrayList<>();
        for (PlatformPage.FacetCount count : page.facets().getOrDefault(name, List.of())) {
            String value = name.equals("owner") ? count.value() : count.value().toLowerCase(Locale.ROOT);
            boolean isSelected = value.equalsIgnoreCase(selected == null ? "" : selected.strip());
            options.add(new Option(value, facetLabel(name, value, locale),
                    name.equals("owner") ? agencies.nameLang(value, locale) : null, count.count(), isSelected,
                    (isSelected ? current.without(name) : current.with(name, value)).without("page").href()));
        }
        return new Facet(name, messages.getMessage("facet." + name, null, locale), options,
                selected == null || selected.isBlank() ? null : current.without(name).href());
    }

    private List<Filter> activeFilters(Links current, HttpServletRequest request, Locale locale) {
        List<Filter> filters = new ArrayList<>();
        String q = request.getParameter("q");
        if (q != null && !q.isBlank()) {
            filters.add(new Filter("“" + q.strip() + "”", current.without("q").href()));
        }
        for (String name : FACETS) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                filters.add(new Filter(messages.getMessage("facet." + name, null, locale) + ": "
                        + facetLabel(name, value.strip(), locale), current.without(name).href()));
            }
        }
        return filters;
    }

    private String facetLabel(String facet, String value, Locale locale) {
        if (facet.equals("owner")) {
            return agencies.find(value).map(a -> a.name(locale)).orElse(value);
        }
        return messages.getMessage(facet + "." + value.toLowerCase(Locale.ROOT).replace('-', '_'), null, value,
                locale);
    }

    private String label(String prefix, Enum<?> value, Locale locale) {
        return value == null ? null : messages.getMessage(prefix + "." + Wire.name(value), null, Wire.name(value),
                locale);
    }

    private NdxpConnection ndxp(Platform platform, Locale locale) {
        ExchangeConnections.Connection connection =
                exchange.getIfAvailable(() -> code -> ExchangeConnections.Connection.NONE).of(platform.code());
        if (!connection.registered()) {
            return new NdxpConnection(false, false, label("ndxp", platform.ndxpStatus(), locale), List.of(),
                    List.of(), List.of());
        }
        ExchangeConnections.Samples sample = connection.sample();
        return new NdxpConnection(true, sample.subsystems().containsAll(connection.subsystems()), null,
                directoryLinks(connection.subsystems(), sample.subsystems(), "subsystems"),
                directoryLinks(connection.services(), sample.services(), "services"),
                directoryLinks(connection.consumers(), sample.consumers(), "rights"));
    }

    private static List<DirectoryLink> directoryLinks(List<String> ids, List<String> samples, String section) {
        return ids.stream().map(id -> new DirectoryLink(id, samples.contains(id), "/exchange#" + section)).toList();
    }

    private OwnerTenure tenure(Tenure t, LocalDate on, String asOf, Locale locale) {
        return new OwnerTenure(agencyLink(t.agency(), asOf, locale), t.from(), t.to(), t.covers(on),
                t.cause() == null ? null : label("succession", t.cause().kind(), locale),
                t.cause() == null ? null : t.cause().legalBasis(),
                t.cause() == null ? null : t.cause().effectiveDate());
    }

    private List<Relation> relations(String code, String asOf, Locale locale) {
        List<Relation> relations = new ArrayList<>();
        for (PlatformRelation r : catalog.relations(code)) {
            boolean outgoing = r.fromCode().equals(code);
            String other = outgoing ? r.toCode() : r.fromCode();
            Optional<Platform> platform = catalog.find(other);
            relations.add(new Relation(
                    messages.getMessage("relation." + (outgoing ? "out." : "in.") + Wire.name(r.kind()), null,
                            locale),
                    other, platform.map(p -> p.name(locale)).orElse(other),
                    platform.map(p -> p.lang(locale)).orElse(null),
                    Links.to("/platforms/" + other).with("asOf", asOf).href()));
        }
        return relations;
    }

    static AgencyLink agencyLink(Agency agency, String asOf, Locale locale) {
        if (agency == null) {
            return null;
        }
        return new AgencyLink(agency.code(), agency.name(locale), agency.lang(locale),
                Links.to("/agencies/" + agency.code()).with("asOf", asOf).href());
    }
}
