package vn.ndp.registry.support.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.governance.EvidenceDocuments;
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
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.RequestQuery;
import vn.ndp.registry.support.SupportAction;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;
import vn.ndp.registry.support.internal.SupportJson.DetailJson;
import vn.ndp.registry.support.internal.SupportJson.EntryJson;
import vn.ndp.registry.support.internal.SupportJson.MessageJson;
import vn.ndp.registry.support.internal.SupportJson.NewRequestJson;
import vn.ndp.registry.support.internal.SupportJson.QueueJson;
import vn.ndp.registry.support.internal.SupportJson.RequestJson;
import vn.ndp.registry.support.internal.SupportJson.StatusJson;

/**
 * Support requests over JSON: editors raise them for their agency (JSON, or
 * multipart with files), operators work through their platforms' queue, both
 * sides write in the thread and move the status; the national authority reads
 * everything, including the overdue list. Lists are filtered, sorted and paged
 * in the database: {@code /queue} puts the page in the body, {@code /requests}
 * and {@code /overdue} keep their plain-list shape and put it in headers.
 */
@ProblemApi
@RequestMapping("/api/v1/support")
@Tag(name = "Support requests", description = "Agencies ask platform operators for help; threads, service levels")
@SecurityRequirement(name = "bearer")
class SupportApi {

    static final String SIGNED_IN = "isAuthenticated()";
    static final String REQUESTER = "hasAnyRole('MINISTRY_EDITOR', 'PROVINCE_EDITOR')";
    static final String EITHER_SIDE = "hasAnyRole('MINISTRY_EDITOR', 'PROVINCE_EDITOR', 'OPERATOR')";
    static final String OVERDUE = "hasAnyRole('ADMIN', 'REVIEWER', 'OPERATOR')";

    private final SupportDesk desk;
    private final Catalog catalog;
    private final Agencies agencies;

    SupportApi(SupportDesk desk, Catalog catalog, Agencies agencies) {
        this.desk = desk;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    @GetMapping("/requests")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Requests you may see (your agency's, your platforms' as an operator, or all as the national"
            + " authority) as a plain list, at most " + Paging.MAX_SIZE + " a page",
            description = "Takes the filters of /queue; page and size default to 1 and " + Paging.MAX_SIZE
                    + ". The page is described in the headers X-Total-Count, X-Page, X-Page-Size and Link"
                    + " (rel=next, prev). /queue returns the same with the page in the body.")
    @QueueParameters
    ResponseEntity<List<RequestJson>> requests(Authentication authentication, HttpServletRequest request) {
        return list(authentication, request, false);
    }

    @GetMapping("/queue")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "The support queue you may see, filtered, sorted and paged: items, total, page, size",
            description = "Scope is yours: your agency's requests (with those of the agencies merged into it), your"
                    + " platforms' as an operator, all as the national authority. Default order: operators the"
                    + " earliest due first (active requests first), everyone else the most recently changed first.")
    @QueueParameters
    QueueJson queue(Authentication authentication, HttpServletRequest request) {
        ResultPage<SupportRequest> page = desk.find(user(authentication), query(request, Paging.DEFAULT_SIZE, false));
        LocalDate today = desk.today();
        return new QueueJson(page.items().stream().map(r -> RequestJson.of(r, today)).toList(), page.total(),
                page.page(), page.size(), page.pages());
    }

    @PostMapping(value = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REQUESTER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a support request for your agency (priority: low, normal, high or urgent)")
    RequestJson open(Authentication authentication, @RequestBody NewRequestJson request) {
        return open(authentication, request, List.of());
    }

    @PostMapping(value = "/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(REQUESTER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a support request with attachments (PDF, DOCX, XLSX, PNG, JPEG; fields as form parts)")
    RequestJson openWithFiles(Authentication authentication, @RequestParam(required = false) String platformCode,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String description,
            @RequestParam(required = false) String priority,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return open(authentication, new NewRequestJson(platformCode, subject, description, priority), uploads(files));
    }

    @GetMapping("/requests/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "A request with its thread and the status actions you may take")
    DetailJson request(Authentication authentication, @PathVariable UUID id) {
        return detail(user(authentication), id);
    }

    @PostMapping(value = "/requests/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(EITHER_SIDE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write in the thread (the operator answers; the requester replies)")
    EntryJson post(Authentication authentication, @PathVariable UUID id, @RequestBody MessageJson message) {
        return EntryJson.of(desk.post(id, user(authentication), message.text(), List.of()));
    }

    @PostMapping(value = "/requests/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(EITHER_SIDE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write in the thread with attachments")
    EntryJson postWithFiles(Authentication authentication, @PathVariable UUID id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return EntryJson.of(desk.post(id, user(authentication), text, uploads(files)));
    }

    @PostMapping("/requests/{id}/status")
    @PreAuthorize(EITHER_SIDE)
    @Operation(summary = "Move the status: start, ask_requester, resume, resolve (operator); reopen (requester);"
            + " close (either, once resolved)")
    DetailJson status(Authentication authentication, @PathVariable UUID id, @RequestBody StatusJson request) {
        InvalidParameters invalid = new InvalidParameters();
        SupportAction action = invalid.choice("action", request.action(), SupportAction.class);
        if (request.action() == null || request.action().isBlank()) {
            invalid.reject("action", "is required: one of " + InvalidParameters.Wire.values(SupportAction.class)
                    + ".");
        }
        invalid.throwIfAny();
        CurrentUser user = user(authentication);
        desk.change(id, user, action, request.note());
        return detail(user, id);
    }

    @GetMapping("/overdue")
    @PreAuthorize(OVERDUE)
    @Operation(summary = "Requests past their due date while the operator has the next move, most overdue first",
            description = "As /requests with overdue=true: a plain list, the page in the headers.")
    @QueueParameters
    ResponseEntity<List<RequestJson>> overdue(Authentication authentication, HttpServletRequest request) {
        return list(authentication, request, true);
    }

    @GetMapping("/attachments/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Download an attachment (always as an attachment, never rendered)")
    ResponseEntity<byte[]> attachment(Authentication authentication, @PathVariable UUID id) {
        SupportDesk.Download download = desk.attachment(id, user(authentication));
        return Downloads.attachment(download.attachment().fileName(), download.attachment().contentType(),
                download.content());
    }

    /** The query parameters of the queue, for the API description. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Parameters({
        @Parameter(in = ParameterIn.QUERY, name = "status",
                description = "open|in_progress|waiting_for_requester|resolved|closed"),
        @Parameter(in = ParameterIn.QUERY, name = "priority", description = "low|normal|high|urgent"),
        @Parameter(in = ParameterIn.QUERY, name = "platform", description = "platform code, e.g. VNEID"),
        @Parameter(in = ParameterIn.QUERY, name = "agency",
                description = "requesting agency code; includes the agencies merged into it"),
        @Parameter(in = ParameterIn.QUERY, name = "overdue", description = "true: only overdue requests"),
        @Parameter(in = ParameterIn.QUERY, name = "q", description = "words in the subject, diacritics ignored"),
        @Parameter(in = ParameterIn.QUERY, name = "sort", description = "due|updated"),
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "1-based"),
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "1–" + Paging.MAX_SIZE)
    })
    @interface QueueParameters {
    }

    private ResponseEntity<List<RequestJson>> list(Authentication authentication, HttpServletRequest request,
            boolean overdueOnly) {
        RequestQuery query = query(request, Paging.MAX_SIZE, overdueOnly);
        ResultPage<SupportRequest> page = desk.find(user(authentication), query);
        LocalDate today = desk.today();
        HttpHeaders headers = PageHeaders.of(request, page);
        return ResponseEntity.ok().headers(headers).body(page.items().stream().map(r -> RequestJson.of(r, today))
                .toList());
    }

    private RequestQuery query(HttpServletRequest request, int defaultSize, boolean overdueOnly) {
        RequestQuery query = RequestQuery.parse(request::getParameter, code -> catalog.find(code).isPresent(),
                code -> agencies.find(code).isPresent(), defaultSize);
        return overdueOnly ? query.overdue() : query;
    }

    private RequestJson open(Authentication authentication, NewRequestJson request, List<EvidenceDocuments.Upload> files) {
        InvalidParameters invalid = new InvalidParameters();
        Priority priority = invalid.choice("priority", request.priority(), Priority.class);
        invalid.throwIfAny();
        SupportRequest opened = desk.open(user(authentication), new SupportDesk.NewRequest(request.platformCode(),
                request.subject(), request.description(), priority, files));
        return RequestJson.of(opened, desk.today());
    }

    private DetailJson detail(CurrentUser user, UUID id) {
        SupportRequest request = desk.get(id, user);
        return new DetailJson(RequestJson.of(request, desk.today()),
                desk.thread(id, user).stream().map(EntryJson::of).toList(),
                desk.side(user, request).map(InvalidParameters.Wire::name).orElse(null),
                SupportJson.actions(desk.actionsFor(user, request)), desk.mayWrite(user, request));
    }

    /** The chosen files; empty parts (a file input left empty) are skipped. */
    static List<EvidenceDocuments.Upload> uploads(List<MultipartFile> files) {
        return Uploads.read(files, EvidenceDocuments.Upload::new);
    }


    static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new RegistryException(
                ErrorCode.AUTHENTICATION_REQUIRED, ProblemResponses.SIGN_IN));
    }
}
