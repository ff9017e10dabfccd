package vn.ndp.registry.governance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformRegister;
import vn.ndp.registry.governance.ChangeDesk;
import vn.ndp.registry.governance.ChangeStatus;
import vn.ndp.registry.governance.EvidenceDocuments;
import vn.ndp.registry.governance.Proposal;
import vn.ndp.registry.governance.ProposalCommand;
import vn.ndp.registry.governance.ProposalQuery;
import vn.ndp.registry.governance.RecognitionDesk;
import vn.ndp.registry.governance.ReevaluationDesk;
import vn.ndp.registry.governance.StandingAction;
import vn.ndp.registry.governance.internal.GovernanceJson.ChangeDecisionJson;
import vn.ndp.registry.governance.internal.GovernanceJson.ChangeJson;
import vn.ndp.registry.governance.internal.GovernanceJson.ChangeOutcomeJson;
import vn.ndp.registry.governance.internal.GovernanceJson.ChangeRequestJson;
import vn.ndp.registry.governance.internal.GovernanceJson.DecisionJson;
import vn.ndp.registry.governance.internal.GovernanceJson.DueJson;
import vn.ndp.registry.governance.internal.GovernanceJson.EvaluationJson;
import vn.ndp.registry.governance.internal.GovernanceJson.HistoryJson;
import vn.ndp.registry.governance.internal.GovernanceJson.NewProposal;
import vn.ndp.registry.governance.internal.GovernanceJson.PlatformStatusJson;
import vn.ndp.registry.governance.internal.GovernanceJson.ProposalEdit;
import vn.ndp.registry.governance.internal.GovernanceJson.ProposalJson;
import vn.ndp.registry.governance.internal.GovernanceJson.Reason;
import vn.ndp.registry.governance.internal.GovernanceJson.RevisionJson;
import vn.ndp.registry.governance.internal.GovernanceJson.StandingJson;
import vn.ndp.registry.governance.internal.GovernanceJson.VersionOnly;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.ProblemApi;
import vn.ndp.registry.shared.ProblemResponses;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.web.Downloads;
import vn.ndp.registry.shared.web.PageHeaders;
import vn.ndp.registry.shared.web.Uploads;

/**
 * The governance workflow over JSON: proposals (ministry editors draft and
 * submit; reviewers evaluate and decide), changes to published entries,
 * re-evaluations and decisions on a platform's standing, and the public
 * history of each entry. Every change states the version the client read.
 */
@ProblemApi
@RequestMapping("/api/v1")
@Tag(name = "Governance", description = "Proposals, evaluation and recognition; changes; re-evaluation; history")
@SecurityRequirement(name = "bearer")
class GovernanceApi {

    static final String EDITOR = "hasRole('MINISTRY_EDITOR')";
    static final String REVIEWER = "hasAnyRole('ADMIN', 'REVIEWER')";
    static final String EDITOR_OR_REVIEWER = "hasAnyRole('ADMIN', 'REVIEWER', 'MINISTRY_EDITOR')";
    /** Who may ask for an evidence document; whether they may have it is the owning request's desk's call. */
    static final String DOCUMENT_READERS = "hasAnyRole('ADMIN', 'REVIEWER', 'MINISTRY_EDITOR', 'OPERATOR')";

    private final RecognitionDesk desk;
    private final ChangeDesk changes;
    private final ReevaluationDesk reevaluations;
    private final EvidenceDocuments documents;
    private final PlatformRegister register;
    private final Catalog catalog;

    GovernanceApi(RecognitionDesk desk, ChangeDesk changes, ReevaluationDesk reevaluations,
            EvidenceDocuments documents, PlatformRegister register, Catalog catalog) {
        this.desk = desk;
        this.changes = changes;
        this.reevaluations = reevaluations;
        this.documents = documents;
        this.register = register;
        this.catalog = catalog;
    }

    @PostMapping("/proposals")
    @PreAuthorize(EDITOR)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a platform proposal for your own agency")
    ProposalJson draft(Authentication authentication, @RequestBody NewProposal request) {
        InvalidParameters invalid = new InvalidParameters();
        var fields = GovernanceJson.fields(request.fields(), invalid);
        invalid.throwIfAny();
        return ProposalJson.of(desk.draft(user(authentication), request.code(), fields));
    }

    @GetMapping("/proposals")
    @PreAuthorize(EDITOR_OR_REVIEWER)
    @Operation(summary = "Proposals you may see (your agency's, or all for the national authority) as a plain list,"
            + " the most recently changed first, at most " + Paging.MAX_SIZE + " a page",
            description = "Filters: status, q (words in the proposed name or the code, diacritics ignored). page and"
                    + " size default to 1 and " + Paging.MAX_SIZE + ". The page is described in the headers"
                    + " X-Total-Count, X-Page, X-Page-Size and Link (rel=next, prev), as for /support/requests.")
    @Parameters({
        @Parameter(in = ParameterIn.QUERY, name = "status", description = "draft|submitted|under_evaluation|returned"
                + "|recognised|recognised_as_potential|rejected|withdrawn"),
        @Parameter(in = ParameterIn.QUERY, name = "q", description = "words in the name or the code"),
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "1-based"),
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "1–" + Paging.MAX_SIZE)
    })
    ResponseEntity<List<ProposalJson>> proposals(Authentication authentication, HttpServletRequest request) {
        ResultPage<Proposal> page = desk.find(user(authentication),
                ProposalQuery.parse(request::getParameter, Paging.MAX_SIZE));
        return ResponseEntity.ok()
                .headers(PageHeaders.of(request, page))
                .body(page.items().stream().map(ProposalJson::of).toList());
    }

    @GetMapping("/proposals/{id}")
    @PreAuthorize(EDITOR_OR_REVIEWER)
    ProposalJson proposal(Authentication authentication, @PathVariable UUID id) {
        return ProposalJson.of(desk.get(id, user(authentication)));
    }

    @PutMapping("/proposals/{id}")
    @PreAuthorize(EDITOR)
    @Operation(summary = "Replace the proposed fields of a draft or returned proposal")
    ProposalJson edit(Authentication authentication, @PathVariable UUID id, @RequestBody ProposalEdit request) {
        InvalidParameters invalid = new InvalidParameters();
        var fields = GovernanceJson.fields(request.fields(), invalid);
        invalid.throwIfAny();
        return handle(authentication, id, request.version(), new ProposalCommand.Edit(fields));
    }

    @PostMapping("/proposals/{id}/submit")
    @PreAuthorize(EDITOR)
    ProposalJson submit(Authentication authentication, @PathVariable UUID id, @RequestBody VersionOnly request) {
        return handle(authentication, id, request.version(), new ProposalCommand.Submit());
    }

    @PostMapping("/proposals/{id}/withdraw")
    @PreAuthorize(EDITOR)
    ProposalJson withdraw(Authentication authentication, @PathVariable UUID id, @RequestBody VersionOnly request) {
        return handle(authentication, id, request.version(), new ProposalCommand.Withdraw());
    }

    @PostMapping(value = "/proposals/{id}/documents")
    @PreAuthorize(EDITOR)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence document (PDF, DOCX, XLSX, PNG or JPEG, within the size limit)")
    ProposalJson attach(Authentication authentication, @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        MultipartFile upload = required(file);
        return handle(authentication, id, version,
                new ProposalCommand.AttachEvidence(upload.getOriginalFilename(), upload.getBytes()));
    }

    @PostMapping("/proposals/{id}/evaluation")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Record the evaluation against the criteria groups of Decision 1230/QĐ-BTTTT")
    ProposalJson evaluate(Authentication authentication, @PathVariable UUID id, @RequestBody EvaluationJson request) {
        InvalidParameters invalid = new InvalidParameters();
        var evaluation = request.toEvaluation(invalid);
        invalid.throwIfAny();
        return handle(authentication, id, request.version(), new ProposalCommand.RecordEvaluation(evaluation));
    }

    @PostMapping("/proposals/{id}/return")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Return the proposal to its editor for changes")
    ProposalJson returnForChanges(Authentication authentication, @PathVariable UUID id,
            @RequestBody Reason request) {
        return handle(authentication, id, request.version(), new ProposalCommand.ReturnForChanges(request.reason()));
    }

    @PostMapping("/proposals/{id}/decision")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Decide: recognise, recognise_as_potential or reject")
    ProposalJson decide(Authentication authentication, @PathVariable UUID id, @RequestBody DecisionJson request) {
        ProposalCommand command = switch (request.decision() == null ? "" : request.decision()) {
            case "recognise" -> new ProposalCommand.Recognise(request.decisionNumber(), request.decisionDate(),
                    request.issuer());
            case "recognise_as_potential" -> new ProposalCommand.RecogniseAsPotential(request.decisionNumber(),
                    request.decisionDate(), request.issuer());
            case "reject" -> new ProposalCommand.Reject(request.reason());
            default -> throw new RegistryException(ErrorCode.INVALID_PARAMETER, "decision: must be recognise,"
                    + " recognise_as_potential or reject.", List.of(RegistryException.FieldError.of("decision",
                            "must be recognise, recognise_as_potential or reject.")));
        };
        return handle(authentication, id, request.version(), command);
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize(DOCUMENT_READERS)
    @Operation(summary = "Download an evidence document (always as an attachment): a proposal's for its ministry and"
            + " the national authority, a change request's also for the operators of its platform")
    ResponseEntity<byte[]> document(Authentication authentication, @PathVariable UUID id) {
        EvidenceDocuments.Download download = documents.download(id, user(authentication), desk, changes);
        return Downloads.attachment(download.document().fileName(), download.document().contentType(),
                download.content());
    }

    @GetMapping("/platforms/{code}/history")
    @Operation(summary = "Every change to the entry, and what changed since its last recognition (public)")
    HistoryJson history(@PathVariable String code) {
        Platform platform = catalog.get(code);
        return new HistoryJson(code, platform.version(),
                register.history(code).stream().map(RevisionJson::of).toList().reversed(),
                GovernanceJson.byWireName(register.changedSinceRecognition(code)));
    }

    @GetMapping("/platforms/{code}/changes")
    @PreAuthorize("@scopes.canEditPlatform(authentication, #code)")
    @Operation(summary = "Change requests for a platform you may edit")
    List<ChangeRequestJson> changeRequests(@PathVariable String code) {
        return changes.ofPlatform(code).stream().map(ChangeRequestJson::of).toList();
    }

    @PostMapping(path = "/platforms/{code}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@scopes.canEditPlatform(authentication, #code)")
    @Operation(operationId = "change", summary = "Change a published entry: contact fields at once, the rest through review")
    ChangeOutcomeJson change(Authentication authentication, @PathVariable String code,
            @RequestBody ChangeJson request) {
        return requestChange(authentication, code, request, List.of());
    }

    @PostMapping(path = "/platforms/{code}/changes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@scopes.canEditPlatform(authentication, #code)")
    @Operation(operationId = "change",
            summary = "Change a published entry with evidence documents for the part that goes to review",
            description = "Send application/json (version, fields, reason), or multipart/form-data to give evidence"
                    + " documents for the part that is reviewed: part 'change' holds that JSON with the part's type"
                    + " application/json (curl -F 'change=@change.json;type=application/json'), each part 'files' a"
                    + " PDF, DOCX, XLSX, PNG or JPEG document within the size limit. A change of contact fields"
                    + " alone takes no documents.")
    ChangeOutcomeJson changeWithEvidence(Authentication authentication, @PathVariable String code,
            @RequestPart(name = "change", required = false) ChangeJson request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
        if (request == null) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "change: is required (a JSON part with version,"
                    + " fields and reason).", List.of(RegistryException.FieldError.of("change",
                            "is required: a part of type application/json with version, fields and reason.")));
        }
        return requestChange(authentication, code, request, uploads(files));
    }

    private ChangeOutcomeJson requestChange(Authentication authentication, String code, ChangeJson request,
            List<EvidenceDocuments.Upload> evidence) {
        InvalidParameters invalid = new InvalidParameters();
        var fields = GovernanceJson.fields(request.fields(), invalid);
        invalid.throwIfAny();
        return ChangeOutcomeJson.of(changes.request(code, GovernanceJson.version(request.version()), fields,
                request.reason(), request.effectiveOn(), evidence, user(authentication)));
    }

    @PostMapping("/changes/{id}/documents")
    @PreAuthorize(EDITOR)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an evidence document to a pending change request of your ministry's platform")
    ChangeRequestJson attachToChange(Authentication authentication, @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        MultipartFile upload = required(file);
        return ChangeRequestJson.of(changes.attach(id, GovernanceJson.version(version),
                new EvidenceDocuments.Upload(upload.getOriginalFilename(), upload.getBytes()), user(authentication)));
    }

    /** The multipart part {@code file}, which the document endpoints require. */
    private static MultipartFile required(MultipartFile file) {
        if (file == null) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "file: is required (multipart/form-data).",
                    List.of(RegistryException.FieldError.of("file", "is required (multipart/form-data).")));
        }
        return file;
    }

    @GetMapping("/changes")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Change requests waiting for review")
    List<ChangeRequestJson> pendingChanges() {
        return changes.pending().stream().map(ChangeRequestJson::of).toList();
    }

    @PostMapping("/changes/{id}/decision")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Approve or decline a change request")
    ChangeRequestJson decideChange(Authentication authentication, @PathVariable UUID id,
            @RequestBody ChangeDecisionJson request) {
        ChangeStatus.Action action = switch (request.action() == null ? "" : request.action()) {
            case "approve" -> ChangeStatus.Action.APPROVE;
            case "decline" -> ChangeStatus.Action.DECLINE;
            default -> throw new RegistryException(ErrorCode.INVALID_PARAMETER, "action: must be approve or decline.",
                    List.of(RegistryException.FieldError.of("action", "must be approve or decline.")));
        };
        return ChangeRequestJson.of(changes.decide(id, GovernanceJson.version(request.version()), action,
                request.note(), user(authentication)));
    }

    @PostMapping("/changes/{id}/withdraw")
    @PreAuthorize("hasAnyRole('MINISTRY_EDITOR', 'OPERATOR')")
    ChangeRequestJson withdrawChange(Authentication authentication, @PathVariable UUID id,
            @RequestBody VersionOnly request) {
        return ChangeRequestJson.of(changes.decide(id, GovernanceJson.version(request.version()),
                ChangeStatus.Action.WITHDRAW, null, user(authentication)));
    }

    @GetMapping("/reevaluations")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Published platforms whose yearly re-evaluation is due soon or overdue")
    List<DueJson> due(@RequestParam(defaultValue = "false") boolean overdue) {
        return reevaluations.due(overdue).stream().map(DueJson::of).toList();
    }

    @PostMapping("/platforms/{code}/standing")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Keep (after re-evaluation), suspend, revoke or reinstate a published platform")
    PlatformStatusJson standing(Authentication authentication, @PathVariable String code,
            @RequestBody StandingJson request) {
        InvalidParameters invalid = new InvalidParameters();
        StandingAction action = invalid.choice("action", request.action(), StandingAction.class);
        if (request.action() == null) {
            invalid.reject("action", "is required: keep, suspend, revoke or reinstate.");
        }
        var evaluation = request.evaluation() == null ? null : request.evaluation().toEvaluation(invalid);
        invalid.throwIfAny();
        Platform after = reevaluations.decide(code, GovernanceJson.version(request.version()),
                new ReevaluationDesk.StandingDecision(action, evaluation, request.reason(), request.legalBasis()),
                user(authentication));
        return new PlatformStatusJson(after.code(), InvalidParameters.Wire.name(after.status()), after.version());
    }

    private ProposalJson handle(Authentication authentication, UUID id, Integer version, ProposalCommand command) {
        return ProposalJson.of(desk.handle(id, GovernanceJson.version(version), command, user(authentication)));
    }

    /** The uploaded files; a part without name and content (an empty file input) is no file. */
    static List<EvidenceDocuments.Upload> uploads(List<MultipartFile> files) {
        return Uploads.read(files, EvidenceDocuments.Upload::new);
    }


    static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new RegistryException(
                ErrorCode.AUTHENTICATION_REQUIRED, ProblemResponses.SIGN_IN));
    }

}
