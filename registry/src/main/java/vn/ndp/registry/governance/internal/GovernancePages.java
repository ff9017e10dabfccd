package vn.ndp.registry.governance.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRegister;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.governance.ChangeDesk;
import vn.ndp.registry.governance.ChangeRequest;
import vn.ndp.registry.governance.ChangeStatus;
import vn.ndp.registry.governance.Evaluation;
import vn.ndp.registry.governance.EvidenceDocuments;
import vn.ndp.registry.governance.Proposal;
import vn.ndp.registry.governance.ProposalCommand;
import vn.ndp.registry.governance.ProposalQuery;
import vn.ndp.registry.governance.ProposalStatus;
import vn.ndp.registry.governance.RecognitionDesk;
import vn.ndp.registry.governance.ReevaluationDesk;
import vn.ndp.registry.governance.StandingAction;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.VietnamTime;
import vn.ndp.registry.shared.web.Downloads;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.PostedForm;
import vn.ndp.registry.shared.web.WebPage;

/**
 * The governance pages: editors draft, submit and follow their agency's
 * proposals and change their entries; reviewers work through the queue, record
 * evaluations and decide, and keep re-evaluations up to date. Every form posts
 * with a CSRF token and the version it was rendered from; a refused form is
 * shown again with each problem (for a concurrent change: what changed).
 */
@WebPage
class GovernancePages {

    private static final String ANY = "hasAnyRole('ADMIN', 'REVIEWER', 'MINISTRY_EDITOR')";
    /** The form's box by which a reviewer confirms a decision signed before the proposal was submitted. */
    private static final String CONFIRM_EARLIER_DATE = "confirm_earlier_date";

    private final RecognitionDesk desk;
    private final ChangeDesk changes;
    private final ReevaluationDesk reevaluations;
    private final EvidenceDocuments documents;
    private final PlatformRegister register;
    private final Catalog catalog;
    private final Agencies agencies;
    private final OverlapDetector overlap;

    GovernancePages(RecognitionDesk desk, ChangeDesk changes, ReevaluationDesk reevaluations,
            EvidenceDocuments documents, PlatformRegister register, Catalog catalog, Agencies agencies,
            OverlapDetector overlap) {
        this.desk = desk;
        this.changes = changes;
        this.reevaluations = reevaluations;
        this.documents = documents;
        this.register = register;
        this.catalog = catalog;
        this.agencies = agencies;
        this.overlap = overlap;
    }

    @GetMapping("/governance")
    @PreAuthorize(ANY)
    String home(Authentication authentication, HttpServletRequest request, Model model) {
        CurrentUser user = GovernanceApi.user(authentication);
        model.addAttribute("user", user);
        model.addAttribute("reviewer", user.role().nationalAuthority());
        proposalList(user, request, model);
        List<ChangeRequest> listed;
        if (user.role().nationalAuthority()) {
            model.addAttribute("queue", desk.queue());
            listed = changes.pending();
            model.addAttribute("pendingChanges", listed);
        } else {
            model.addAttribute("platforms", catalog.ownedBy(user.agencyCode(), agencies.today()));
            listed = changes.ofAgency(user.agencyCode());
            model.addAttribute("agencyChanges", listed);
        }
        model.addAttribute("changedPlatforms", changedPlatforms(listed));
        return "governance/home";
    }

    /** The platforms the listed change requests are for, by code, so that the page names each request's platform. */
    private Map<String, Platform> changedPlatforms(List<ChangeRequest> listed) {
        return catalog.find(listed.stream().map(ChangeRequest::platformCode).distinct().toList());
    }

    /**
     * The proposal list of the home page, filtered and paged as the parameters ask; bad parameters are listed on
     * the page and nothing is queried.
     */
    private void proposalList(CurrentUser user, HttpServletRequest request, Model model) {
        Links current = Links.from("/governance", request, List.of("status", "q", "size"));
        model.addAttribute("filters", current);
        model.addAttribute("filtered", current.get("status") != null || current.get("q") != null);
        model.addAttribute("statuses", ProposalStatus.values());
        Pagination.intoModel(model, "proposals", current,
                () -> desk.find(user, ProposalQuery.parse(request::getParameter, Paging.DEFAULT_SIZE)));
    }

    @GetMapping("/governance/proposals/new")
    @PreAuthorize(GovernanceApi.EDITOR)
    String newProposal(Model model) {
        model.addAttribute("fields", form(Map.of()));
        model.addAttribute("code", "");
        return "governance/proposal-new";
    }

    @PostMapping("/governance/proposals")
    @PreAuthorize(GovernanceApi.EDITOR)
    String createProposal(Authentication authentication, @RequestParam MultiValueMap<String, String> form,
            Model model) {
        Map<PlatformField, String> fields = fields(form);
        try {
            Proposal p = desk.draft(GovernanceApi.user(authentication), form.getFirst("code"), fields);
            return "redirect:/governance/proposals/" + p.id();
        } catch (RegistryException e) {
            model.addAttribute("fields", form(fields));
            model.addAttribute("code", form.getFirst("code"));
            model.addAttribute("error", e);
            return "governance/proposal-new";
        }
    }

    @GetMapping("/governance/proposals/{id}")
    @PreAuthorize(ANY)
    String proposal(Authentication authentication, @PathVariable UUID id, Model model) {
        return proposalPage(GovernanceApi.user(authentication), desk.get(id, GovernanceApi.user(authentication)),
                null, PostedForm.NONE, model);
    }

    @PostMapping("/governance/proposals/{id}")
    @PreAuthorize(GovernanceApi.EDITOR)
    String editProposal(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        return act(authentication, id, form, new ProposalCommand.Edit(fields(form)), model);
    }

    @PostMapping("/governance/proposals/{id}/documents")
    @PreAuthorize(GovernanceApi.EDITOR)
    String attach(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        return act(authentication, id, form, new ProposalCommand.AttachEvidence(
                file == null ? "" : file.getOriginalFilename(), content), model);
    }

    @PostMapping("/governance/proposals/{id}/submit")
    @PreAuthorize(GovernanceApi.EDITOR)
    String submit(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return act(authentication, id, form, new InvalidParameters(), new ProposalCommand.Submit(), model, redirect);
    }

    @PostMapping("/governance/proposals/{id}/withdraw")
    @PreAuthorize(GovernanceApi.EDITOR)
    String withdraw(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return act(authentication, id, form, new InvalidParameters(), new ProposalCommand.Withdraw(), model, redirect);
    }

    @PostMapping("/governance/proposals/{id}/evaluation")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String evaluate(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        InvalidParameters invalid = new InvalidParameters();
        Evaluation evaluation = evaluation(form, invalid);
        return act(authentication, id, form, invalid, new ProposalCommand.RecordEvaluation(evaluation), model, null);
    }

    @PostMapping("/governance/proposals/{id}/return")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String returnForChanges(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        return act(authentication, id, form, new ProposalCommand.ReturnForChanges(form.getFirst("reason")), model);
    }

    @PostMapping("/governance/proposals/{id}/decision")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String decide(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        InvalidParameters invalid = new InvalidParameters();
        LocalDate date = invalid.date("decision_date", form.getFirst("decision_date"));
        String number = form.getFirst("decision_number");
        String issuer = form.getFirst("decision_issuer");
        ProposalCommand command = switch (String.valueOf(form.getFirst("decision"))) {
            case "recognise_as_potential" -> new ProposalCommand.RecogniseAsPotential(number, date, issuer);
            case "reject" -> new ProposalCommand.Reject(form.getFirst("reason"));
            default -> new ProposalCommand.Recognise(number, date, issuer);
        };
        if (!(command instanceof ProposalCommand.Reject) && date != null
                && !"yes".equals(form.getFirst(CONFIRM_EARLIER_DATE))) {
            askIfBeforeSubmission(desk.get(id, GovernanceApi.user(authentication)), date, invalid, model);
        }
        return act(authentication, id, form, invalid, command, model, null);
    }

    /**
     * A decision dated before the proposal was submitted lists the platform from that day, in official lists and
     * figures of the days before too. That is right for a decision taken before NDP, recorded through a proposal
     * now (so the API takes it), but a mistyped year would rewrite the catalogue's history: the page asks the
     * reviewer to confirm it, naming both dates, and shows the box to tick.
     */
    private static void askIfBeforeSubmission(Proposal p, LocalDate date, InvalidParameters invalid, Model model) {
        if (p.submittedAt() == null) {
            return;
        }
        LocalDate submitted = p.submittedAt().atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        if (date.isBefore(submitted)) {
            invalid.reject("decision_date", "is " + date + ", before the proposal was submitted (" + submitted
                    + "); tick the confirmation if the decision was signed before that.",
                    RegistryException.Said.of("gov.error.field.decision_date.beforeSubmission",
                            CalendarDates.vietnamese(date), CalendarDates.format(date, Locale.ENGLISH),
                            CalendarDates.vietnamese(submitted), CalendarDates.format(submitted, Locale.ENGLISH)));
            model.addAttribute("askEarlierDate", true);
        }
    }

    @GetMapping("/governance/documents/{id}")
    @PreAuthorize(GovernanceApi.DOCUMENT_READERS)
    ResponseEntity<byte[]> document(Authentication authentication, @PathVariable UUID id) {
        EvidenceDocuments.Download download = documents.download(id, GovernanceApi.user(authentication), desk,
                changes);
        return Downloads.attachment(download.document().fileName(), download.document().contentType(),
                download.content());
    }

    @GetMapping("/governance/platforms/{code}/changes")
    @PreAuthorize("@scopes.canEditPlatform(authentication, #code)")
    String changeForm(Authentication authentication, @PathVariable String code, Model model) {
        Platform platform = catalog.get(code);
        return changePage(GovernanceApi.user(authentication), platform, PlatformField.valuesOf(platform),
                platform.version(), null, null, null, model);
    }

    @PostMapping("/governance/platforms/{code}/changes")
    @PreAuthorize("@scopes.canEditPlatform(authentication, #code)")
    String change(Authentication authentication, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) throws IOException {
        CurrentUser user = GovernanceApi.user(authentication);
        Platform platform = catalog.get(code);
        Map<PlatformField, String> wanted = new EnumMap<>(PlatformField.class);
        for (PlatformField field : desk.settings().reviewedFields()) {
            putIfPresent(wanted, field, form);
        }
        for (PlatformField field : desk.settings().directFields()) {
            putIfPresent(wanted, field, form);
        }
        try {
            InvalidParameters invalid = new InvalidParameters();
            LocalDate effectiveOn = invalid.date("effective_on", form.getFirst("effective_on"));
            invalid.throwIfAny();
            ChangeDesk.Outcome outcome = changes.request(code, version(form), wanted, form.getFirst("reason"),
                    effectiveOn, GovernanceApi.uploads(files), user);
            // after a redirect, so that reloading the page reads it again instead of sending the form twice
            redirect.addFlashAttribute("applied", outcome.applied().stream().map(f -> f.field().wireName()).toList());
            redirect.addFlashAttribute("sentForReview", outcome.pending() != null);
            return "redirect:/governance/platforms/" + code + "/changes";
        } catch (RegistryException e) {
            Map<PlatformField, String> shown = new EnumMap<>(PlatformField.valuesOf(platform));
            shown.putAll(wanted);
            return changePage(user, platform, shown, versionShown(form, e, platform), form.getFirst("reason"),
                    form.getFirst("effective_on"), e, model);
        }
    }

    /** The ministry's editor adds a document to a pending request; to anyone else the request does not exist. */
    @PostMapping("/governance/changes/{id}/documents")
    @PreAuthorize(GovernanceApi.EDITOR)
    String attachToChange(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        CurrentUser user = GovernanceApi.user(authentication);
        EvidenceDocuments.Upload upload = new EvidenceDocuments.Upload(file == null ? "" : file.getOriginalFilename(),
                file == null ? new byte[0] : file.getBytes());
        try {
            ChangeRequest change = changes.attach(id, version(form), upload, user);
            return "redirect:/governance/platforms/" + change.platformCode() + "/changes";
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e; // out of scope or no such request: the same answer, so that no id is confirmed
            }
            // attach checks the scope first: whoever gets here may see the request
            Platform platform = catalog.get(changes.get(id, user).platformCode());
            return changePage(user, platform, PlatformField.valuesOf(platform), platform.version(), null, null, e,
                    model);
        }
    }

    /**
     * A refused decision comes back on the home page with the note as typed, in that request's form, and the error
     * beside it; when the request is no longer pending (decided meanwhile) it has no form, so the error is shown at
     * the top, naming the request.
     */
    @PostMapping("/governance/changes/{id}/decision")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String decideChange(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
        CurrentUser user = GovernanceApi.user(authentication);
        ChangeStatus.Action action = "decline".equals(form.getFirst("action")) ? ChangeStatus.Action.DECLINE
                : ChangeStatus.Action.APPROVE;
        try {
            changes.decide(id, version(form), action, form.getFirst("note"), user);
            return "redirect:/governance";
        } catch (RegistryException e) {
            ChangeRequest asked = e.code() == ErrorCode.NOT_FOUND ? null : changes.get(id, user);
            model.addAttribute("posted", GovernanceForms.changeDecision(id, form));
            if (asked != null && asked.status() == ChangeStatus.PENDING) {
                model.addAttribute("changeError", e);
            } else {
                model.addAttribute("error", e);
                model.addAttribute("decidedChange", asked);
            }
            return home(authentication, request, model);
        }
    }

    @GetMapping("/governance/reevaluations")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String due(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("overdue", overdue);
        model.addAttribute("due", reevaluations.due(overdue));
        return "governance/reevaluations";
    }

    @GetMapping("/governance/platforms/{code}/standing")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String standingForm(@PathVariable String code, Model model) {
        Platform platform = catalog.get(code);
        return standingPage(platform, platform.version(), null, PostedForm.NONE, model);
    }

    @PostMapping("/governance/platforms/{code}/standing")
    @PreAuthorize(GovernanceApi.REVIEWER)
    String standing(Authentication authentication, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        InvalidParameters invalid = new InvalidParameters();
        StandingAction action = invalid.choice("action", form.getFirst("action"), StandingAction.class);
        Evaluation evaluation = action == StandingAction.KEEP || form.getFirst("security_level") != null
                && !form.getFirst("security_level").isBlank() ? evaluation(form, invalid) : null;
        try {
            if (action == null) {
                invalid.reject("action", "is required.");
            }
            invalid.throwIfAny();
            reevaluations.decide(code, version(form), new ReevaluationDesk.StandingDecision(action, evaluation,
                    form.getFirst("reason"), form.getFirst("legal_basis")), GovernanceApi.user(authentication));
            return "redirect:/platforms/" + code + "/history";
        } catch (RegistryException e) {
            Platform platform = catalog.get(code);
            return standingPage(platform, versionShown(form, e, platform), e,
                    new PostedForm(GovernanceForms.STANDING, form), model);
        }
    }

    /** Public: every change to the entry, and what changed since its last recognition. */
    @GetMapping("/platforms/{code}/history")
    String history(@PathVariable String code, Model model) {
        Platform platform = catalog.get(code);
        model.addAttribute("platform", platform);
        model.addAttribute("revisions", register.history(code).reversed().stream().map(RevisionView::of).toList());
        model.addAttribute("lastRecognition", register.lastRecognition(code).orElse(null));
        model.addAttribute("sinceRecognition", register.changedSinceRecognition(code));
        return "governance/history";
    }

    /** A revision as the history panel shows it, its fields named by wire name like a local platform's. */
    record RevisionView(int version, OffsetDateTime occurredAt, LocalDate effectiveOn, String actor,
            PlatformRevision.Cause cause, String note, List<FieldChange<String>> fields) {

        static RevisionView of(PlatformRevision r) {
            return new RevisionView(r.version(), r.occurredAt(), r.effectiveOn(), r.actor(), r.cause(), r.note(),
                    GovernanceJson.byWireName(r.fields()));
        }
    }

    private String act(Authentication authentication, UUID id, MultiValueMap<String, String> form,
            ProposalCommand command, Model model) {
        return act(authentication, id, form, new InvalidParameters(), command, model, null);
    }

    /**
     * Does {@code command} unless the form's own values were already refused ({@code invalid}); when either refuses,
     * the proposal page again, with what the form posted. With {@code redirect}, a command sent twice whose result
     * the proposal already shows is said to be done ({@link #alreadyDone}) rather than refused.
     */
    private String act(Authentication authentication, UUID id, MultiValueMap<String, String> form,
            InvalidParameters invalid, ProposalCommand command, Model model, RedirectAttributes redirect) {
        CurrentUser user = GovernanceApi.user(authentication);
        try {
            invalid.throwIfAny();
            desk.handle(id, version(form), command, user);
            return "redirect:/governance/proposals/" + id;
        } catch (RegistryException e) {
            Proposal current = desk.get(id, user);
            if (redirect != null && e.code() == ErrorCode.CONCURRENT_CHANGE && alreadyDone(command, current)) {
                redirect.addFlashAttribute("alreadyDone", InvalidParameters.Wire.name(current.status()));
                return "redirect:/governance/proposals/" + id;
            }
            return proposalPage(user, current, e, GovernanceForms.of(command, form), model);
        }
    }

    /**
     * Whether a command refused as stale asked for what the proposal already is: a submission sent twice (a double
     * click) finds the proposal submitted, which the page says plainly instead of a conflict.
     */
    private static boolean alreadyDone(ProposalCommand command, Proposal current) {
        return command instanceof ProposalCommand.Submit && current.status() == ProposalStatus.SUBMITTED
                || command instanceof ProposalCommand.Withdraw && current.status() == ProposalStatus.WITHDRAWN;
    }

    private String proposalPage(CurrentUser user, Proposal p, RegistryException error, PostedForm posted,
            Model model) {
        boolean editor = user.role() == Role.MINISTRY_EDITOR;
        model.addAttribute("p", p);
        model.addAttribute("fields", form(posted.is(GovernanceForms.EDIT) ? fields(posted.values()) : p.fields()));
        model.addAttribute("posted", posted);
        model.addAttribute("canEdit", editor && p.status().editable());
        model.addAttribute("canWithdraw", editor && p.status().after(new ProposalCommand.Withdraw()).isPresent());
        model.addAttribute("canReview", user.role().nationalAuthority() && p.status().awaitingReview());
        model.addAttribute("canDecide", user.role().nationalAuthority()
                && p.status().after(new ProposalCommand.Reject("")).isPresent());
        model.addAttribute("criteria", desk.settings().criteria());
        model.addAttribute("results", Evaluation.Result.values());
        model.addAttribute("issuer", desk.settings().decisionIssuer());
        model.addAttribute("error", error);
        model.addAttribute("overlaps", overlapsOf(p));
        model.addAttribute("accepted", documents.accepted());
        return "governance/proposal";
    }

    /**
     * The existing platforms the proposal may duplicate or overlap: shown to the editor before
     * submitting and to reviewers while evaluating (never the proposal's own platform).
     */
    private List<OverlapReport.Match> overlapsOf(Proposal p) {
        PlatformDescription description = new PlatformDescription(
                join(p.fields().get(PlatformField.NAME_VI), p.fields().get(PlatformField.NAME_EN)),
                join(p.fields().get(PlatformField.DESCRIPTION_VI), p.fields().get(PlatformField.DESCRIPTION_EN)),
                List.of(), null, p.agencyCode(), null);
        if (description.isEmpty()) {
            return List.of();
        }
        return overlap.check(description, p.platformCode()).matches().stream().filter(m -> m.verdict().flagged())
                .toList();
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + ". " + second;
    }

    /**
     * The change form with {@code values}, the {@code reason} and the effective date ({@code effectiveOn}, as typed)
     * as shown. An operator sees only the contact fields, the only ones they may change.
     */
    private String changePage(CurrentUser user, Platform platform, Map<PlatformField, String> values, int version,
            String reason, String effectiveOn, RegistryException error, Model model) {
        model.addAttribute("platform", platform);
        model.addAttribute("givesEvidence", user.role() == Role.MINISTRY_EDITOR);
        model.addAttribute("version", version);
        List<FormField> direct = new ArrayList<>();
        List<FormField> reviewed = new ArrayList<>();
        for (PlatformField field : PlatformField.values()) {
            FormField f = field == PlatformField.OWNER ? FormField.choice(field, values.get(field), owners(values.get(field)))
                    : FormField.of(field, values.get(field));
            if (desk.settings().directFields().contains(field)) {
                direct.add(f);
            } else if (desk.settings().reviewedFields().contains(field) && user.role() != Role.OPERATOR) {
                reviewed.add(f);
            }
        }
        model.addAttribute("direct", direct);
        model.addAttribute("reviewed", reviewed);
        model.addAttribute("reason", reason);
        model.addAttribute("effectiveOn", effectiveOn);
        model.addAttribute("error", error);
        model.addAttribute("requests", changes.ofPlatform(platform.code()));
        model.addAttribute("accepted", documents.accepted());
        return "governance/change";
    }

    /**
     * The agencies that may own a national platform today (central bodies, provinces and centrally-run cities), by
     * name in the reader's language, and the current owner even if it no longer exists (a ministry merged in 2025).
     */
    private List<FormField.Option> owners(String current) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        java.util.function.Function<Agency, FormField.Option> option = a -> FormField.Option.named(a.code(),
                a.name(locale) + " (" + a.code() + ")");
        List<FormField.Option> owners = new ArrayList<>(agencies.list(null, agencies.today(), null).stream()
                .filter(a -> a.kind().isCentral() || a.kind().isProvincial()).map(option).toList());
        if (current != null && owners.stream().noneMatch(o -> o.value().equals(current))) {
            agencies.find(current).map(option).ifPresent(o -> owners.addFirst(o));
        }
        return owners;
    }

    /** The standing form for the platform at {@code version}, with what was posted when it was refused. */
    private String standingPage(Platform platform, int version, RegistryException error, PostedForm posted,
            Model model) {
        model.addAttribute("platform", platform);
        model.addAttribute("version", version);
        model.addAttribute("posted", posted);
        model.addAttribute("actions", java.util.Arrays.stream(StandingAction.values())
                .filter(a -> a.after(platform.status()).isPresent()).toList());
        model.addAttribute("criteria", desk.settings().criteria());
        model.addAttribute("results", Evaluation.Result.values());
        model.addAttribute("error", error);
        return "governance/standing";
    }

    private static List<FormField> form(Map<PlatformField, String> values) {
        List<FormField> fields = new ArrayList<>();
        for (PlatformField field : PlatformField.values()) {
            if (RecognitionDesk.PROPOSED_FIELDS.contains(field)) {
                fields.add(FormField.of(field, values.get(field)));
            }
        }
        return fields;
    }

    private static Map<PlatformField, String> fields(MultiValueMap<String, String> form) {
        Map<PlatformField, String> fields = new EnumMap<>(PlatformField.class);
        for (PlatformField field : RecognitionDesk.PROPOSED_FIELDS) {
            putIfPresent(fields, field, form);
        }
        return fields;
    }

    private static void putIfPresent(Map<PlatformField, String> fields, PlatformField field,
            MultiValueMap<String, String> form) {
        String value = FormField.read(field, form);
        if (value != null) {
            fields.put(field, value);
        }
    }

    private static Evaluation evaluation(MultiValueMap<String, String> form, InvalidParameters invalid) {
        List<Evaluation.CriterionResult> results = new ArrayList<>();
        form.forEach((name, values) -> {
            if (name.startsWith("result.")) {
                String criterion = name.substring("result.".length());
                results.add(new Evaluation.CriterionResult(criterion,
                        invalid.choice("criterion." + criterion, values.getFirst(), Evaluation.Result.class),
                        form.getFirst("comment." + criterion)));
            }
        });
        Integer level = form.getFirst("security_level") == null || form.getFirst("security_level").isBlank() ? null
                : invalid.integer("security_level", form.getFirst("security_level"), 0, 1, 5);
        String approved = form.getFirst("security_dossier_approved");
        return new Evaluation(results, level, approved == null || approved.isBlank() ? null
                : Boolean.valueOf(approved), form.getFirst("summary"));
    }

    /**
     * The version a refused form of the entry comes back at: the one it was posted at, so that a change saved
     * meanwhile is still noticed when it is posted again; the entry's own when that one was stale (the reader now
     * sees the entry as it is) or was not a version at all.
     */
    private static int versionShown(MultiValueMap<String, String> form, RegistryException refusal,
            Platform platform) {
        if (refusal.code() == ErrorCode.CONCURRENT_CHANGE) {
            return platform.version();
        }
        try {
            return version(form);
        } catch (RegistryException notAVersion) {
            return platform.version();
        }
    }

    private static int version(MultiValueMap<String, String> form) {
        InvalidParameters invalid = new InvalidParameters();
        int version = invalid.integer("version", form.getFirst("version"), -1, 0, Integer.MAX_VALUE);
        if (form.getFirst("version") == null) {
            invalid.reject("version", "is required.");
        }
        invalid.throwIfAny();
        return version;
    }

}
