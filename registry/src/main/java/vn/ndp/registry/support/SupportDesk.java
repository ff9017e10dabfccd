package vn.ndp.registry.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.governance.EvidenceDocuments;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.Said;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.VietnamTime;
import vn.ndp.registry.support.SupportAction.Side;
import vn.ndp.registry.support.internal.SupportRepository;

/**
 * Where support requests are raised, answered and moved on. Who is on which
 * side is decided here from the account, never from the client: the requester
 * side is an editor acting for the requesting agency (following mergers), the
 * operator side an operator account that runs the platform; the national
 * authority reads everything and acts on nothing. A request outside the
 * user's scope is "not found", so forged ids reveal nothing. Each change is
 * audited in its transaction and published as a {@link SupportEvent}.
 */
@Service
public class SupportDesk {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 10_000;

    /** What a requester fills in. */
    public record NewRequest(String platformCode, String subject, String description, Priority priority,
            List<EvidenceDocuments.Upload> attachments) {
    }

    /** An attachment and its stored bytes, as served for download. */
    public record Download(SupportAttachment attachment, byte[] content) {
    }

    private final SupportRepository requests;
    private final EvidenceDocuments documents;
    private final Catalog catalog;
    private final Agencies agencies;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SupportSettings settings;
    private final ServiceLevels serviceLevels;
    private final EvidenceDocuments.Accepted accepted;
    private final Clock clock;

    SupportDesk(SupportRepository requests, EvidenceDocuments documents, Catalog catalog, Agencies agencies,
            Scopes scopes, AuditLog audit, ApplicationEventPublisher events, SupportSettings settings, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.catalog = catalog;
        this.agencies = agencies;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.serviceLevels = new ServiceLevels(settings);
        this.accepted = documents.accepted(settings.maxAttachmentSize());
        this.clock = clock;
    }

    /** An editor raises a request for their own agency (never one named by the client). */
    @Transactional
    public SupportRequest open(CurrentUser user, NewRequest request) {
        return open(user, request, false, null);
    }

    /**
     * As {@link #open(CurrentUser, NewRequest)}, from the web form {@code formToken} identifies (null: none was
     * sent): the same form sent again (a double click, a reload) answers the request it opened the first time and
     * opens no other.
     */
    @Transactional
    public SupportRequest open(CurrentUser user, NewRequest request, UUID formToken) {
        if (formToken != null) {
            Optional<SupportRequest> opened = requests.openedFrom(user.username(), formToken);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        return open(user, request, false, formToken);
    }

    /** As {@link #open(CurrentUser, NewRequest)}, marked as sample data (demo only). */
    @Transactional
    public SupportRequest openSample(CurrentUser user, NewRequest request) {
        return open(user, request, true, null);
    }

    private SupportRequest open(CurrentUser user, NewRequest request, boolean sample, UUID formToken) {
        if (!user.role().scopedToAgency()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Support requests are raised by the editors of a"
                    + " ministry, agency or province.");
        }
        InvalidParameters invalid = new InvalidParameters();
        String platform = InvalidParameters.code(request.platformCode());
        if (platform == null) {
            invalid.reject("platformCode", "is required.");
        } else if (catalog.find(platform).isEmpty()) {
            invalid.reject("platformCode", "no platform has the code '" + platform + "'.");
        }
        String subject = text(invalid, "subject", request.subject(), MAX_SUBJECT, true);
        String description = text(invalid, "description", request.description(), MAX_TEXT, true);
        List<EvidenceDocuments.Upload> uploads = request.attachments() == null ? List.of() : request.attachments();
        checkCount(invalid, uploads);
        invalid.throwIfAny();
        List<EvidenceDocuments.Checked> files = checkAttachments(uploads);
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        OffsetDateTime now = Moments.now(clock);
        String agency = agencies.successorOn(user.agencyCode(), LocalDate.now(clock)).code();
        SupportRequest opened = new SupportRequest(UUID.randomUUID(), platform, agency, user.username(), subject,
                description, priority, SupportStatus.OPEN, serviceLevels.dueDate(priority, LocalDate.now(clock)), now,
                now, null, null, sample);
        requests.insert(opened, formToken);
        SupportMessage first = new SupportMessage(UUID.randomUUID(), opened.id(), user.username(),
                user.displayName(), Side.REQUESTER, null, null, SupportStatus.OPEN, now, List.of());
        requests.insert(first);
        List<String> names = store(opened.id(), first.id(), files, user, now);
        audit.record(AuditEvent.SUPPORT_REQUEST_OPENED, user.username(), subject(opened), detail(opened,
                "agency", agency, "priority", priority.name(), "due", opened.dueDate().toString(),
                "attachments", names));
        events.publishEvent(new SupportEvent.RequestOpened(opened.id(), platform, user.username(), agency, subject,
                priority, opened.dueDate()));
        return opened;
    }

    /**
     * Writes in the thread. The operator's message is an answer; the
     * requester's message, while the operator waits for it, also moves the
     * request back to in progress.
     */
    @Transactional
    public SupportMessage post(UUID id, CurrentUser user, String text, List<EvidenceDocuments.Upload> uploads) {
        SupportRequest request = get(id, user);
        Side side = side(user, request).orElseThrow(() -> readOnly(request));
        if (request.status() == SupportStatus.CLOSED) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "The request is closed; raise a new one.",
                    Said.of("support.error.closed"));
        }
        InvalidParameters invalid = new InvalidParameters();
        String body = text(invalid, "text", text, MAX_TEXT, true);
        List<EvidenceDocuments.Upload> given = uploads == null ? List.of() : uploads;
        checkCount(invalid, given);
        invalid.throwIfAny();
        List<EvidenceDocuments.Checked> files = checkAttachments(given);
        OffsetDateTime now = Moments.now(clock);
        SupportStatus from = null;
        SupportStatus to = null;
        if (side == Side.REQUESTER && request.status() == SupportStatus.WAITING_FOR_REQUESTER) {
            from = request.status();
            to = from.after(SupportAction.RESUME).orElseThrow();
            move(request, to, now);
        } else {
            requests.touch(id, now);
        }
        SupportMessage message = new SupportMessage(UUID.randomUUID(), id, user.username(), user.displayName(), side,
                body, from, to, now, List.of());
        requests.insert(message);
        List<String> names = store(id, message.id(), files, user, now);
        audit.record(side == Side.OPERATOR ? AuditEvent.SUPPORT_REQUEST_ANSWERED : AuditEvent.SUPPORT_REQUEST_REPLIED,
                user.username(), subject(request), detail(request, "message", message.id().toString(),
                        "attachments", names));
        events.publishEvent(new SupportEvent.MessagePosted(id, request.platformCode(), user.username(), side,
                request.requestedBy(), request.subject(), body));
        if (to != null) {
            audit.record(AuditEvent.SUPPORT_REQUEST_STATUS_CHANGED, user.username(), subject(request),
                    detail(request, "from", from.name(), "to", to.name(), "action", SupportAction.RESUME.name()));
        }
        return message;
    }

    /** Takes an action on the request's status, with an optional note that joins the thread. */
    @Transactional
    public SupportRequest change(UUID id, CurrentUser user, SupportAction action, String note) {
        SupportRequest request = get(id, user);
        Side side = side(user, request).orElseThrow(() -> readOnly(request));
        if (!action.mayBeTakenBy(side)) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "The " + side.name().toLowerCase() + " cannot "
                    + wire(action) + " a request.");
        }
        SupportStatus next = request.status().after(action).orElseThrow(() -> new RegistryException(
                ErrorCode.ILLEGAL_TRANSITION, "A request that is " + wire(request.status()) + " cannot be "
                        + "moved by '" + wire(action) + "'; allowed: " + request.status().actions().stream()
                        .map(SupportDesk::wire).toList() + ".", Said.of("support.error.transition",
                                label("support.status.", request.status()), label("support.action.", action))));
        OffsetDateTime now = Moments.now(clock);
        if (action == SupportAction.REOPEN && !reopenable(request, now)) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "The request was resolved on "
                    + VietnamTime.moment(request.resolvedAt()) + "; it could be reopened for " + settings.reopenPeriod()
                    + ". Raise a new request instead.", Said.of("support.error.reopenTooLate",
                            settings.reopenPeriod().getDays()));
        }
        InvalidParameters invalid = new InvalidParameters();
        String body = text(invalid, "note", note, MAX_TEXT, false);
        invalid.throwIfAny();
        move(request, next, now);
        requests.insert(new SupportMessage(UUID.randomUUID(), id, user.username(), user.displayName(), side, body,
                request.status(), next, now, List.of()));
        audit.record(AuditEvent.SUPPORT_REQUEST_STATUS_CHANGED, user.username(), subject(request),
                detail(request, "from", request.status().name(), "to", next.name(), "action", action.name()));
        events.publishEvent(new SupportEvent.StatusChanged(id, request.platformCode(), user.username(), side,
                request.requestedBy(), request.subject(), request.status(), next, body));
        return requests.find(id).orElseThrow();
    }

    /** The request, if the user may see it; otherwise "not found", whether it exists or not. */
    public SupportRequest get(UUID id, CurrentUser user) {
        return requests.find(id).filter(r -> mayView(user, r)).orElseThrow(() -> new RegistryException(
                ErrorCode.SUPPORT_REQUEST_NOT_FOUND, "You have no support request with the id " + id + "."));
    }

    public List<SupportMessage> thread(UUID id, CurrentUser user) {
        return requests.thread(get(id, user).id());
    }

    /**
     * One page of the requests the user may see that match the query, filtered, sorted and counted in the
     * database. Requesters see their agency's requests (with those of the agencies merged into it), operators
     * their platforms', the national authority all; anyone else none. Without a sort, operators get their
     * working order ({@link RequestQuery.Sort#DUE}), everyone else the most recently changed first.
     */
    public ResultPage<SupportRequest> find(CurrentUser user, RequestQuery query) {
        Optional<SupportRepository.Visible> visible = visibleTo(user);
        if (visible.isEmpty()) {
            return ResultPage.empty(query.paging());
        }
        LocalDate today = LocalDate.now(clock);
        SupportRepository.Filter filter = new SupportRepository.Filter(query.status(), query.priority(),
                query.platformCode(), query.agencyCode() == null ? null : heldBy(query.agencyCode(), agencies.today()),
                query.overdueOnly() ? today : null, query.q());
        RequestQuery.Sort sort = query.sort() != null ? query.sort()
                : user.role() == Role.OPERATOR ? RequestQuery.Sort.DUE : RequestQuery.Sort.UPDATED;
        return ResultPage.fetch(query.paging(), requests.count(visible.get(), filter),
                (limit, offset) -> requests.find(visible.get(), filter, sort, limit, offset));
    }

    /** Whose requests the user may see; empty when none. */
    private Optional<SupportRepository.Visible> visibleTo(CurrentUser user) {
        if (user.role().nationalAuthority()) {
            return Optional.of(SupportRepository.Visible.EVERYTHING);
        }
        if (user.role() == Role.OPERATOR) {
            return user.platformCodes().isEmpty() ? Optional.empty()
                    : Optional.of(SupportRepository.Visible.platforms(user.platformCodes()));
        }
        if (user.role().scopedToAgency() && user.agencyCode() != null) {
            LocalDate today = agencies.today();
            String agency = agencies.successorOn(user.agencyCode(), today).code();
            return Optional.of(SupportRepository.Visible.agencies(agencies.resolvingTo(agency, today)));
        }
        return Optional.empty();
    }

    /** The agency's code and those of the agencies merged into it by the day. */
    private List<String> heldBy(String agencyCode, LocalDate day) {
        List<String> codes = new ArrayList<>(agencies.resolvingTo(agencyCode, day));
        if (!codes.contains(agencyCode)) {
            codes.add(agencyCode);
        }
        return codes;
    }

    public boolean mayView(CurrentUser user, SupportRequest request) {
        return user.role().nationalAuthority() || side(user, request).isPresent();
    }

    /** Which side of the request the user is on, if any. */
    public Optional<Side> side(CurrentUser user, SupportRequest request) {
        if (user.role() == Role.OPERATOR && user.platformCodes().contains(request.platformCode())) {
            return Optional.of(Side.OPERATOR);
        }
        if (user.role().scopedToAgency() && scopes.actsFor(user, request.agencyCode())) {
            return Optional.of(Side.REQUESTER);
        }
        return Optional.empty();
    }

    /** The status actions the user may take on the request now. */
    public List<SupportAction> actionsFor(CurrentUser user, SupportRequest request) {
        Optional<Side> side = side(user, request);
        if (side.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return request.status().actions().stream()
                .filter(a -> a.mayBeTakenBy(side.get()))
                .filter(a -> a != SupportAction.RESUME || side.get() == Side.OPERATOR)
                .filter(a -> a != SupportAction.REOPEN || reopenable(request, now))
                .sorted()
                .toList();
    }

    public boolean mayWrite(CurrentUser user, SupportRequest request) {
        return request.status() != SupportStatus.CLOSED && side(user, request).isPresent();
    }

    /** An attachment, if the user may see its request. */
    public Download attachment(UUID id, CurrentUser user) {
        SupportRepository.StoredAttachment stored = requests.attachment(id)
                .filter(a -> requests.find(a.requestId()).filter(r -> mayView(user, r)).isPresent())
                .orElseThrow(() -> new RegistryException(ErrorCode.NOT_FOUND, "You have no support attachment with"
                        + " the id " + id + "."));
        return new Download(stored.attachment(), stored.content());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ServiceLevels serviceLevels() {
        return serviceLevels;
    }

    public SupportSettings settings() {
        return settings;
    }

    /** What an attachment may be: the configured document types, each file within the attachment size limit. */
    public EvidenceDocuments.Accepted accepted() {
        return accepted;
    }

    private void move(SupportRequest request, SupportStatus next, OffsetDateTime now) {
        OffsetDateTime resolvedAt = next == SupportStatus.RESOLVED ? now
                : next == SupportStatus.CLOSED ? request.resolvedAt() : null;
        OffsetDateTime closedAt = next == SupportStatus.CLOSED ? now : null;
        if (!requests.changeStatus(request.id(), request.status(), next, now, resolvedAt, closedAt)) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "The request was changed by someone else at the"
                    + " same time. Nothing was saved; reload it and try again.",
                    RegistryException.Said.of("support.concurrent.meanwhile"));
        }
    }

    private boolean reopenable(SupportRequest request, OffsetDateTime now) {
        return request.status() == SupportStatus.RESOLVED && request.resolvedAt() != null
                && !now.isAfter(request.resolvedAt().plus(settings.reopenPeriod()));
    }

    private List<String> store(UUID requestId, UUID messageId, List<EvidenceDocuments.Checked> files,
            CurrentUser user, OffsetDateTime now) {
        for (EvidenceDocuments.Checked file : files) {
            requests.insert(requestId, messageId, new SupportAttachment(UUID.randomUUID(), file.fileName(),
                    file.kind().contentType(), file.content().length, file.sha256(), user.username(), now),
                    file.content());
        }
        return files.stream().map(EvidenceDocuments.Checked::fileName).toList();
    }

    private void checkCount(InvalidParameters invalid, List<EvidenceDocuments.Upload> uploads) {
        if (uploads.size() > settings.maxAttachments()) {
            invalid.reject("attachments", "at most " + settings.maxAttachments() + " files, " + uploads.size()
                    + " given.");
        }
    }

    /**
     * Every file checked before anything is written: the size limit of support attachments, then the content
     * checks of evidence documents.
     */
    private List<EvidenceDocuments.Checked> checkAttachments(List<EvidenceDocuments.Upload> uploads) {
        List<EvidenceDocuments.Checked> files = new ArrayList<>();
        for (EvidenceDocuments.Upload upload : uploads) {
            files.add(documents.inspect(upload.fileName(), upload.content(), settings.maxAttachmentSize()));
        }
        return files;
    }

    private static String text(InvalidParameters invalid, String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                invalid.reject(field, "is required.");
            }
            return null;
        }
        if (text.length() > max) {
            invalid.reject(field, "at most " + max + " characters, " + text.length() + " given.");
        }
        return text;
    }

    private static RegistryException readOnly(SupportRequest request) {
        return new RegistryException(ErrorCode.FORBIDDEN, "The national authority reads support requests; only the"
                + " requesting agency and the platform's operators act on them.");
    }

    private static String subject(SupportRequest request) {
        return "support:" + request.id();
    }

    private static Map<String, Object> detail(SupportRequest request, Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("request", request.id().toString());
        detail.put("platform", request.platformCode());
        for (int i = 0; i < pairs.length; i += 2) {
            detail.put((String) pairs[i], pairs[i + 1]);
        }
        return detail;
    }

    static String wire(Enum<?> value) {
        return InvalidParameters.Wire.name(value);
    }

    /** A status's or action's label as pages show it ({@code support.status.in_progress}), for a refusal's sentence. */
    private static MessageSourceResolvable label(String prefix, Enum<?> value) {
        return new DefaultMessageSourceResolvable(prefix + wire(value));
    }
}
