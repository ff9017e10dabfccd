package vn.ndp.registry.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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
import vn.ndp.registry.governance.GovernanceEvent.Decision;
import vn.ndp.registry.governance.ProposalCommand.AttachEvidence;
import vn.ndp.registry.governance.ProposalCommand.Edit;
import vn.ndp.registry.governance.ProposalCommand.RecordEvaluation;
import vn.ndp.registry.governance.ProposalCommand.Recognise;
import vn.ndp.registry.governance.ProposalCommand.RecogniseAsPotential;
import vn.ndp.registry.governance.ProposalCommand.Reject;
import vn.ndp.registry.governance.ProposalCommand.ReturnForChanges;
import vn.ndp.registry.governance.ProposalCommand.Submit;
import vn.ndp.registry.governance.ProposalCommand.Withdraw;
import vn.ndp.registry.governance.internal.ProposalRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Where proposals of new platforms are drafted, submitted, evaluated and
 * decided. Each command goes through the same steps: the user's scope (editors
 * act only for their own agency, reviewers for the national authority), the
 * version the user saw, the legal transition ({@link ProposalStatus#after}),
 * then its own handler; each is audited and published as a
 * {@link GovernanceEvent}. A recognition lists the platform in the catalogue.
 */
@Service
public class RecognitionDesk {

    /** What an editor proposes; status, owner and legal basis come from the decision. */
    public static final Set<PlatformField> PROPOSED_FIELDS = proposedFields();

    private final ProposalRepository proposals;
    private final EvidenceDocuments documents;
    private final PlatformRegister register;
    private final Catalog catalog;
    private final Scopes scopes;
    private final Agencies agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final GovernanceSettings settings;
    private final Clock clock;

    RecognitionDesk(ProposalRepository proposals, EvidenceDocuments documents, PlatformRegister register,
            Catalog catalog, Scopes scopes, Agencies agencies, AuditLog audit, ApplicationEventPublisher events,
            GovernanceSettings settings, Clock clock) {
        this.proposals = proposals;
        this.catalog = catalog;
        this.documents = documents;
        this.register = register;
        this.scopes = scopes;
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A ministry editor starts a proposal for their own agency (never one named by the client). */
    @Transactional
    public Proposal draft(CurrentUser user, String platformCode, Map<PlatformField, String> fields) {
        if (user.role() != Role.MINISTRY_EDITOR) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only ministry editors propose platforms.");
        }
        String agency = agencies.successorOn(user.agencyCode(), agencies.today()).code();
        InvalidParameters invalid = new InvalidParameters();
        String code = PlatformField.code("code", platformCode, invalid);
        if (InvalidParameters.code(platformCode) == null) {
            invalid.reject("code", "is required: 2 to 40 capital letters, digits, '.', '_' or '-' (e.g."
                    + " NEN-TANG-HOC-LIEU).");
        } else if (code != null) {
            refuseIfListed(code, invalid);
        }
        Map<PlatformField, String> clean = checkedFields(fields, agency, invalid);
        invalid.throwIfAny();
        OffsetDateTime now = Moments.now(clock);
        Proposal proposal = new Proposal(UUID.randomUUID(), code, agency, ProposalStatus.DRAFT, clean, null, null,
                null, null, user.username(), now, null, null, null, now, 0, List.of());
        try {
            proposals.insert(proposal);
        } catch (DuplicateKeyException e) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "Another open proposal already uses the code '"
                    + code + "'.", List.of(RegistryException.FieldError.of("code", "is used by another proposal.",
                            RegistryException.Said.of("gov.error.field.code.proposed", code))));
        }
        audit.record(AuditEvent.PROPOSAL_DRAFTED, user.username(), subject(proposal),
                Map.of("proposal", proposal.id().toString(), "agency", agency));
        return proposal;
    }

    /** Applies a command to the proposal the user last saw at {@code expectedVersion}. */
    @Transactional
    public Proposal handle(UUID id, int expectedVersion, ProposalCommand command, CurrentUser user) {
        Proposal proposal = find(id);
        authorise(user, proposal, command);
        if (proposal.version() != expectedVersion) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Proposal " + proposal.platformCode()
                    + " was changed after you read it (you had version " + expectedVersion + ", it is at version "
                    + proposal.version() + ", status " + proposal.status() + ", last changed "
                    + VietnamTime.moment(proposal.updatedAt()) + "). Nothing was saved; reload it and try again.",
                    RegistryException.Said.of("gov.concurrent.proposal", proposal.platformCode(),
                            RegistryException.Label.of("proposal.status.", proposal.status()), proposal.updatedAt()));
        }
        ProposalStatus next = proposal.status().after(command).orElseThrow(() -> new RegistryException(
                ErrorCode.ILLEGAL_TRANSITION, "A proposal that is " + proposal.status() + " cannot be "
                        + verb(command) + "."));
        OffsetDateTime now = Moments.now(clock);
        Proposal changed = switch (command) {
            case Edit edit -> edited(proposal, edit, user, now);
            case AttachEvidence attach -> attached(proposal, attach, user, now);
            case Submit submit -> submitted(proposal, next, user, now);
            case Withdraw withdraw -> withdrawn(proposal, next, user, now);
            case RecordEvaluation evaluation -> evaluated(proposal, next, evaluation, user, now);
            case ReturnForChanges returned -> returned(proposal, next, returned, user, now);
            case Recognise recognise -> recognised(proposal, next, recognise.decisionNumber(),
                    recognise.decisionDate(), recognise.issuer(), user, now);
            case RecogniseAsPotential potential -> recognised(proposal, next, potential.decisionNumber(),
                    potential.decisionDate(), potential.issuer(), user, now);
            case Reject reject -> rejected(proposal, next, reject, user, now);
        };
        if (!proposals.updateIfVersion(changed, expectedVersion)) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Proposal " + proposal.platformCode()
                    + " was changed by someone else at the same time. Nothing was saved; reload it and try again.",
                    RegistryException.Said.of("gov.concurrent.meanwhile", proposal.platformCode()));
        }
        return find(id);
    }

    /** The proposal, if the user may see it: its agency's editors and the national authority. */
    public Proposal get(UUID id, CurrentUser user) {
        Proposal proposal = find(id);
        if (!mayView(user, proposal)) {
            throw outOfScope(proposal);
        }
        return proposal;
    }

    /**
     * One page of the proposals the user may see that match the query, the most recently changed first, filtered,
     * counted and paged in the database. Ministry editors see their agency's (with those of the agencies merged
     * into it), the national authority every proposal, anyone else none.
     */
    public ResultPage<Proposal> find(CurrentUser user, ProposalQuery query) {
        List<String> agencyCodes;
        if (user.role().nationalAuthority()) {
            agencyCodes = null;
        } else if (user.role() == Role.MINISTRY_EDITOR && user.agencyCode() != null) {
            String agency = agencies.successorOn(user.agencyCode(), agencies.today()).code();
            agencyCodes = List.copyOf(agencies.resolvingTo(agency, agencies.today()));
        } else {
            return ResultPage.empty(query.paging());
        }
        ProposalRepository.Filter filter = new ProposalRepository.Filter(agencyCodes, query.status(), query.q());
        return ResultPage.fetch(query.paging(), proposals.count(filter),
                (limit, offset) -> proposals.find(filter, limit, offset));
    }

    /** Submitted proposals waiting for the national authority, oldest first. */
    public List<Proposal> queue() {
        return proposals.inStatus(List.of(ProposalStatus.SUBMITTED, ProposalStatus.UNDER_EVALUATION));
    }

    public boolean mayView(CurrentUser user, Proposal proposal) {
        return user.role().nationalAuthority()
                || (user.role() == Role.MINISTRY_EDITOR && scopes.actsFor(user, proposal.agencyCode()));
    }

    public GovernanceSettings settings() {
        return settings;
    }

    private Proposal find(UUID id) {
        return proposals.find(id).orElseThrow(() -> new RegistryException(ErrorCode.PROPOSAL_NOT_FOUND,
                "No proposal has the id " + id + "."));
    }

    private void authorise(CurrentUser user, Proposal proposal, ProposalCommand command) {
        if (command.byEditor()) {
            if (user.role() != Role.MINISTRY_EDITOR || !scopes.actsFor(user, proposal.agencyCode())) {
                throw outOfScope(proposal);
            }
        } else if (!user.role().nationalAuthority()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only the national authority's reviewers evaluate and"
                    + " decide proposals.");
        }
    }

    private Proposal edited(Proposal p, Edit edit, CurrentUser user, OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        Map<PlatformField, String> fields = checkedFields(edit.fields(), p.agencyCode(), invalid);
        invalid.throwIfAny();
        audit.record(AuditEvent.PROPOSAL_EDITED, user.username(), subject(p),
                Map.of("proposal", p.id().toString(), "fields", fields.keySet().stream()
                        .map(PlatformField::wireName).toList()));
        return with(p, p.status(), fields, p.evaluation(), p.returnReason(), null, null, p.submittedAt(), null, null,
                now);
    }

    private Proposal attached(Proposal p, AttachEvidence attach, CurrentUser user, OffsetDateTime now) {
        EvidenceDocument document = documents.store(new EvidenceOwner.OfProposal(p.id()),
                documents.inspect(attach.fileName(), attach.content()), user.username());
        audit.record(AuditEvent.EVIDENCE_UPLOADED, user.username(), subject(p), Map.of("proposal", p.id().toString(),
                "document", document.id().toString(), "file", document.fileName(), "sha256", document.sha256(),
                "size", document.size()));
        return with(p, p.status(), p.fields(), p.evaluation(), p.returnReason(), null, null, p.submittedAt(), null,
                null, now);
    }

    private Proposal submitted(Proposal p, ProposalStatus next, CurrentUser user, OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        for (PlatformField required : List.of(PlatformField.NAME_VI, PlatformField.DESCRIPTION_VI,
                PlatformField.CATEGORY, PlatformField.TYPE, PlatformField.SCOPES)) {
            if (p.fields().get(required) == null) {
                invalid.reject(required.wireName(), "is required before the proposal can be submitted.");
            }
        }
        refuseIfListed(p.platformCode(), invalid);
        invalid.throwIfAny();
        audit.record(AuditEvent.PROPOSAL_SUBMITTED, user.username(), subject(p), Map.of("proposal",
                p.id().toString()));
        events.publishEvent(new GovernanceEvent.ProposalSubmitted(p.id(), p.platformCode(), p.name(),
                p.fields().get(PlatformField.NAME_EN), p.agencyCode(), user.username()));
        return with(p, next, p.fields(), p.evaluation(), null, null, null, now, null, null, now);
    }

    private Proposal withdrawn(Proposal p, ProposalStatus next, CurrentUser user, OffsetDateTime now) {
        audit.record(AuditEvent.PROPOSAL_WITHDRAWN, user.username(), subject(p), Map.of("proposal",
                p.id().toString()));
        events.publishEvent(new GovernanceActivity.ProposalWithdrawn(p.id(), p.platformCode(), p.agencyCode(),
                user.username()));
        return with(p, next, p.fields(), p.evaluation(), p.returnReason(), null, null, p.submittedAt(), null, null,
                now);
    }

    private Proposal evaluated(Proposal p, ProposalStatus next, RecordEvaluation command, CurrentUser user,
            OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        EvaluationRules.check(command.evaluation(), settings.criteria(), invalid);
        invalid.throwIfAny();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("proposal", p.id().toString());
        command.evaluation().results().forEach(r -> detail.put(r.criterion(), r.result().name()));
        detail.put("security_level", command.evaluation().securityLevel());
        audit.record(AuditEvent.EVALUATION_RECORDED, user.username(), subject(p), detail);
        events.publishEvent(new GovernanceActivity.EvaluationRecorded(p.id(), p.platformCode(), p.agencyCode(),
                user.username()));
        return with(p, next, p.fields(), command.evaluation(), null, null, null, p.submittedAt(), null, null, now);
    }

    private Proposal returned(Proposal p, ProposalStatus next, ReturnForChanges command, CurrentUser user,
            OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        String reason = EvaluationRules.text(invalid, "reason", command.reason(), EvaluationRules.MAX_COMMENT);
        invalid.throwIfAny();
        audit.record(AuditEvent.PROPOSAL_RETURNED, user.username(), subject(p), Map.of("proposal", p.id().toString(),
                "reason", reason));
        events.publishEvent(new GovernanceEvent.ProposalReturned(p.id(), p.platformCode(), p.name(),
                p.fields().get(PlatformField.NAME_EN), p.agencyCode(), user.username(), reason));
        return with(p, next, p.fields(), p.evaluation(), reason, null, null, p.submittedAt(), user.username(), now,
                now);
    }

    private Proposal recognised(Proposal p, ProposalStatus next, String number, LocalDate date, String issuer,
            CurrentUser user, OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        String decisionNumber = EvaluationRules.text(invalid, "decision_number", number, 200);
        if (date == null) {
            invalid.reject("decision_date", "is required: the date the decision was signed.");
        } else if (date.isAfter(agencies.today())) {
            // a decision dated ahead would list the platform from that day only, while it shows as recognised today;
            // one dated before the proposal is fine: a decision taken before NDP is recorded through a proposal now
            invalid.reject("decision_date", "must not be after today: the date the decision was signed.");
        }
        String decisionIssuer = issuer == null || issuer.isBlank() ? settings.decisionIssuer()
                : EvaluationRules.text(invalid, "decision_issuer", issuer, 500);
        invalid.throwIfAny();
        boolean potential = next == ProposalStatus.RECOGNISED_AS_POTENTIAL;
        Map<PlatformField, String> listed = new EnumMap<>(PlatformField.class);
        listed.putAll(p.fields());
        listed.put(PlatformField.OWNER, p.agencyCode());
        listed.put(PlatformField.STATUS, potential ? "potential" : "recognised");
        listed.put(PlatformField.LEGAL_BASIS_NUMBER, decisionNumber);
        listed.put(PlatformField.LEGAL_BASIS_DATE, date.toString());
        listed.put(PlatformField.LEGAL_BASIS_ISSUER, decisionIssuer);
        Evaluation evaluation = p.evaluation();
        listed.put(PlatformField.SECURITY_LEVEL, String.valueOf(evaluation.securityLevel()));
        listed.put(PlatformField.SECURITY_DOSSIER_APPROVED, String.valueOf(evaluation.securityDossierApproved()));
        Platform platform = register.list(p.platformCode(), listed, date,
                decisionNumber + ", " + decisionIssuer,
                new PlatformRevision.Provenance(user.username(), PlatformRevision.Cause.RECOGNISED,
                        "proposal:" + p.id(), decisionNumber));
        Proposal.Decision decision = new Proposal.Decision(decisionNumber, date, decisionIssuer);
        audit.record(potential ? AuditEvent.PLATFORM_RECOGNISED_AS_POTENTIAL : AuditEvent.PLATFORM_RECOGNISED,
                user.username(), "platform:" + platform.code(), Map.of("proposal", p.id().toString(),
                        "decision_number", decisionNumber, "decision_date", date.toString(), "issuer",
                        decisionIssuer));
        events.publishEvent(new GovernanceEvent.ProposalDecided(p.id(), p.platformCode(), p.name(),
                p.fields().get(PlatformField.NAME_EN), p.agencyCode(), user.username(),
                potential ? Decision.RECOGNISED_AS_POTENTIAL : Decision.RECOGNISED, decisionNumber, date, null));
        return with(p, next, p.fields(), p.evaluation(), null, decision, null, p.submittedAt(), user.username(), now,
                now);
    }

    private Proposal rejected(Proposal p, ProposalStatus next, Reject command, CurrentUser user,
            OffsetDateTime now) {
        InvalidParameters invalid = new InvalidParameters();
        String reason = EvaluationRules.text(invalid, "reason", command.reason(), EvaluationRules.MAX_COMMENT);
        invalid.throwIfAny();
        audit.record(AuditEvent.PROPOSAL_REJECTED, user.username(), subject(p), Map.of("proposal", p.id().toString(),
                "reason", reason));
        events.publishEvent(new GovernanceEvent.ProposalDecided(p.id(), p.platformCode(), p.name(),
                p.fields().get(PlatformField.NAME_EN), p.agencyCode(), user.username(), Decision.REJECTED, null, null,
                reason));
        return with(p, next, p.fields(), p.evaluation(), null, null, reason, p.submittedAt(), user.username(), now,
                now);
    }

    /**
     * Refuses a code the catalogue already has (listed before the proposal was drafted, or meanwhile), naming the
     * platform that has it, so that the editor may propose changes to it instead.
     */
    private void refuseIfListed(String code, InvalidParameters invalid) {
        catalog.find(code).ifPresent(listed -> invalid.reject("code", "'" + code + "' is already in the catalogue"
                + " (" + listed.nameVi() + "); propose changes to it instead.",
                RegistryException.Said.of("gov.error.field.code.listed", code, listed.nameVi(),
                        listed.name(Locale.ENGLISH))));
    }

    /** Only the fields an editor proposes, trimmed, checked as the catalogue would check them. */
    private Map<PlatformField, String> checkedFields(Map<PlatformField, String> fields, String agency,
            InvalidParameters invalid) {
        Map<PlatformField, String> clean = new EnumMap<>(PlatformField.class);
        for (var entry : fields.entrySet()) {
            if (!PROPOSED_FIELDS.contains(entry.getKey())) {
                invalid.reject(entry.getKey().wireName(), "is set by the national authority's decision, not proposed.");
                continue;
            }
            String value = PlatformField.normalise(entry.getValue());
            if (value != null) {
                clean.put(entry.getKey(), value);
            }
        }
        Map<PlatformField, String> asListed = new EnumMap<>(PlatformField.class);
        asListed.putAll(clean);
        asListed.put(PlatformField.OWNER, agency);
        asListed.put(PlatformField.STATUS, "proposed");
        asListed.putIfAbsent(PlatformField.NAME_VI, "-");
        asListed.putIfAbsent(PlatformField.CATEGORY, "government");
        asListed.putIfAbsent(PlatformField.TYPE, "platform");
        try {
            Platform listed = PlatformField.apply(blank(), asListed, code -> agencies.find(code).isPresent());
            PlatformField.notAfterToday(invalid, PlatformField.SECURITY_DOSSIER_DATE, listed.security().dossierDate(),
                    agencies.today());
        } catch (RegistryException e) {
            e.errors().forEach(error -> invalid.reject(error.field(), error.message()));
        }
        return clean;
    }

    private static Platform blank() {
        return new Platform("DRAFT", null, null, null, null, null, null, null, null, null, Set.of(), null, null, null,
                null, null, null, List.of(), null, null, false, 0, null);
    }

    private static Proposal with(Proposal p, ProposalStatus status, Map<PlatformField, String> fields,
            Evaluation evaluation, String returnReason, Proposal.Decision decision, String decisionReason,
            OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime now) {
        return new Proposal(p.id(), p.platformCode(), p.agencyCode(), status, fields, evaluation, returnReason,
                decision, decisionReason, p.createdBy(), p.createdAt(), submittedAt, decidedBy, decidedAt, now,
                p.version(), p.documents());
    }

    private static RegistryException outOfScope(Proposal proposal) {
        return new RegistryException(ErrorCode.OUT_OF_SCOPE, "Proposal " + proposal.id()
                + " belongs to another agency; you can act only for your own.");
    }

    private static String subject(Proposal p) {
        return "proposal:" + p.platformCode();
    }

    private static String verb(ProposalCommand command) {
        return switch (command) {
            case Edit e -> "edited";
            case AttachEvidence a -> "given more evidence";
            case Submit s -> "submitted";
            case Withdraw w -> "withdrawn";
            case RecordEvaluation r -> "evaluated";
            case ReturnForChanges r -> "returned for changes";
            case Recognise r -> "recognised (it needs a recorded evaluation first)";
            case RecogniseAsPotential r -> "recognised as potential (it needs a recorded evaluation first)";
            case Reject r -> "rejected (it needs a recorded evaluation first)";
        };
    }

    private static Set<PlatformField> proposedFields() {
        Set<PlatformField> fields = EnumSet.allOf(PlatformField.class);
        fields.removeAll(Set.of(PlatformField.STATUS, PlatformField.OWNER, PlatformField.LEGAL_BASIS_NUMBER,
                PlatformField.LEGAL_BASIS_DATE, PlatformField.LEGAL_BASIS_ISSUER));
        return Set.copyOf(fields);
    }
}
