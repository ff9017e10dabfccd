package vn.ndp.registry.support.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.web.Downloads;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.WebPage;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.RequestQuery;
import vn.ndp.registry.support.SupportAction;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;
import vn.ndp.registry.support.SupportStatus;

/**
 * The support pages: the list (an agency's requests, an operator's queue, or
 * everything for the national authority; filtered, sorted and paged in the
 * database), the form that raises a request and shows the platform operator's
 * contact, the request with its thread, and the overdue list. Every form posts
 * with a CSRF token; a refused form is shown again with each problem and what
 * was typed.
 */
@WebPage
class SupportPages {

    private static final List<String> QUERY_PARAMS =
            List.of("status", "priority", "platform", "agency", "overdue", "q", "sort", "size");
    /** How many platforms a search on the new-request form shows. */
    private static final int FOUND_ROWS = 20;

    private final SupportDesk desk;
    private final Catalog catalog;
    private final Agencies agencies;

    SupportPages(SupportDesk desk, Catalog catalog, Agencies agencies) {
        this.desk = desk;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    /** A request as a list shows it, with its platform and agency (null when no longer known: shown by code). */
    record Row(SupportRequest request, Platform platform, Agency agency, boolean overdue) {

        public String platformName(Locale locale) {
            return platform == null ? request.platformCode() : platform.name(locale);
        }

        public String agencyName(Locale locale) {
            return agency == null ? request.agencyCode() : agency.name(locale);
        }

        public List<String> descriptionLines() {
            return List.of(request.description().split("\\R", -1));
        }
    }

    /**
     * What the request form shows, and the token that identifies this filling of it: sent twice, it opens one
     * request ({@link SupportDesk#open(vn.ndp.registry.accounts.CurrentUser, SupportDesk.NewRequest, UUID)}).
     */
    record Form(String platformCode, String subject, String description, String priority, UUID token) {

        /** A form shown without a token (a new one, or one sent without its token) gets a new one. */
        Form {
            token = token == null ? UUID.randomUUID() : token;
        }
    }

    /** A platform for the form's choice. */
    record Choice(String code, String name) {
    }

    /** The filters as typed, to fill the form again. */
    record Filters(String status, String priority, String platform, String agency, boolean overdue, String q,
            String sort) {

        static Filters of(HttpServletRequest request) {
            return new Filters(request.getParameter("status"), request.getParameter("priority"),
                    request.getParameter("platform"), request.getParameter("agency"),
                    "true".equalsIgnoreCase(request.getParameter("overdue")), request.getParameter("q"),
                    request.getParameter("sort"));
        }

        boolean any() {
            return Stream.of(status, priority, platform, agency, q, sort).anyMatch(v -> v != null && !v.isBlank())
                    || overdue;
        }
    }

    @GetMapping("/support")
    @PreAuthorize(SupportApi.SIGNED_IN)
    String list(Authentication authentication, HttpServletRequest request, Model model) {
        CurrentUser user = SupportApi.user(authentication);
        model.addAttribute("user", user);
        model.addAttribute("mayRaise", user.role().scopedToAgency());
        boolean seesOverdue = user.role().nationalAuthority() || user.role() == Role.OPERATOR;
        model.addAttribute("seesOverdue", seesOverdue);
        model.addAttribute("seesAgencies", seesOverdue);
        Filters filters = Filters.of(request);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.any());
        model.addAttribute("statuses", SupportStatus.values());
        model.addAttribute("priorities", Priority.values());
        // an operator picks among its platforms; others type a code (the whole catalogue, up to 100,000 platforms,
        // is offered only on the form that opens a request)
        Map<String, Platform> operated = user.role() == Role.OPERATOR ? catalog.find(user.platformCodes()) : Map.of();
        model.addAttribute("platforms", user.role() == Role.OPERATOR ? user.platformCodes().stream().sorted()
                .map(code -> new Choice(code, operated.containsKey(code) ? operated.get(code).nameVi() : code)).toList()
                : List.of());
        return page(user, request, false, model, "support/list");
    }

    @GetMapping("/support/overdue")
    @PreAuthorize(SupportApi.OVERDUE)
    String overdue(Authentication authentication, HttpServletRequest request, Model model) {
        model.addAttribute("today", desk.today());
        return page(SupportApi.user(authentication), request, true, model, "support/overdue");
    }

    /** Runs the query the parameters ask for; bad parameters are listed on the page and nothing is queried. */
    private String page(CurrentUser user, HttpServletRequest request, boolean overdueOnly, Model model,
            String view) {
        Links current = Links.from(overdueOnly ? "/support/overdue" : "/support", request, QUERY_PARAMS);
        Pagination.intoModel(model, "rows", current, () -> {
            RequestQuery query = RequestQuery.parse(request::getParameter, code -> catalog.find(code).isPresent(),
                    code -> agencies.find(code).isPresent(), Paging.DEFAULT_SIZE);
            return desk.find(user, overdueOnly ? query.overdue() : query);
        }, this::rows);
        return view;
    }

    /**
     * The form that raises a request. The platform is found by a search of the catalogue (name or code, diacritics
     * optional) rather than offered in a list of every platform, which at the catalogue's size would be megabytes
     * of page; a platform page's "support" link arrives with the platform chosen.
     */
    @GetMapping("/support/new")
    @PreAuthorize(SupportApi.REQUESTER)
    String newRequest(@RequestParam(name = "platform", required = false) String platform,
            @RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("q", q);
        InvalidParameters invalid = new InvalidParameters();
        String words = invalid.search("q", q);
        RegistryException refused = invalid.refusal().orElse(null);
        if (words != null) {
            PlatformPage found = catalog.search(PlatformQuery.words(words, agencies.today(), FOUND_ROWS));
            model.addAttribute("found", found.items());
            model.addAttribute("foundTotal", found.total());
        }
        return form(new Form(platform, null, null, "normal", null), refused, model);
    }

    @PostMapping("/support")
    @PreAuthorize(SupportApi.REQUESTER)
    String open(Authentication authentication, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        UUID sent = token(form.getFirst("form_token"));
        Form typed = new Form(form.getFirst("platformCode"), form.getFirst("subject"), form.getFirst("description"),
                form.getFirst("priority"), sent);
        try {
            InvalidParameters invalid = new InvalidParameters();
            Priority priority = invalid.choice("priority", typed.priority(), Priority.class);
            invalid.throwIfAny();
            SupportRequest opened = desk.open(SupportApi.user(authentication), new SupportDesk.NewRequest(
                    typed.platformCode(), typed.subject(), typed.description(), priority,
                    SupportApi.uploads(files)), sent);
            return "redirect:/support/" + opened.id();
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("sentFiles", sentFiles(files));
            return form(typed, e, model);
        }
    }

    @GetMapping("/support/{id}")
    @PreAuthorize(SupportApi.SIGNED_IN)
    String request(Authentication authentication, @PathVariable UUID id, Model model) {
        return detail(SupportApi.user(authentication), id, null, model);
    }

    @PostMapping("/support/{id}/messages")
    @PreAuthorize(SupportApi.EITHER_SIDE)
    String post(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        CurrentUser user = SupportApi.user(authentication);
        try {
            desk.post(id, user, form.getFirst("text"), SupportApi.uploads(files));
            return "redirect:/support/" + id + "#thread";
        } catch (RegistryException e) {
            model.addAttribute("text", form.getFirst("text"));
            model.addAttribute("sentFiles", sentFiles(files));
            return refused(user, id, e, model);
        }
    }

    @PostMapping("/support/{id}/status")
    @PreAuthorize(SupportApi.EITHER_SIDE)
    String status(Authentication authentication, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        CurrentUser user = SupportApi.user(authentication);
        try {
            InvalidParameters invalid = new InvalidParameters();
            SupportAction action = invalid.choice("action", form.getFirst("action"), SupportAction.class);
            if (action == null && !invalid.any()) {
                invalid.reject("action", "is required.");
            }
            invalid.throwIfAny();
            desk.change(id, user, action, form.getFirst("note"));
            return "redirect:/support/" + id;
        } catch (RegistryException e) {
            model.addAttribute("note", form.getFirst("note"));
            return refused(user, id, e, model);
        }
    }

    @GetMapping("/support/attachments/{id}")
    @PreAuthorize(SupportApi.SIGNED_IN)
    ResponseEntity<byte[]> attachment(Authentication authentication, @PathVariable UUID id) {
        SupportDesk.Download download = desk.attachment(id, SupportApi.user(authentication));
        return Downloads.attachment(download.attachment().fileName(), download.attachment().contentType(),
                download.content());
    }

    /**
     * Not found and out of scope stay error pages; a refused action is shown on the request, with what was typed
     * in the form that was posted (the model's {@code text} or {@code note}).
     */
    private String refused(CurrentUser user, UUID id, RegistryException e, Model model) {
        if (e.code() == ErrorCode.SUPPORT_REQUEST_NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
            throw e;
        }
        return detail(user, id, e, model);
    }

    /**
     * The names of the files a refused form sent: none of them was kept, and a browser never fills a file input
     * again, so the page names them for the person to choose again.
     */
    private static List<String> sentFiles(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().map(MultipartFile::getOriginalFilename)
                .filter(name -> name != null && !name.isBlank()).toList();
    }

    private String detail(CurrentUser user, UUID id, RegistryException error, Model model) {
        SupportRequest request = desk.get(id, user);
        model.addAttribute("row", rows(List.of(request)).getFirst());
        model.addAttribute("thread", desk.thread(id, user));
        model.addAttribute("side", desk.side(user, request).orElse(null));
        List<SupportAction> actions = desk.actionsFor(user, request);
        model.addAttribute("actions", actions);
        model.addAttribute("mayReopen", actions.contains(SupportAction.REOPEN));
        model.addAttribute("mayWrite", desk.mayWrite(user, request));
        model.addAttribute("operator", catalog.find(request.platformCode()).map(Platform::operator).orElse(null));
        model.addAttribute("reopenDays", desk.settings().reopenPeriod().getDays());
        model.addAttribute("accepted", desk.accepted());
        model.addAttribute("maxFiles", desk.settings().maxAttachments());
        model.addAttribute("error", error);
        return "support/request";
    }

    /** The form's token as sent; null when none or no token was sent (the form is then not recognised again). */
    private static UUID token(String sent) {
        try {
            return sent == null ? null : UUID.fromString(sent.strip());
        } catch (IllegalArgumentException notAToken) {
            return null;
        }
    }

    private String form(Form form, RegistryException error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("chosen", form.platformCode() == null ? null
                : catalog.find(form.platformCode().strip()).orElse(null));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sla", desk.settings().sla());
        model.addAttribute("accepted", desk.accepted());
        model.addAttribute("maxFiles", desk.settings().maxAttachments());
        model.addAttribute("error", error);
        return "support/new";
    }

    private List<Row> rows(List<SupportRequest> requests) {
        Map<String, Platform> platforms = catalog.find(requests.stream().map(SupportRequest::platformCode).toList());
        LocalDate today = desk.today();
        return requests.stream().map(r -> new Row(r, platforms.get(r.platformCode()),
                agencies.find(r.agencyCode()).orElse(null), r.overdueOn(today))).toList();
    }
}
