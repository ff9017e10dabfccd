package vn.ndp.registry.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRegister;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.governance.internal.ChangeRequestRepository;
import vn.ndp.registry.shared.ConcurrentChange;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Changes to published entries. Contact fields (configurable,
 * {@link GovernanceSettings#directFields()}) apply at once; fields that matter
 * for recognition wait in a change request for a reviewer. Both are checked
 * against the version the editor read, so nobody overwrites another's change
 * unknowingly; an approval is refused if a field it touches changed meanwhile.
 * Editors give evidence documents with a request that goes to review, and add
 * more while it is pending; each addition counts as a change to the request,
 * so a reviewer decides only on the documents they saw. A request may state the day it takes effect (the date of
 * the decision it follows); an owner or status change is then recorded from that day
 * ({@link PlatformRegister#checkEffective}).
 */
@Service
public class ChangeDesk {

    /** What a request did: the entry as it now is, and the change request waiting for review, if any. */
    public record Outcome(Platform platform, List<FieldChange<PlatformField>> applied, ChangeRequest pending) {
    }

    private final ChangeRequestRepository changes;
    private final EvidenceDocuments documents;
    private final PlatformRegister register;
    private final Catalog catalog;
    private final Scopes scopes;
    private final Agencies agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final GovernanceSettings settings;
    private final Clock clock;

    ChangeDesk(ChangeRequestRepository changes, EvidenceDocuments documents, PlatformRegister register,
            Catalog catalog, Scopes scopes, Agencies agencies, AuditLog audit, ApplicationEventPublisher events,
            GovernanceSettings settings, Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.register = register;
        this.catalog = catalog;
        this.scopes = scopes;
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Applies the contact fields at once and puts the rest in a change request for review, with the evidence
     * documents given for it and the day it is to take effect ({@code effectiveOn}; null: the day it is approved).
     * Documents and an effective date are refused when nothing goes to review: a contact change keeps neither.
     */
    @Transactional
    public Outcome request(String code, int expectedVersion, Map<PlatformField, String> wanted, String reason,
            LocalDate effectiveOn, List<EvidenceDocuments.Upload> evidence, CurrentUser user) {
        if (!scopes.mayEdit(user, code)) {
            throw new RegistryException(ErrorCode.OUT_OF_SCOPE, "Platform " + code
                    + " is not one your account may change.");
        }
        Platform current = register.requireVersion(code, expectedVersion);
        InvalidParameters invalid = new InvalidParameters();
        Map<PlatformField, String> direct = new EnumMap<>(PlatformField.class);
        Map<PlatformField, String> reviewed = new EnumMap<>(PlatformField.class);
        for (var entry : wanted.entrySet()) {
            PlatformField field = entry.getKey();
            String value = PlatformField.normalise(entry.getValue());
            if (!settings.editable(field)) {
                invalid.reject(field.wireName(), "is changed by the national authority's decisions (recognition,"
                        + " suspension, revocation), not by a change request.");
            } else if (Objects.equals(value, field.of(current))) {
                continue;
            } else if (settings.directFields().contains(field)) {
                direct.put(field, value);
            } else if (user.role() == Role.OPERATOR) {
                invalid.reject(field.wireName(), "operators change only contact fields "
                        + settings.directFields().stream().map(PlatformField::wireName).sorted().toList() + ".");
            } else {
                reviewed.put(field, value);
            }
        }
        EvaluationRules.notAfterToday(invalid, PlatformField.SECURITY_DOSSIER_DATE,
                reviewed.get(PlatformField.SECURITY_DOSSIER_DATE), agencies.today());
        if (reason != null && reason.length() > EvaluationRules.MAX_COMMENT) {
            invalid.reject("reason", "must be at most " + EvaluationRules.MAX_COMMENT + " characters.");
        }
        if (!invalid.any() && direct.isEmpty() && reviewed.isEmpty()) {
            invalid.reject("fields", "no field differs from the entry as it is.");
        }
        if (!evidence.isEmpty() && user.role() != Role.MINISTRY_EDITOR) {
            invalid.reject("files", "evidence documents are given by the editors of the ministry whose platform"
                    + " it is.");
        } else if (!invalid.any() && reviewed.isEmpty() && !evidence.isEmpty()) {
            invalid.reject("files", "evidence documents go with changes that need review; contact fields "
                    + settings.directFields().stream().map(PlatformField::wireName).sorted().toList()
                    + " are changed at once and keep no documents. Send them without files.");
        }
        if (!invalid.any() && reviewed.isEmpty() && effectiveOn != null) {
            invalid.reject(PlatformRegister.EFFECTIVE_ON, "goes with changes that need review; contact fields "
                    + settings.directFields().stream().map(PlatformField::wireName).sorted().toList()
                    + " are changed at once. Send them without an effective date.",
                    RegistryException.Said.of("gov.error.field.effective_on.direct"));
        }
        invalid.throwIfAny();
        refuseIfAlreadyPending(code, reviewed, effectiveOn);
        Map<PlatformField, String> all = new EnumMap<>(PlatformField.class);
        all.putAll(direct);
        all.putAll(reviewed);
        Platform proposed = PlatformField.apply(current, all, c -> agencies.find(c).isPresent());
        register.checkEffective(current, proposed, effectiveOn);
        LocalDate today = agencies.today();
        List<EvidenceDocuments.Checked> files = evidence.stream()
                .map(upload -> documents.inspect(upload.fileName(), upload.content())).toList();
        String agency = catalog.ownerOn(current, today).code();
        Platform after = current;
        List<FieldChange<PlatformField>> applied = new ArrayList<>();
        if (!direct.isEmpty()) {
            after = register.amend(code, expectedVersion, direct, new PlatformRevision.Provenance(user.username(),
                    PlatformRevision.Cause.CHANGED_DIRECTLY, null, InvalidParameters.stripped(reason)));
            direct.keySet().forEach(f -> applied.add(new FieldChange<>(f, f.of(current), direct.get(f))));
            audit.record(AuditEvent.PLATFORM_CHANGED, user.username(), "platform:" + code,
                    Map.of("fields", names(direct), "version", after.version()));
            events.publishEvent(new GovernanceActivity.ChangeApplied(code, agency, user.username(), names(direct)));
        }
        ChangeRequest pending = null;
        if (!reviewed.isEmpty()) {
            List<FieldChange<PlatformField>> asked = new ArrayList<>();
            reviewed.forEach((f, v) -> asked.add(new FieldChange<>(f, f.of(current), v)));
            pending = new ChangeRequest(UUID.randomUUID(), code, agency, ChangeStatus.PENDING, asked,
                    after.version(), InvalidParameters.stripped(reason), effectiveOn, user.username(),
                    Moments.now(clock), null, null, null, 0, List.of());
            changes.insert(pending);
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("change", pending.id().toString());
            details.put("fields", names(reviewed));
            if (effectiveOn != null) {
                details.put("effectiveOn", effectiveOn.toString());
            }
            audit.record(AuditEvent.CHANGE_REQUESTED, user.username(), "platform:" + code, details);
            for (EvidenceDocuments.Checked file : files) {
                stored(pending, file, user);
            }
            pending = find(pending.id());
            events.publishEvent(new GovernanceEvent.ChangeRequested(pending.id(), code, agency, user.username(),
                    effectiveOn));
        }
        return new Outcome(after, applied, pending);
    }

    /**
     * Adds an evidence document to a pending request. Only the editors of the ministry whose platform it is may;
     * to anyone else the request does not exist. Refused once the request is decided, and when it changed after
     * the editor read it at {@code expectedVersion}.
     */
    @Transactional
    public ChangeRequest attach(UUID id, int expectedVersion, EvidenceDocuments.Upload upload, CurrentUser user) {
        ChangeRequest change = changes.find(id)
                .filter(c -> user.role() == Role.MINISTRY_EDITOR && scopes.mayEdit(user, c.platformCode()))
                .orElseThrow(() -> notFound(id));
        if (!change.status().takesEvidence()) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "Change request " + id + " was "
                    + InvalidParameters.Wire.name(change.status()) + " on " + VietnamTime.moment(change.decidedAt())
                    + "; documents can be added only while a request is pending. Make a new change request.");
        }
        if (change.version() != expectedVersion) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Change request " + id + " was changed after"
                    + " you read it (you had version " + expectedVersion + ", it is at version " + change.version()
                    + "). Nothing was saved; reload it and try again.",
                    RegistryException.Said.of("gov.concurrent.change", change.platformCode(),
                            RegistryException.Label.of("change.status.", change.status()), change.requestedAt()));
        }
        EvidenceDocuments.Checked file = documents.inspect(upload.fileName(), upload.content());
        stored(change, file, user);
        if (!changes.touchIfPending(id, expectedVersion)) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Change request " + id
                    + " was decided or changed by someone else at the same time. Nothing was saved; reload it.",
                    RegistryException.Said.of("gov.concurrent.meanwhile", change.platformCode()));
        }
        return find(id);
    }

    /**
     * Refuses a request for review that asks exactly what a pending one of the platform asks (the same fields, values
     * and effective date): a form sent twice, which would otherwise wait twice for the same decision. The refusal's
     * sentence names who sent the pending request ({0}); its id ({1}) is for the page to link to it. Requests for
     * the platform are asked one at a time (a lock held until the transaction ends), so that the same form sent twice
     * at once is stored once.
     */
    private void refuseIfAlreadyPending(String code, Map<PlatformField, String> reviewed, LocalDate effectiveOn) {
        if (reviewed.isEmpty()) {
            return;
        }
        changes.lockRequestsOf(code);
        for (ChangeRequest pending : changes.pendingOf(code)) {
            if (!Objects.equals(pending.effectiveOn(), effectiveOn)) {
                continue;
            }
            Map<PlatformField, String> asked = new EnumMap<>(PlatformField.class);
            pending.changes().forEach(change -> asked.put(change.field(), change.after()));
            if (asked.equals(reviewed)) {
                throw new RegistryException(ErrorCode.CHANGE_REQUEST_PENDING, "The same change of " + code
                        + " is already waiting for review (request " + pending.id() + ", sent by "
                        + pending.requestedBy() + " on " + VietnamTime.moment(pending.requestedAt())
                        + "); add documents to it or wait for its decision instead of sending it again.",
                        RegistryException.Said.of("gov.error.said.change-pending", pending.requestedBy(),
                                pending.id().toString()));
            }
        }
    }

    private void stored(ChangeRequest change, EvidenceDocuments.Checked file, CurrentUser user) {
        EvidenceDocument document = documents.store(new EvidenceOwner.OfChangeRequest(change.id()), file,
                user.username());
        audit.record(AuditEvent.EVIDENCE_UPLOADED, user.username(), "platform:" + change.platformCode(),
                Map.of("change", change.id().toString(), "document", document.id().toString(), "file",
                        document.fileName(), "sha256", document.sha256(), "size", document.size()));
    }

    /** Approve or decline (reviewers), or withdraw (whoever may edit the platform). */
    @Transactional
    public ChangeRequest decide(UUID id, int expectedVersion, ChangeStatus.Action action, String note,
            CurrentUser user) {
        ChangeRequest change = find(id);
        boolean review = action != ChangeStatus.Action.WITHDRAW;
        if (review && !user.role().nationalAuthority()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only the national authority's reviewers decide change"
                    + " requests.");
        }
        if (!review && !scopes.mayEdit(user, change.platformCode())) {
            throw new RegistryException(ErrorCode.OUT_OF_SCOPE, "Change request " + id
                    + " is for a platform your account may not change.");
        }
        if (change.version() != expectedVersion) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Change request " + id
                    + " was decided or changed after you read it; reload it.",
                    RegistryException.Said.of("gov.concurrent.change", change.platformCode(),
                            RegistryException.Label.of("change.status.", change.status()), change.requestedAt()));
        }
        ChangeStatus next = change.status().after(action).orElseThrow(() -> new RegistryException(
                ErrorCode.ILLEGAL_TRANSITION, "A change request that is " + change.status() + " cannot be "
                        + action.name().toLowerCase(java.util.Locale.ROOT) + "d; it is decided once."));
        InvalidParameters invalid = new InvalidParameters();
        String clean = action == ChangeStatus.Action.DECLINE
                ? EvaluationRules.text(invalid, "note", note, EvaluationRules.MAX_COMMENT)
                : InvalidParameters.stripped(note);
        invalid.throwIfAny();
        OffsetDateTime now = Moments.now(clock);
        switch (action) {
            case APPROVE -> approve(change, clean, user);
            case DECLINE -> {
                audit.record(AuditEvent.CHANGE_DECLINED, user.username(), "platform:" + change.platformCode(),
                        Map.of("change", id.toString(), "note", clean));
                events.publishEvent(new GovernanceEvent.ChangeDecided(id, change.platformCode(), change.agencyCode(),
                        user.username(), false, clean, null));
            }
            case WITHDRAW -> audit.record(AuditEvent.CHANGE_WITHDRAWN, user.username(),
                    "platform:" + change.platformCode(), Map.of("change", id.toString()));
        }
        if (!changes.decide(id, expectedVersion, next, user.username(), now, clean)) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Change request " + id
                    + " was decided by someone else at the same time.",
                    RegistryException.Said.of("gov.concurrent.meanwhile", change.platformCode()));
        }
        return find(id);
    }

    private void approve(ChangeRequest change, String note, CurrentUser user) {
        Platform current = catalog.get(change.platformCode());
        List<RegistryException.FieldError> moved = new ArrayList<>();
        Map<PlatformField, String> wanted = new EnumMap<>(PlatformField.class);
        for (FieldChange<PlatformField> c : change.changes()) {
            if (!Objects.equals(c.field().of(current), c.before())) {
                moved.add(RegistryException.FieldError.of(c.field().wireName(), "was '" + nullToEmpty(c.before())
                        + "' when the change was asked, is now '" + nullToEmpty(c.field().of(current)) + "'.",
                        RegistryException.Said.of("concurrent.moved",
                                new ConcurrentChange.Value(nullToEmpty(c.before())),
                                new ConcurrentChange.Value(nullToEmpty(c.field().of(current))))));
            }
            wanted.put(c.field(), c.after());
        }
        if (!moved.isEmpty()) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Fields of " + change.platformCode()
                    + " changed since this request was made; decline it and ask the editor for a new one.", moved);
        }
        // the register checks the effective date again: the platform's history may have moved on since, or the
        // stated day passed an agency's end
        LocalDate effective = change.effectiveOn() == null ? agencies.today() : change.effectiveOn();
        Platform after = register.amend(change.platformCode(), current.version(), wanted,
                new PlatformRevision.Provenance(user.username(), PlatformRevision.Cause.CHANGE_APPROVED,
                        "change:" + change.id(), note, change.effectiveOn()));
        audit.record(AuditEvent.CHANGE_APPROVED, user.username(), "platform:" + change.platformCode(),
                Map.of("change", change.id().toString(), "fields", names(wanted), "version", after.version(),
                        "effectiveOn", effective.toString()));
        events.publishEvent(new GovernanceEvent.ChangeDecided(change.id(), change.platformCode(), change.agencyCode(),
                user.username(), true, note, effective));
    }

    public ChangeRequest get(UUID id, CurrentUser user) {
        ChangeRequest change = find(id);
        if (!user.role().nationalAuthority() && !scopes.mayEdit(user, change.platformCode())) {
            throw new RegistryException(ErrorCode.OUT_OF_SCOPE, "Change request " + id
                    + " is for a platform outside your scope.");
        }
        return change;
    }

    /** Whether the user may see the request and its documents: the national authority, or who may edit the platform. */
    boolean visible(UUID id, CurrentUser user) {
        return changes.find(id)
                .filter(c -> user.role().nationalAuthority() || scopes.mayEdit(user, c.platformCode()))
                .isPresent();
    }

    public List<ChangeRequest> ofPlatform(String code) {
        return changes.ofPlatform(code);
    }

    public List<ChangeRequest> pending() {
        return changes.inStatus(ChangeStatus.PENDING);
    }

    /** Change requests of the editor's agency (and the agencies merged into it). */
    public List<ChangeRequest> ofAgency(String agencyCode) {
        String agency = agencies.successorOn(agencyCode, agencies.today()).code();
        return changes.ofAgencies(agencies.resolvingTo(agency, agencies.today()).stream().toList());
    }

    private ChangeRequest find(UUID id) {
        return changes.find(id).orElseThrow(() -> notFound(id));
    }

    private static RegistryException notFound(UUID id) {
        return new RegistryException(ErrorCode.NOT_FOUND, "No change request has the id " + id + ".");
    }

    private static List<String> names(Map<PlatformField, String> fields) {
        return fields.keySet().stream().map(PlatformField::wireName).toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
