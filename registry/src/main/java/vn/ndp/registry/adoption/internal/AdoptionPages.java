package vn.ndp.registry.adoption.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionPlan;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.DocumentKind;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.adoption.LocalPlatforms;
import vn.ndp.registry.adoption.PlanDeclaration;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.ProvinceProposal;
import vn.ndp.registry.adoption.ProvinceProposalQuery;
import vn.ndp.registry.adoption.ProvinceProposals;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.exchange.UsageStatistics;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FoldedSearch;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.ShownLanguage;
import vn.ndp.registry.shared.web.BarChart;
import vn.ndp.registry.shared.web.DatedPage;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.PostedForm;
import vn.ndp.registry.shared.web.WebPage;
import vn.ndp.registry.support.RequestQuery;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;

/**
 * The adoption pages: the national dashboard with the province map (public),
 * the authority's detail, each province's page (its plans, those of the
 * provinces merged into it, responsibilities, local platforms, transactions per
 * day), the forms a province editor declares with, local platforms with the
 * overlap check's confirm step, province proposals, and a platform's usage.
 */
@WebPage
class AdoptionPages {

    private final AdoptionDesk desk;
    private final AdoptionFigures figures;
    private final LocalPlatforms localPlatforms;
    private final ProvinceProposals proposals;
    private final AdoptionReports reports;
    private final Agencies agencies;
    private final Catalog catalog;
    private final UsageStatistics usage;
    private final MessageSource messages;

    /** Support requests shown on a province's page; the rest are a link away. */
    private static final int SUPPORT_ROWS = 20;
    /** Province proposals shown on a province's page; the rest are on the proposal list. */
    private static final int PROPOSAL_ROWS = 20;
    /** The statuses of the national platforms a plan form offers without a search. */
    private static final List<LifecycleStatus> OFFERED = List.of(LifecycleStatus.RECOGNISED, LifecycleStatus.TRIAL,
            LifecycleStatus.IN_USE);
    /** How many platforms the plan form's search shows. */
    private static final int FIND_ROWS = 10;
    /** The plan form's inputs about the document and the year as a whole, each with its name as id. */
    private static final Set<String> DOCUMENT_FIELDS = Set.of("document_kind", "document_number", "document_date",
            "document_title", "target", "progress");

    private final SupportDesk support;

    AdoptionPages(AdoptionDesk desk, AdoptionFigures figures, LocalPlatforms localPlatforms,
            ProvinceProposals proposals, AdoptionReports reports, Agencies agencies, Catalog catalog,
            UsageStatistics usage, MessageSource messages, SupportDesk support) {
        this.support = support;
        this.desk = desk;
        this.figures = figures;
        this.localPlatforms = localPlatforms;
        this.proposals = proposals;
        this.reports = reports;
        this.agencies = agencies;
        this.catalog = catalog;
        this.usage = usage;
        this.messages = messages;
    }

    /**
     * One row of the plan form: a national platform, what the province declares for it, and what is wrong with it
     * (or has changed in it meanwhile) when the form comes back refused; {@code lang} is the name's where it is not
     * the page's (a Vietnamese name on an English page), else null.
     */
    record FormRow(String code, String name, String lang, Map<PlanRowField, String> values,
            List<PlanProblem> problems) {

        /** The name and id of the row's input for {@code field} (e.g. {@code phone}). */
        public String input(String field) {
            return PlanRowField.named(field).orElseThrow().input(code);
        }

        /** What the row's input for {@code field} holds. */
        public String value(String field) {
            return values.get(PlanRowField.named(field).orElseThrow());
        }

        /** Whether one of the row's problems is about {@code field} (e.g. {@code phone}), to mark that input. */
        public boolean invalid(String field) {
            return problems.stream().anyMatch(p -> field.equals(p.field()));
        }

        FormRow with(List<PlanProblem> all) {
            return new FormRow(code, name, lang, values, all.stream().filter(p -> code.equals(p.platform())).toList());
        }
    }

    /**
     * What a refused plan form says is wrong, in the reader's language: on a platform's row ({@code platform} its
     * code) or on the document's fields ({@code platform} null), with the input to go to.
     */
    record PlanProblem(String platform, String field, String text) {

        public String anchor() {
            if (platform != null) {
                return "#" + PlanRowField.named(field).orElse(PlanRowField.STATUS).input(platform);
            }
            return "#" + (DOCUMENT_FIELDS.contains(field) ? field : "plan-form");
        }
    }

    /** One day of transactions, with the bar's geometry for the column chart. */
    record UsageDay(LocalDate day, long transactions, long failures, int x, int height) {
    }

    record UsageChart(String id, String title, List<UsageDay> days, long total, long max, int width, int height) {
        public boolean empty() {
            return total == 0;
        }
    }

    @GetMapping("/adoption")
    @DatedPage
    String dashboard(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf,
            Model model) {
        AdoptionApi.Period period = AdoptionApi.Period.parse(year, asOf, agencies.today());
        AdoptionFigures.Summary summary = figures.summary(period.year(), period.asOf());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("summary", summary);
        model.addAttribute("kpis", reports.kpis(summary));
        model.addAttribute("years", figures.years());
        model.addAttribute("year", period.year());
        model.addAttribute("on", period.asOf());
        model.addAttribute("map", map(summary, locale));
        List<BarChart.Datum> bars = summary.platforms().stream()
                .filter(p -> !p.deploying().isEmpty() || !p.planned().isEmpty())
                .map(p -> new BarChart.Datum(ShownLanguage.name(locale, p.nameVi(), p.nameEn()),
                        ShownLanguage.lang(locale, p.nameVi(), p.nameEn()), p.deploying().size(),
                        "/platforms/" + p.code() + "/usage"))
                .toList();
        model.addAttribute("platformChart", BarChart.of("platform-adoption",
                msg("adoption.chart.platforms", locale, period.year()),
                msg("adoption.chart.platforms.desc", locale, CalendarDates.format(period.asOf(), locale)), bars,
                summary.kpis().provinces()));
        model.addAttribute("trend", figures.trend(period.asOf()));
        Links here = Links.to("/api/v1/adoption/report").with("year", period.year()).with("asOf", asOf);
        model.addAttribute("csvHref", here.at("/api/v1/adoption/report.csv").href());
        model.addAttribute("xlsxHref", here.at("/api/v1/adoption/report.xlsx").href());
        model.addAttribute("pdfHref", here.at("/api/v1/adoption/report.pdf").href());
        return "adoption/dashboard";
    }

    @GetMapping("/adoption/detail")
    @DatedPage
    @PreAuthorize(AdoptionApi.AUTHORITY)
    String detail(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf,
            Model model) {
        AdoptionApi.Period period = AdoptionApi.Period.parse(year, asOf, agencies.today());
        AdoptionFigures.Summary summary = figures.summary(period.year(), period.asOf());
        model.addAttribute("summary", summary);
        model.addAttribute("year", period.year());
        model.addAttribute("on", period.asOf());
        model.addAttribute("years", figures.years());
        model.addAttribute("platforms", summary.platforms().stream()
                .filter(p -> !p.deploying().isEmpty() || !p.planned().isEmpty()).toList());
        model.addAttribute("missing", summary.provinces().stream().filter(r -> r.declaredBy().isEmpty()).toList());
        return "adoption/detail";
    }

    @GetMapping("/adoption/provinces/{code}")
    @DatedPage
    String province(Authentication authentication, @PathVariable String code,
            @RequestParam(required = false) String asOf, Model model) {
        AdoptionApi.Period period = AdoptionApi.Period.parse(null, asOf, agencies.today());
        Agency province = desk.province(code);
        Optional<CurrentUser> user = CurrentUser.from(authentication);
        model.addAttribute("province", province);
        model.addAttribute("on", period.asOf());
        Existence existence = agencies.existenceOn(code, period.asOf());
        // formed after the date: the page says so and names the provinces that held its place, and shows nothing
        // of what it registered later (plans, local platforms, proposals, requests, transactions)
        boolean notYet = existence instanceof Existence.NotYetFormed;
        model.addAttribute("notYet", notYet ? existence : null);
        List<AdoptionDesk.HeldPlan> plans = desk.history(code, period.asOf());
        model.addAttribute("plans", plans);
        Set<String> planned = plans.stream().flatMap(h -> h.plan().platforms().stream())
                .map(PlatformAdoption::platformCode).collect(Collectors.toSet());
        model.addAttribute("plannedPlatforms", catalog.find(planned));
        LocalPlatforms.Register register = notYet ? new LocalPlatforms.Register(List.of(), List.of())
                : localPlatforms.registerOn(code, period.asOf());
        model.addAttribute("localPlatforms", register.listed());
        model.addAttribute("removedLocalPlatforms", register.removed());
        model.addAttribute("predecessors", agencies.predecessorsOf(code).stream()
                .map(s -> agencies.get(s.predecessorCode())).toList());
        // ended by the date: the one that held its place then; else, if it has ended since, the one that holds it now
        Agency successor = existence instanceof Existence.Ended ended && ended.holder() != null ? ended.holder()
                : agencies.successorOn(code, agencies.today());
        model.addAttribute("successor", successor.code().equals(code) ? null : successor);
        model.addAttribute("contacts", user.isPresent());
        model.addAttribute("mayDeclare", user.map(u -> desk.mayDeclare(u, province)).orElse(false));
        model.addAttribute("mayPropose", user.map(u -> u.role() == Role.PROVINCE_EDITOR
                && desk.mayDeclare(u, province)).orElse(false));
        // the latest proposals of the province (or its predecessors), as far as the viewer may see them
        ResultPage<ProvinceProposal> proposed = user.filter(u -> !notYet).map(u -> proposals.find(u,
                ProvinceProposalQuery.ofProvince(code, PROPOSAL_ROWS))).orElse(ResultPage.empty(
                        Paging.first(PROPOSAL_ROWS)));
        model.addAttribute("proposals", proposed.items());
        model.addAttribute("proposalTotal", proposed.total());
        Set<String> keys = desk.codesHeldBy(code, agencies.today());
        // the provinces (this one, those merged into it) whose local platforms the viewer may change or remove
        model.addAttribute("changeableIn", user.map(u -> keys.stream().filter(k -> localPlatforms.mayChange(u, k))
                .collect(Collectors.toSet())).orElse(Set.of()));
        // the latest support requests the province (or its predecessors) raised, as far as the viewer may see them
        ResultPage<SupportRequest> requests = user.filter(u -> !notYet).map(u -> support.find(u,
                new RequestQuery(null, null, null, code, false, null, RequestQuery.Sort.UPDATED,
                        Paging.first(SUPPORT_ROWS))))
                .orElse(ResultPage.empty(Paging.first(SUPPORT_ROWS)));
        model.addAttribute("supportRequests", requests.items());
        model.addAttribute("supportTotal", requests.total());
        // the 30 days that end with the date viewed, saying the date when it is not today
        Locale locale = LocaleContextHolder.getLocale();
        boolean past = period.asOf().isBefore(agencies.today());
        model.addAttribute("usage", usageChart("province-usage", past
                ? msg("adoption.usage.province.until", locale, province.name(locale), UsageStatistics.RECENT_DAYS,
                        CalendarDates.format(period.asOf(), locale))
                : msg("adoption.usage.province", locale, province.name(locale), UsageStatistics.RECENT_DAYS),
                UsageStatistics.Dimension.PROVINCE, keys, past ? period.asOf() : agencies.today()));
        model.addAttribute("thisYear", agencies.today().getYear());
        return "adoption/province";
    }

    @GetMapping("/adoption/provinces/{code}/plan")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String planForm(Authentication authentication, @PathVariable String code,
            @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        Agency province = desk.province(code);
        InvalidParameters invalid = new InvalidParameters();
        int y = planYear(invalid, year, agencies.today().getYear());
        invalid.throwIfAny();
        String closed = closedPlan(AdoptionApi.user(authentication), province, y, model, response);
        if (closed != null) {
            return closed;
        }
        Optional<AdoptionPlan> plan = desk.plan(code, y);
        model.addAttribute("province", province);
        model.addAttribute("year", y);
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("version", plan.map(p -> String.valueOf(p.version())).orElse(""));
        model.addAttribute("kind", plan.map(p -> Wire.name(p.documentKind())).orElse("plan"));
        model.addAttribute("number", plan.map(AdoptionPlan::documentNumber).orElse(""));
        model.addAttribute("date", plan.map(p -> p.documentDate() == null ? "" : p.documentDate().toString())
                .orElse(""));
        model.addAttribute("docTitle", plan.map(AdoptionPlan::documentTitle).orElse(""));
        model.addAttribute("target", plan.map(AdoptionPlan::target).orElse(""));
        model.addAttribute("progress", plan.map(AdoptionPlan::progress).orElse(""));
        Offered offered = offered();
        model.addAttribute("rows", rows(plan.map(AdoptionPlan::platforms).orElse(List.of()), null, List.of(),
                offered));
        model.addAttribute("problems", List.of());
        model.addAttribute("offeredAll", offered.complete());
        model.addAttribute("offeredPerStatus", PlatformQuery.MAX_SIZE);
        return "adoption/plan-form";
    }

    @PostMapping("/adoption/provinces/{code}/plan")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String declare(Authentication authentication, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Agency province = desk.province(code);
        String find = form.getFirst("find");
        String add = form.getFirst("add");
        if ("find".equals(form.getFirst("action")) || (add != null && !add.isBlank())) {
            return searchOrAdd(province, form, add, find, model);
        }
        InvalidParameters invalid = new InvalidParameters();
        int year = planYear(invalid, form.getFirst("year"), 0);
        DocumentKind kind = invalid.choice("document_kind", form.getFirst("document_kind"), DocumentKind.class);
        LocalDate date = invalid.date("document_date", form.getFirst("document_date"));
        String versionText = form.getFirst("version");
        Integer version = versionText == null || versionText.isBlank() ? null
                : invalid.integer("version", versionText, 0, 0, Integer.MAX_VALUE);
        List<PlatformAdoption> adoptions = new ArrayList<>();
        for (String platform : PlanRowField.platforms(form)) {
            Map<PlanRowField, String> posted = PlanRowField.posted(form, platform);
            String status = InvalidParameters.stripped(posted.get(PlanRowField.STATUS));
            PlatformAdoption row = PlanRowField.adoption(platform, status == null ? null
                    : invalid.choice(PlanRowField.STATUS.deskName(adoptions.size()), status, AdoptionStatus.class),
                    posted);
            // a row left "not deployed" is no part of the plan, unless something was typed on it: then the desk
            // asks for its status instead of the page dropping what was typed
            if (status != null || typedOn(row)) {
                adoptions.add(row);
            }
        }
        PlanDeclaration declaration = new PlanDeclaration(year, kind, form.getFirst("document_number"), date,
                form.getFirst("document_title"), form.getFirst("target"), form.getFirst("progress"), adoptions);
        try {
            // what the page could not read is refused together with everything the desk finds wrong
            desk.declare(AdoptionApi.user(authentication), code, declaration, version,
                    invalid.refusal().map(RegistryException::errors).orElse(List.of()));
            return "redirect:/adoption/provinces/" + province.code() + "?saved=" + year;
        } catch (RegistryException e) {
            int shown = year == 0 ? agencies.today().getYear() : year;
            // a province merged meanwhile: the way to the one it is part of, rather than a form it cannot save
            String closed = e.code() == ErrorCode.PROVINCE_MERGED
                    ? closedPlan(AdoptionApi.user(authentication), province, shown, model, response) : null;
            return closed != null ? closed
                    : planFormAgain(province, form, shown, null, List.of(), e, declaration, model);
        }
    }

    /**
     * The plan form's page without the form when no plan for {@code year} can be saved for the province, so that
     * nothing is typed in vain: the province has become part of another (409, with the way to the form of the one it
     * is part of), or the year is not one the province can have a plan for (400, with the years it can). Null when the
     * form can be offered.
     */
    private String closedPlan(CurrentUser user, Agency province, int year, Model model, HttpServletResponse response) {
        Optional<Agency> successor = desk.mergedInto(user, province);
        AdoptionDesk.Years years = desk.planYears(province);
        if (successor.isEmpty() && years.contains(year)) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("province", province);
        model.addAttribute("year", year);
        if (successor.isPresent()) {
            Agency instead = successor.get();
            AdoptionDesk.Years open = desk.planYears(instead);
            int theirs = Math.clamp(year, open.from(), open.to());
            model.addAttribute("closed", msg("adoption.plan.closed.merged", locale, province.name(locale),
                    instead.name(locale), CalendarDates.format(province.validTo().plusDays(1), locale)));
            model.addAttribute("insteadHref", "/adoption/provinces/" + instead.code() + "/plan?year=" + theirs);
            model.addAttribute("insteadText", msg("adoption.plan.closed.successor", locale, instead.name(locale),
                    theirs));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } else {
            int open = Math.clamp(agencies.today().getYear(), years.from(), years.to());
            model.addAttribute("closed", msg("adoption.plan.closed.year", locale, year, province.name(locale),
                    years.from(), years.to()));
            model.addAttribute("insteadHref", "/adoption/provinces/" + province.code() + "/plan?year=" + open);
            model.addAttribute("insteadText", msg("adoption.declare", locale, open));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "adoption/plan-form";
    }

    /**
     * The year a plan form is for: any whole number here, so that one rule, the province's plan years
     * ({@link AdoptionDesk#planYears}), refuses the others with one message naming those years.
     */
    private static int planYear(InvalidParameters invalid, String year, int defaultValue) {
        return invalid.integer("year", year, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Whether anything was typed on a plan form's row besides its status. */
    private static boolean typedOn(PlatformAdoption row) {
        return PlanRowField.DETAILS.stream().anyMatch(f -> InvalidParameters.stripped(f.of(row)) != null);
    }

    /**
     * After a search for a platform to add ({@code find}: its results to choose from) or the choice of one
     * ({@code add}: a row for it), the plan form again with what was entered. Nothing is saved.
     */
    private String searchOrAdd(Agency province, MultiValueMap<String, String> form, String add, String find,
            Model model) {
        InvalidParameters invalid = new InvalidParameters();
        int year = planYear(invalid, form.getFirst("year"), agencies.today().getYear());
        String added = null;
        if (add != null && !add.isBlank()) {
            added = catalog.find(add.strip()).map(Platform::code).orElse(null);
            if (added == null) {
                invalid.reject("add", "no platform has the code '" + add.strip() + "'; search by name or code.");
            }
        }
        String words = added == null ? invalid.search("find", find) : null;
        List<PlatformPage.Hit> found = words == null ? List.of() : catalog.search(
                PlatformQuery.words(words, agencies.today(), FIND_ROWS)).items();
        model.addAttribute("find", added == null ? find : "");
        model.addAttribute("searched", added == null && find != null && !find.isBlank());
        return planFormAgain(province, form, year, added, found, invalid.refusal().orElse(null), null, model);
    }

    /**
     * The plan form again with what was entered, {@code added} as a row and {@code found} to choose from. When
     * {@code sent} was refused, each problem names the platform's row it is on and marks it; when it was refused
     * because the plan was saved meanwhile, the form takes that version (so that saving again replaces it) and
     * lists how the saved plan differs from what was entered, which is kept.
     */
    private String planFormAgain(Agency province, MultiValueMap<String, String> form, int year, String added,
            List<PlatformPage.Hit> found, RegistryException error, PlanDeclaration sent, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        AdoptionPlan current = desk.plan(province.code(), year).orElse(null);
        boolean concurrent = error != null && error.code() == ErrorCode.CONCURRENT_CHANGE && sent != null;
        model.addAttribute("province", province);
        model.addAttribute("year", year);
        model.addAttribute("plan", current);
        model.addAttribute("concurrent", concurrent && current != null);
        model.addAttribute("version", concurrent && current != null ? String.valueOf(current.version())
                : form.getFirst("version"));
        model.addAttribute("kind", form.getFirst("document_kind"));
        model.addAttribute("number", form.getFirst("document_number"));
        model.addAttribute("date", form.getFirst("document_date"));
        model.addAttribute("docTitle", form.getFirst("document_title"));
        model.addAttribute("target", form.getFirst("target"));
        model.addAttribute("progress", form.getFirst("progress"));
        Offered offered = offered();
        Set<String> more = new LinkedHashSet<>();
        if (added != null) {
            more.add(added);
        }
        if (concurrent && current != null) {
            current.platforms().forEach(a -> more.add(a.platformCode()));
        }
        List<FormRow> rows = rows(List.of(), form, more, offered);
        List<PlanProblem> problems = List.of();
        if (sent != null && error != null) {
            Map<String, String> names = new LinkedHashMap<>();
            rows.forEach(r -> names.put(r.code(), r.name()));
            problems = concurrent ? (current == null ? List.of() : changes(current, sent, names, locale))
                    : problems(error, sent, names, locale);
            List<PlanProblem> all = problems;
            rows = rows.stream().map(r -> r.with(all)).toList();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("problems", problems);
        model.addAttribute("offeredAll", offered.complete());
        model.addAttribute("offeredPerStatus", PlatformQuery.MAX_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("added", added);
        model.addAttribute("error", error);
        return "adoption/plan-form";
    }

    /**
     * A refused plan's field errors as the form shows them: the desk names a row's field by its index among the
     * rows sent ({@code platforms[3].phone}), the form by platform; one sentence per field of a row, in the
     * reader's language ({@code adoption.plan.error.row.<field>} with the platform's name, or
     * {@code adoption.plan.error.<field>}), else the field's name and the desk's English text.
     */
    private List<PlanProblem> problems(RegistryException error, PlanDeclaration sent, Map<String, String> names,
            Locale locale) {
        Map<String, PlanProblem> byField = new LinkedHashMap<>();
        for (RegistryException.FieldError e : error.errors()) {
            Optional<PlanRowField.DeskField> row = PlanRowField.ofDesk(e.field())
                    .filter(r -> r.index() < sent.platforms().size());
            PlanProblem problem;
            if (row.isPresent()) {
                String code = sent.platforms().get(row.get().index()).platformCode();
                String field = row.get().field();
                String name = names.getOrDefault(code, code);
                problem = new PlanProblem(code, field, sentenceOr("adoption.plan.error.row." + field,
                        new Object[] {name}, name + " — " + field + ": " + e.message(), locale));
            } else {
                problem = new PlanProblem(null, e.field(), sentenceOr("adoption.plan.error." + e.field(), null,
                        e.field() + ": " + e.message(), locale));
            }
            byField.putIfAbsent(problem.platform() + " " + problem.field(), problem);
        }
        return List.copyOf(byField.values());
    }

    /**
     * The message {@code key} with {@code args}, else {@code otherwise} as it is: given to the message source as the
     * default, it would go through MessageFormat with the arguments, which drops the apostrophes of the desk's text
     * ({@code 'x@y' is not an e-mail address}).
     */
    private String sentenceOr(String key, Object[] args, String otherwise, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, null, locale), otherwise);
    }

    /**
     * How the plan saved meanwhile differs from the one sent, in the reader's language and on the rows concerned:
     * what to look at before saving again.
     */
    private List<PlanProblem> changes(AdoptionPlan current, PlanDeclaration sent, Map<String, String> names,
            Locale locale) {
        List<PlanProblem> changes = new ArrayList<>();
        if (current.documentKind() != sent.documentKind() || !same(current.documentNumber(), sent.documentNumber())
                || !Objects.equals(current.documentDate(), sent.documentDate())
                || !same(current.documentTitle(), sent.documentTitle()) || !same(current.target(), sent.target())
                || !same(current.progress(), sent.progress())) {
            changes.add(new PlanProblem(null, "document_kind", msg("adoption.plan.changed.document", locale)));
        }
        Map<String, PlatformAdoption> mine = new LinkedHashMap<>();
        sent.platforms().forEach(p -> mine.put(p.platformCode(), p));
        for (PlatformAdoption theirs : current.platforms()) {
            String code = theirs.platformCode();
            String name = names.getOrDefault(code, code);
            String status = msg("adoption.status." + Wire.name(theirs.status()), locale);
            PlatformAdoption own = mine.remove(code);
            if (own == null) {
                changes.add(new PlanProblem(code, "status", msg("adoption.plan.changed.added", locale, name, status)));
            } else if (own.status() != theirs.status()) {
                changes.add(new PlanProblem(code, "status", msg("adoption.plan.changed.status", locale, name,
                        status)));
            } else if (!sameDetails(own, theirs)) {
                changes.add(new PlanProblem(code, "department", msg("adoption.plan.changed.details", locale, name)));
            }
        }
        mine.keySet().forEach(code -> changes.add(new PlanProblem(code, "status",
                msg("adoption.plan.changed.removed", locale, names.getOrDefault(code, code)))));
        return changes;
    }

    private static boolean sameDetails(PlatformAdoption a, PlatformAdoption b) {
        return PlanRowField.DETAILS.stream().allMatch(f -> same(f.of(a), f.of(b)));
    }

    /** Whether two texts say the same, as the desk keeps them (stripped, blank as none). */
    private static boolean same(String a, String b) {
        return Objects.equals(InvalidParameters.stripped(a), InvalidParameters.stripped(b));
    }

    @GetMapping("/adoption/provinces/{code}/local-platforms/new")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String newLocalPlatform(@PathVariable String code, Model model) {
        model.addAttribute("province", desk.province(code));
        model.addAttribute("form", Map.of());
        addChoices(model);
        return "adoption/local-platform-form";
    }

    @PostMapping("/adoption/provinces/{code}/local-platforms")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String registerLocalPlatform(Authentication authentication, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        Agency province = desk.province(code);
        boolean saveAnyway = "true".equals(form.getFirst("save_anyway"));
        LocalPlatforms.Check check = null;
        try {
            LocalPlatform.Draft draft = draft(form);
            if (!confirmed(form)) {
                check = localPlatforms.check(code, draft);
                if (showFirst(check)) {
                    model.addAttribute("check", check);
                    return localForm(province, null, form, model, null);
                }
            }
            localPlatforms.register(AdoptionApi.user(authentication), code, draft, saveAnyway,
                    form.getFirst("reason"));
            return "redirect:/adoption/provinces/" + province.code() + "?registered";
        } catch (RegistryException e) {
            model.addAttribute("check", check != null ? check : checkAgain(() -> localPlatforms.check(code, draft(form))));
            return localForm(province, null, form, model, e);
        }
    }

    /** Public, as the province page: a local platform, removed or not, with its history newest first. */
    @GetMapping("/adoption/provinces/{code}/local-platforms/{id}")
    String localPlatform(Authentication authentication, @PathVariable String code, @PathVariable UUID id,
            Model model) {
        return localPage(authentication, code, id, null, Map.of(), model);
    }

    @GetMapping("/adoption/provinces/{code}/local-platforms/{id}/edit")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String editLocalPlatform(@PathVariable String code, @PathVariable UUID id, Model model) {
        LocalPlatform platform = localPlatforms.get(code, id);
        if (platform.removed()) {
            return "redirect:/adoption/provinces/" + platform.provinceCode() + "/local-platforms/" + id;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name_vi", platform.nameVi());
        form.put("name_en", platform.nameEn());
        form.put("description", platform.description());
        form.put("functions", String.join("\n", platform.functions()));
        form.put("category", Wire.name(platform.category()));
        form.put("type", Wire.name(platform.type()));
        form.put("status", Wire.name(platform.status()));
        form.put("website", platform.website());
        form.put("department", platform.department());
        form.put("reason", platform.overlapReason());
        form.put("version", String.valueOf(platform.version()));
        model.addAttribute("province", desk.province(code));
        model.addAttribute("platform", platform);
        model.addAttribute("form", form);
        addChoices(model);
        return "adoption/local-platform-form";
    }

    /**
     * Saves a change as registering does: the first submission shows what the overlap check found, the second
     * saves (with "save anyway" and a reason when it duplicates a national platform). A stale version re-shows
     * the form with what was entered, the changes made since, and the version now current.
     */
    @PostMapping("/adoption/provinces/{code}/local-platforms/{id}")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String changeLocalPlatform(Authentication authentication, @PathVariable String code, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        Agency province = desk.province(code);
        LocalPlatform platform = localPlatforms.get(code, id);
        LocalPlatforms.Check check = null;
        try {
            InvalidParameters invalid = new InvalidParameters();
            Integer version = invalid.integer("version", form.getFirst("version"), -1, 0, Integer.MAX_VALUE);
            invalid.throwIfAny();
            LocalPlatform.Draft draft = draft(form);
            if (!confirmed(form)) {
                check = localPlatforms.check(code, id, draft);
                if (showFirst(check)) {
                    model.addAttribute("check", check);
                    return localForm(province, platform, form, model, null);
                }
            }
            LocalPlatform saved = localPlatforms.change(AdoptionApi.user(authentication), code, id, draft,
                    version < 0 ? null : version, "true".equals(form.getFirst("save_anyway")), form.getFirst("reason"));
            // a form sent back as it was changes nothing, and says so
            return "redirect:/adoption/provinces/" + province.code() + "/local-platforms/" + id
                    + (saved.version() == platform.version() ? "?unchanged" : "?changed");
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("check", check != null ? check
                    : checkAgain(() -> localPlatforms.check(code, id, draft(form))));
            if (e.code() == ErrorCode.CONCURRENT_CHANGE) {
                LocalPlatform current = localPlatforms.get(code, id);
                MultiValueMap<String, String> resubmit = new org.springframework.util.LinkedMultiValueMap<>(form);
                resubmit.set("version", String.valueOf(current.version()));
                return localForm(province, current, resubmit, model, e);
            }
            return localForm(province, platform, form, model, e);
        }
    }

    @PostMapping("/adoption/provinces/{code}/local-platforms/{id}/removal")
    @PreAuthorize(AdoptionApi.EDITOR_IN_SCOPE)
    String removeLocalPlatform(Authentication authentication, @PathVariable String code, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        Agency province = desk.province(code);
        localPlatforms.get(code, id);
        try {
            InvalidParameters invalid = new InvalidParameters();
            Integer version = invalid.integer("version", form.getFirst("version"), -1, 0, Integer.MAX_VALUE);
            invalid.throwIfAny();
            localPlatforms.remove(AdoptionApi.user(authentication), code, id, version < 0 ? null : version,
                    form.getFirst("reason"));
            return "redirect:/adoption/provinces/" + province.code() + "/local-platforms/" + id + "?removed";
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            return localPage(authentication, code, id, e, form.toSingleValueMap(), model);
        }
    }

    private String localPage(Authentication authentication, String code, UUID id, RegistryException error,
            Map<String, String> removal, Model model) {
        Agency province = desk.province(code);
        LocalPlatform platform = localPlatforms.get(code, id);
        Agency successor = agencies.successorOn(code, agencies.today());
        model.addAttribute("province", province);
        model.addAttribute("successor", successor.code().equals(code) ? null : successor);
        model.addAttribute("platform", platform);
        model.addAttribute("revisions", localPlatforms.history(code, id).reversed());
        model.addAttribute("mayChange", !platform.removed() && CurrentUser.from(authentication)
                .map(u -> localPlatforms.mayChange(u, code)).orElse(false));
        model.addAttribute("removal", removal);
        model.addAttribute("error", error);
        return "adoption/local-platform";
    }

    /** Whether to show the overlap check's findings before saving: on the first submission, when it found any. */
    /**
     * Whether the form was sent again after its check was shown ({@code checked}): then the save itself checks, and
     * the page does not check a second time.
     */
    private static boolean confirmed(MultiValueMap<String, String> form) {
        return "true".equals(form.getFirst("checked"));
    }

    /** Whether a first submission's check is shown before anything is saved: it found something to look at. */
    private static boolean showFirst(LocalPlatforms.Check check) {
        return check.needsConfirmation() || !check.local().isEmpty();
    }

    /** The check to show with a refusal of a confirmed save; null when the draft itself is invalid. */
    private static LocalPlatforms.Check checkAgain(Supplier<LocalPlatforms.Check> check) {
        try {
            return check.get();
        } catch (RegistryException e) {
            return null;
        }
    }

    private static LocalPlatform.Draft draft(MultiValueMap<String, String> form) {
        InvalidParameters invalid = new InvalidParameters();
        List<String> functions = form.getFirst("functions") == null ? List.of()
                : List.of(form.getFirst("functions").split("\\R"));
        LocalPlatform.Draft draft = new LocalPlatform.Draft(form.getFirst("name_vi"), form.getFirst("name_en"),
                form.getFirst("description"), functions,
                invalid.choice("category", form.getFirst("category"), Category.class),
                invalid.choice("type", form.getFirst("type"), PlatformType.class),
                invalid.choice("status", form.getFirst("status"), AdoptionStatus.class),
                form.getFirst("website"), form.getFirst("department"));
        invalid.throwIfAny();
        return draft;
    }

    private String localForm(Agency province, LocalPlatform platform, MultiValueMap<String, String> form, Model model,
            RegistryException e) {
        model.addAttribute("province", province);
        model.addAttribute("platform", platform);
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("error", e);
        addChoices(model);
        return "adoption/local-platform-form";
    }

    @GetMapping("/adoption/proposals")
    @PreAuthorize(AdoptionApi.AUTHORITY_OR_PROVINCE)
    String proposals(Authentication authentication, HttpServletRequest request, Model model) {
        CurrentUser user = AdoptionApi.user(authentication);
        model.addAttribute("authority", user.role().nationalAuthority());
        Agency province = user.role() == Role.PROVINCE_EDITOR && user.agencyCode() != null
                ? agencies.successorOn(user.agencyCode(), agencies.today()) : null;
        model.addAttribute("myProvince", province);
        Links current = Links.from("/adoption/proposals", request, List.of("status", "q", "province", "size"));
        model.addAttribute("filters", current);
        model.addAttribute("filtered", current.get("status") != null || current.get("q") != null
                || current.get("province") != null);
        model.addAttribute("proposalStatuses", ProvinceProposal.Status.values());
        Pagination.intoModel(model, "proposals", current, () -> proposals.find(user, ProvinceProposalQuery.parse(
                request::getParameter, desk::isProvince, Paging.DEFAULT_SIZE)));
        return "adoption/proposals";
    }

    @PostMapping("/adoption/provinces/{code}/proposals")
    @PreAuthorize(AdoptionApi.PROVINCE_EDITOR_IN_SCOPE)
    String propose(Authentication authentication, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
        CurrentUser user = AdoptionApi.user(authentication);
        try {
            proposals.submit(user, code, form.getFirst("name"), form.getFirst("description"), form.getFirst("reason"));
            return "redirect:/adoption/proposals?submitted";
        } catch (RegistryException e) {
            model.addAttribute("error", e);
            model.addAttribute("form", form.toSingleValueMap());
            return proposals(authentication, request, model);
        }
    }

    @PostMapping("/adoption/proposals/{id}/decision")
    @PreAuthorize(AdoptionApi.AUTHORITY)
    String decide(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
        CurrentUser user = AdoptionApi.user(authentication);
        try {
            InvalidParameters invalid = new InvalidParameters();
            Integer version = invalid.integer("version", form.getFirst("version"), -1, 0, Integer.MAX_VALUE);
            invalid.throwIfAny();
            String decision = String.valueOf(form.getFirst("decision"));
            Boolean accept = switch (decision) {
                case "accept" -> Boolean.TRUE;
                case "decline" -> Boolean.FALSE;
                default -> null;
            };
            proposals.decide(user, id, version < 0 ? null : version, accept, form.getFirst("reason"));
            return "redirect:/adoption/proposals?decided";
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            // shown again on its proposal's card (or above the list when the card is no longer in it) with the
            // error, the choice and the reason as posted, so that a reason over the limit is shortened, not retyped
            model.addAttribute("posted", new PostedForm("decision-" + id, form));
            model.addAttribute("decisionError", e);
            return proposals(authentication, request, model);
        }
    }

    @GetMapping("/platforms/{code}/usage")
    String platformUsage(@PathVariable String code, Model model) {
        Platform platform = catalog.get(code);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("platform", platform);
        model.addAttribute("name", platform.name(locale));
        model.addAttribute("usage", usageChart("platform-usage", msg("adoption.usage.platform", locale,
                platform.name(locale), UsageStatistics.RECENT_DAYS), UsageStatistics.Dimension.PLATFORM, Set.of(code),
                agencies.today()));
        AdoptionFigures.Summary summary = figures.summary(agencies.today().getYear(), agencies.today());
        model.addAttribute("adoption", summary.platforms().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElse(null));
        model.addAttribute("year", summary.year());
        return "adoption/platform-usage";
    }

    /** The transactions of the {@link UsageStatistics#RECENT_DAYS} days that end with {@code to}. */
    private UsageChart usageChart(String id, String title, UsageStatistics.Dimension dimension, Set<String> keys,
            LocalDate to) {
        LocalDate from = UsageStatistics.recentFrom(to);
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        // each exchange once, even one between two of the keys (a province and one merged into it)
        for (UsageStatistics.DailyCount c : usage.totals(dimension, keys, from, to)) {
            if (byDay.containsKey(c.day())) {
                byDay.get(c.day())[0] += c.transactions();
                byDay.get(c.day())[1] += c.failures();
            }
        }
        long max = Math.max(1, byDay.values().stream().mapToLong(v -> v[0]).max().orElse(1));
        long total = byDay.values().stream().mapToLong(v -> v[0]).sum();
        int bar = 18;
        int height = 120;
        List<UsageDay> days = new ArrayList<>();
        int i = 0;
        for (var e : byDay.entrySet()) {
            long n = e.getValue()[0];
            int h = n == 0 ? 0 : (int) Math.max(2, Math.round((double) height * n / max));
            days.add(new UsageDay(e.getKey(), n, e.getValue()[1], i++ * bar, h));
        }
        return new UsageChart(id, title, days, total, max, days.size() * bar, height);
    }

    private ProvinceMap map(AdoptionFigures.Summary summary, Locale locale) {
        return ProvinceMap.of("province-map", msg("adoption.map.title", locale, summary.year(),
                CalendarDates.format(summary.asOf(), locale)), msg("adoption.map.desc", locale, summary.kpis().provinces(),
                summary.levels().get(AdoptionFigures.Level.IN_USE), summary.levels().get(AdoptionFigures.Level.DEPLOYING),
                summary.levels().get(AdoptionFigures.Level.PLANNED), summary.levels().get(AdoptionFigures.Level.NONE)),
                summary, locale, code -> Links.to("/adoption/provinces/" + code).with("asOf", summary.asOf()).href());
    }

    /**
     * The national platforms a plan form offers without a search: those recognised and in trial or in use today,
     * by name. The catalogue is asked for one page of each status (at most {@link PlatformQuery#MAX_SIZE}); any
     * other platform is added through the form's search.
     */
    private Offered offered() {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = agencies.today();
        List<Platform> platforms = new ArrayList<>();
        boolean complete = true;
        for (LifecycleStatus status : OFFERED) {
            PlatformPage page = catalog.search(new PlatformQuery(null, null, null, null, status, null, today, 1,
                    PlatformQuery.MAX_SIZE, PlatformQuery.Sort.NAME));
            page.items().forEach(hit -> platforms.add(hit.platform()));
            complete &= page.total() <= page.items().size();
        }
        platforms.sort(FoldedSearch.<Platform>byFolded(p -> p.name(locale)).thenComparing(Platform::code));
        Map<String, Platform> offered = new LinkedHashMap<>();
        platforms.forEach(p -> offered.put(p.code(), p));
        return new Offered(offered, complete);
    }

    /**
     * The platforms a plan form offers (by code, in the order shown: by name in the reader's language), and whether
     * they are all the platforms of the offered statuses.
     */
    record Offered(Map<String, Platform> platforms, boolean complete) {
    }

    /**
     * The plan form's rows: the platforms already in the plan (or in the form sent back), then the offered
     * national platforms, then {@code more} (one chosen through the search, those of a plan saved meanwhile).
     */
    private List<FormRow> rows(List<PlatformAdoption> declared, MultiValueMap<String, String> form,
            Collection<String> more, Offered offered) {
        Set<String> codes = new LinkedHashSet<>();
        if (form != null) {
            codes.addAll(PlanRowField.platforms(form));
        } else {
            declared.forEach(a -> codes.add(a.platformCode()));
        }
        codes.addAll(offered.platforms().keySet());
        codes.addAll(more);
        // the offered platforms are at hand; only the others are read, in one query (a code no platform has names
        // itself)
        Map<String, Platform> others = catalog.find(codes.stream()
                .filter(c -> !offered.platforms().containsKey(c)).toList());
        Locale locale = LocaleContextHolder.getLocale();
        List<FormRow> rows = new ArrayList<>();
        for (String code : codes) {
            Platform platform = offered.platforms().getOrDefault(code, others.get(code));
            String name = platform == null ? code : platform.name(locale);
            String lang = platform == null ? null : platform.lang(locale);
            if (form != null) {
                rows.add(new FormRow(code, name, lang, PlanRowField.posted(form, code), List.of()));
                continue;
            }
            Map<PlanRowField, String> values = declared.stream().filter(a -> a.platformCode().equals(code))
                    .findFirst().map(PlanRowField::declared).orElse(Map.of());
            rows.add(new FormRow(code, name, lang, values, List.of()));
        }
        return rows;
    }

    private static void addChoices(Model model) {
        model.addAttribute("categories", Wire.values(Category.class));
        model.addAttribute("types", Wire.values(PlatformType.class));
        model.addAttribute("statuses", Wire.values(AdoptionStatus.class));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
