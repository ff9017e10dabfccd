package vn.ndp.registry.adoption.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.LocalPlatforms;
import vn.ndp.registry.adoption.ProvinceProposal;
import vn.ndp.registry.adoption.ProvinceProposalQuery;
import vn.ndp.registry.adoption.ProvinceProposals;
import vn.ndp.registry.adoption.internal.AdoptionJson.CheckJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.DecisionJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.DeclarationJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.HeldPlanJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.KpisJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.LocalPlatformJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.LocalPlatformRemovalJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.LocalPlatformRequest;
import vn.ndp.registry.adoption.internal.AdoptionJson.LocalPlatformRevisionJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.MatchJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.MinistryRowJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.NewProposalJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.PlanJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.PlatformRowJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.ProposalJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.ProvinceJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.ProvinceRowJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.PublishedJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.SummaryJson;
import vn.ndp.registry.adoption.internal.AdoptionJson.TrendJson;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyJson.AgencyRef;
import vn.ndp.registry.agencies.AgencyJson.ExistenceJson;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.reporting.ProgrammeFigures;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.ProblemApi;
import vn.ndp.registry.shared.ProblemResponses;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.web.PageHeaders;

/**
 * Local adoption over JSON: the national figures for a year as of a date
 * (computed beside published), each province's plans with those of the
 * provinces merged into it, declarations, local platforms with the overlap
 * check, province proposals, and the report as CSV, XLSX or PDF.
 */
@ProblemApi
@RequestMapping("/api/v1/adoption")
@Tag(name = "Local adoption", description = "Province plans, responsibilities, local platforms, proposals, figures")
@SecurityRequirement(name = "bearer")
class AdoptionApi {

    static final String EDITOR_IN_SCOPE = "hasRole('ADMIN') or (hasRole('PROVINCE_EDITOR')"
            + " and @scopes.canActFor(authentication, #code))";
    static final String PROVINCE_EDITOR_IN_SCOPE = "hasRole('PROVINCE_EDITOR') and @scopes.canActFor(authentication, #code)";
    static final String AUTHORITY = "hasAnyRole('ADMIN', 'REVIEWER')";
    static final String AUTHORITY_OR_PROVINCE = "hasAnyRole('ADMIN', 'REVIEWER', 'PROVINCE_EDITOR')";

    private final AdoptionDesk desk;
    private final AdoptionFigures figures;
    private final LocalPlatforms localPlatforms;
    private final ProvinceProposals proposals;
    private final AdoptionReports reports;
    private final ProgrammeFigures programme;
    private final Agencies agencies;

    AdoptionApi(AdoptionDesk desk, AdoptionFigures figures, LocalPlatforms localPlatforms,
            ProvinceProposals proposals, AdoptionReports reports, ProgrammeFigures programme, Agencies agencies) {
        this.desk = desk;
        this.figures = figures;
        this.localPlatforms = localPlatforms;
        this.proposals = proposals;
        this.reports = reports;
        this.programme = programme;
        this.agencies = agencies;
    }

    /** The year and as-of date of a figures request, every bad one named; the year is the date's unless given. */
    record Period(int year, LocalDate asOf) {

        /**
         * An empty {@code asOf} is today, as a page's form sends it; the API never gets here with one
         * ({@code StrictQueryParameters} refuses it).
         */
        static Period parse(String year, String asOf, LocalDate today) {
            InvalidParameters invalid = new InvalidParameters();
            LocalDate date = invalid.date("asOf", asOf);
            LocalDate on = date == null ? today : date;
            int y = invalid.integer("year", year, on.getYear(), 2000, 2100);
            invalid.throwIfAny();
            return new Period(y, on);
        }
    }

    @GetMapping("/summary")
    @Operation(summary = "Adoption figures for a year as of a date: computed from declarations, beside published ones")
    SummaryJson summary(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf) {
        Period period = Period.parse(year, asOf, agencies.today());
        AdoptionFigures.Summary s = figures.summary(period.year(), period.asOf());
        String prefix = "list_" + period.year() + ".provinces_";
        return new SummaryJson(s.year(), s.asOf(), s.sample(), KpisJson.of(s.kpis()),
                programme.publishedBy(s.asOf()).stream().filter(f -> f.key().startsWith(prefix)).map(PublishedJson::of).toList(),
                s.provinces().stream().map(ProvinceRowJson::of).toList(),
                s.platforms().stream().map(PlatformRowJson::of).toList(),
                s.ministries().stream().map(MinistryRowJson::of).toList());
    }

    @GetMapping("/trend")
    @Operation(summary = "The computed figures of every year that has declarations, each as of the end of that year")
    List<TrendJson> trend(@RequestParam(required = false) String asOf) {
        Period period = Period.parse(null, asOf, agencies.today());
        return figures.trend(period.asOf()).stream()
                .map(t -> new TrendJson(t.year(), t.asOf(), KpisJson.of(t.kpis()))).toList();
    }

    @GetMapping("/provinces/{code}")
    @Operation(summary = "A province's plans, those of the provinces merged into it, and its local platforms")
    ProvinceJson province(Authentication authentication, @PathVariable String code,
            @RequestParam(required = false) String asOf) {
        Period period = Period.parse(null, asOf, agencies.today());
        Agency province = desk.province(code);
        boolean contacts = CurrentUser.from(authentication).isPresent();
        List<AgencyRef> predecessors = new ArrayList<>();
        agencies.predecessorsOf(code).stream().filter(s -> !s.effectiveDate().isAfter(period.asOf()))
                .forEach(s -> predecessors.add(AgencyRef.of(agencies.get(s.predecessorCode()))));
        Existence existence = agencies.existenceOn(code, period.asOf());
        // a province not formed yet on the date had no local platforms then: those it has were registered later
        List<LocalPlatformJson> local = existence instanceof Existence.NotYetFormed ? List.of()
                : localPlatforms.of(code, period.asOf()).stream().map(LocalPlatformJson::of).toList();
        return new ProvinceJson(AgencyRef.of(province), period.asOf(), ExistenceJson.of(existence, agencies::get),
                predecessors,
                desk.history(code, period.asOf()).stream().map(h -> HeldPlanJson.of(h, contacts)).toList(), local);
    }

    @PutMapping("/provinces/{code}/plan")
    @PreAuthorize(EDITOR_IN_SCOPE)
    @Operation(summary = "Declare or replace the province's plan for a year (send the version you read)")
    PlanJson declare(Authentication authentication, @PathVariable String code,
            @RequestBody(required = false) DeclarationJson request) {
        CurrentUser user = user(authentication);
        desk.province(code);
        if (request == null) {
            throw body("year", "the body is required: {year, documentKind, documentNumber, documentDate, platforms}.");
        }
        InvalidParameters invalid = new InvalidParameters();
        var declaration = request.toDeclaration(invalid);
        List<RegistryException.FieldError> unreadable = List.of();
        try {
            invalid.throwIfAny();
        } catch (RegistryException e) {
            unreadable = e.errors();
        }
        return PlanJson.of(desk.declare(user, code, declaration, request.version(), unreadable), true);
    }

    @GetMapping("/provinces/{code}/local-platforms")
    @Operation(summary = "The province's local platforms (kind = local) in the register, with their overlap verdicts")
    List<LocalPlatformJson> localPlatforms(@PathVariable String code) {
        return localPlatforms.of(code).stream().map(LocalPlatformJson::of).toList();
    }

    @PostMapping("/provinces/{code}/local-platforms/check")
    @PreAuthorize(EDITOR_IN_SCOPE)
    @Operation(summary = "Check a local platform against the national ones before saving it")
    CheckJson checkLocalPlatform(@PathVariable String code, @RequestBody(required = false) LocalPlatformRequest request) {
        desk.province(code);
        var check = localPlatforms.check(code, draft(request));
        return new CheckJson(check.needsConfirmation(), check.national().stream().map(MatchJson::of).toList(),
                check.local().stream().map(MatchJson::of).toList());
    }

    @PostMapping("/provinces/{code}/local-platforms")
    @PreAuthorize(EDITOR_IN_SCOPE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a local platform; one that duplicates a national platform needs saveAnyway and a reason")
    LocalPlatformJson registerLocalPlatform(Authentication authentication, @PathVariable String code,
            @RequestBody(required = false) LocalPlatformRequest request) {
        CurrentUser user = user(authentication);
        desk.province(code);
        var draft = draft(request);
        return LocalPlatformJson.of(localPlatforms.register(user, code, draft,
                Boolean.TRUE.equals(request.saveAnyway()), request.reason()));
    }

    @GetMapping("/provinces/{code}/local-platforms/{id}")
    @Operation(summary = "One local platform of the province, removed or not")
    LocalPlatformJson localPlatform(@PathVariable String code, @PathVariable UUID id) {
        return LocalPlatformJson.of(localPlatforms.get(code, id));
    }

    @GetMapping("/provinces/{code}/local-platforms/{id}/history")
    @Operation(summary = "A local platform's history: each version, who made it, when, fields before and after")
    List<LocalPlatformRevisionJson> localPlatformHistory(@PathVariable String code, @PathVariable UUID id) {
        return localPlatforms.history(code, id).stream().map(LocalPlatformRevisionJson::of).toList();
    }

    @PutMapping("/provinces/{code}/local-platforms/{id}")
    @PreAuthorize(EDITOR_IN_SCOPE)
    @Operation(summary = "Change a local platform (send the version you read); the overlap check runs again and one"
            + " that duplicates a national platform needs saveAnyway and a reason")
    LocalPlatformJson changeLocalPlatform(Authentication authentication, @PathVariable String code,
            @PathVariable UUID id, @RequestBody(required = false) LocalPlatformRequest request) {
        CurrentUser user = user(authentication);
        localPlatforms.get(code, id);
        var draft = draft(request);
        return LocalPlatformJson.of(localPlatforms.change(user, code, id, draft,
                request.version(), Boolean.TRUE.equals(request.saveAnyway()), request.reason()));
    }

    @PostMapping("/provinces/{code}/local-platforms/{id}/removal")
    @PreAuthorize(EDITOR_IN_SCOPE)
    @Operation(summary = "Remove a local platform from the register, with a reason (send the version you read);"
            + " it is kept with its history")
    LocalPlatformJson removeLocalPlatform(Authentication authentication, @PathVariable String code,
            @PathVariable UUID id, @RequestBody(required = false) LocalPlatformRemovalJson request) {
        CurrentUser user = user(authentication);
        localPlatforms.get(code, id);
        if (request == null) {
            throw body("reason", "the body is required: {reason, version}.");
        }
        return LocalPlatformJson.of(localPlatforms.remove(user, code, id, request.version(), request.reason()));
    }

    @PostMapping("/provinces/{code}/proposals")
    @PreAuthorize(PROVINCE_EDITOR_IN_SCOPE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a platform for the national list (đề xuất đặt hàng, bổ sung)")
    ProposalJson propose(Authentication authentication, @PathVariable String code,
            @RequestBody(required = false) NewProposalJson request) {
        if (request == null) {
            throw body("name", "the body is required: {name, description, reason}.");
        }
        return ProposalJson.of(proposals.submit(user(authentication), code, request.name(), request.description(),
                request.reason()));
    }

    @GetMapping("/proposals")
    @PreAuthorize(AUTHORITY_OR_PROVINCE)
    @Operation(summary = "Province proposals (all for the national authority, your province's for its editors) as a"
            + " plain list, the most recently submitted or decided first, at most " + Paging.MAX_SIZE + " a page",
            description = "Filters: status, q (words in the proposed name, diacritics ignored), province (with the"
                    + " provinces merged into it; narrows your scope, never widens it). page and size default to 1"
                    + " and " + Paging.MAX_SIZE + ". The page is described in the headers X-Total-Count, X-Page,"
                    + " X-Page-Size and Link (rel=next, prev), as for /support/requests.")
    @Parameters({
        @Parameter(in = ParameterIn.QUERY, name = "status", description = "submitted|accepted|declined"),
        @Parameter(in = ParameterIn.QUERY, name = "q", description = "words in the proposed name"),
        @Parameter(in = ParameterIn.QUERY, name = "province", description = "province code, e.g. P-HA-NOI"),
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "1-based"),
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "1–" + Paging.MAX_SIZE)
    })
    ResponseEntity<List<ProposalJson>> proposals(Authentication authentication, HttpServletRequest request) {
        ResultPage<ProvinceProposal> page = proposals.find(user(authentication),
                ProvinceProposalQuery.parse(request::getParameter, desk::isProvince, Paging.MAX_SIZE));
        return ResponseEntity.ok()
                .headers(PageHeaders.of(request, page))
                .body(page.items().stream().map(ProposalJson::of).toList());
    }

    @PostMapping("/proposals/{id}/decision")
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Accept or decline a province's proposal, with a reason")
    ProposalJson decide(Authentication authentication, @PathVariable UUID id,
            @RequestBody(required = false) DecisionJson request) {
        if (request == null) {
            throw body("decision", "the body is required: {decision: accept|decline, reason, version}.");
        }
        Boolean accept = switch (request.decision() == null ? "" : request.decision()) {
            case "accept" -> Boolean.TRUE;
            case "decline" -> Boolean.FALSE;
            default -> throw body("decision", "must be accept or decline.");
        };
        return ProposalJson.of(proposals.decide(user(authentication), id, request.version(), accept,
                request.reason()));
    }

    @GetMapping("/report.csv")
    @Operation(summary = "One row per province for a year as of a date (UTF-8 CSV)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf) {
        Period period = Period.parse(year, asOf, agencies.today());
        return file(reports.csv(figures.summary(period.year(), period.asOf())), "text/csv;charset=UTF-8",
                name(period, "csv"));
    }

    @GetMapping("/report.xlsx")
    @Operation(summary = "Summary, provinces, platforms and ministries as an Excel workbook")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String year,
            @RequestParam(required = false) String asOf) {
        Period period = Period.parse(year, asOf, agencies.today());
        return file(reports.xlsx(figures.summary(period.year(), period.asOf())),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name(period, "xlsx"));
    }

    @GetMapping("/report.pdf")
    @Operation(summary = "The report with charts and the province map as PDF")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf) {
        Period period = Period.parse(year, asOf, agencies.today());
        AdoptionFigures.Summary summary = figures.summary(period.year(), period.asOf());
        ProvinceMap map = ProvinceMap.of("map", "", "", summary, java.util.Locale.of("vi"), // the report is Vietnamese
                code -> "/adoption/provinces/" + code);
        return file(AdoptionPdf.render(summary, reports.kpis(summary), map), MediaType.APPLICATION_PDF_VALUE,
                name(period, "pdf"));
    }

    private static String name(Period period, String extension) {
        return "ndp-adoption-" + period.year() + "-asof-" + period.asOf() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private static vn.ndp.registry.adoption.LocalPlatform.Draft draft(LocalPlatformRequest request) {
        if (request == null) {
            throw body("nameVi", "the body is required: {nameVi, description, functions, category, type, ...}.");
        }
        InvalidParameters invalid = new InvalidParameters();
        var draft = request.toDraft(invalid);
        invalid.throwIfAny();
        return draft;
    }

    private static RegistryException body(String field, String message) {
        return new RegistryException(ErrorCode.INVALID_BODY, field + ": " + message,
                List.of(RegistryException.FieldError.of(field, message)));
    }

    static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new RegistryException(
                ErrorCode.AUTHENTICATION_REQUIRED, ProblemResponses.SIGN_IN));
    }
}
