package vn.ndp.registry.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyKind;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.agencies.Succession;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.web.DatedPage;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.References;
import vn.ndp.registry.shared.web.WebPage;

/**
 * The agency pages, seen from the catalogue: which agencies exist on a date
 * and how many platforms each owns then, and one agency with its platforms,
 * predecessors and successors. They live in the catalogue module because
 * they show platforms; the agencies module does not depend on the catalogue.
 */
@WebPage
class AgencyPages {

    private final Agencies agencies;
    private final Catalog catalog;
    private final MessageSource messages;

    AgencyPages(Agencies agencies, Catalog catalog, MessageSource messages) {
        this.agencies = agencies;
        this.catalog = catalog;
        this.messages = messages;
    }

    record Row(Agency agency, String name, String kind, String href, long platforms, String platformsHref) {
    }

    record KindOption(String value, String label, boolean selected) {
    }

    record Link(String code, String name, String lang, String href, LocalDate date, String kind, boolean main,
            String legalBasis, String note) {
    }

    @GetMapping("/agencies")
    @DatedPage
    String list(HttpServletRequest request, Locale locale, Model model) {
        InvalidParameters params = new InvalidParameters();
        AgencyKind kind = params.choice("kind", request.getParameter("kind"), AgencyKind.class);
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        String q = params.search("q", request.getParameter("q"));
        params.throwIfAny();
        LocalDate on = asOf == null ? agencies.today() : asOf;
        String asOfParam = asOf == null ? null : asOf.toString();
        Map<String, Long> owned = catalog.countBy("owner", on);
        List<Row> rows = agencies.list(kind, on, q).stream()
                .map(a -> new Row(a, a.name(locale), kindLabel(a.kind(), locale),
                        Links.to("/agencies/" + a.code()).with("asOf", asOfParam).href(),
                        owned.getOrDefault(a.code(), 0L),
                        Links.to("/platforms").with("owner", a.code()).with("asOf", asOfParam).href()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("on", on);
        model.addAttribute("q", q);
        model.addAttribute("kinds", Arrays.stream(AgencyKind.values())
                .map(k -> new KindOption(Wire.name(k), kindLabel(k, locale), k == kind)).toList());
        return "agencies/list";
    }

    @GetMapping("/agencies/{code}")
    @DatedPage
    String detail(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
        InvalidParameters params = new InvalidParameters();
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        params.throwIfAny();
        Agency agency = agencies.get(code);
        LocalDate on = asOf == null ? agencies.today() : asOf;
        String asOfParam = asOf == null ? null : asOf.toString();
        model.addAttribute("agency", agency);
        model.addAttribute("name", agency.name(locale));
        model.addAttribute("otherName", "en".equals(locale.getLanguage()) ? agency.nameVi() : agency.nameEn());
        model.addAttribute("kind", kindLabel(agency.kind(), locale));
        model.addAttribute("on", on);
        model.addAttribute("existsOn", agency.existsOn(on));
        model.addAttribute("parent", agency.parentCode() == null ? null : agencies.find(agency.parentCode())
                .map(p -> PlatformPages.agencyLink(p, asOfParam, locale)).orElse(null));
        model.addAttribute("platforms", agency.existsOn(on) ? catalog.ownedBy(code, on).stream()
                .map(hit -> new PlatformPages.AgencyLink(hit.platform().code(), hit.platform().name(locale),
                        hit.platform().lang(locale),
                        Links.to("/platforms/" + hit.platform().code()).with("asOf", asOfParam).href()))
                .toList() : List.of());
        Existence existence = agencies.existenceOn(code, on);
        if (existence instanceof Existence.NotYetFormed notYet) {
            model.addAttribute("formedFrom", notYet.formedFrom().stream()
                    .map(a -> PlatformPages.agencyLink(a, asOfParam, locale)).toList());
        }
        if (existence instanceof Existence.Ended ended) {
            model.addAttribute("ended", ended);
            model.addAttribute("holder", ended.holder() == null ? null
                    : PlatformPages.agencyLink(ended.holder(), asOfParam, locale));
            model.addAttribute("mergedInto", ended.merged() ? agencies.name(ended.succession().successorCode(), locale)
                    : null);
            model.addAttribute("mergedIntoLang", ended.merged()
                    ? agencies.nameLang(ended.succession().successorCode(), locale) : null);
        }
        model.addAttribute("predecessors", agencies.predecessorsOf(code).stream()
                .map(s -> link(s, s.predecessorCode(), asOfParam, locale)).toList());
        model.addAttribute("successors", agencies.successorsOf(code).stream()
                .map(s -> link(s, s.successorCode(), asOfParam, locale)).toList());
        model.addAttribute("sources", References.parse(agency.source()));
        model.addAttribute("platformsHref", Links.to("/platforms").with("owner", code).with("asOf", asOfParam)
                .href());
        return "agencies/detail";
    }

    private Link link(Succession s, String otherCode, String asOf, Locale locale) {
        Agency other = agencies.get(otherCode);
        return new Link(other.code(), other.name(locale), other.lang(locale),
                Links.to("/agencies/" + other.code()).with("asOf", asOf).href(), s.effectiveDate(),
                messages.getMessage("succession." + Wire.name(s.kind()), null, Wire.name(s.kind()), locale),
                s.main(), s.legalBasis(), s.note());
    }

    private String kindLabel(AgencyKind kind, Locale locale) {
        return messages.getMessage("kind." + Wire.name(kind), null, Wire.name(kind), locale);
    }
}
