package vn.ndp.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.adoption.internal.ProvinceProposalRepository;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;

/**
 * Provinces propose platforms for the national list; the national authority
 * (administrators and reviewers) accepts or declines each with a reason. Both
 * steps are audited and the province's editors are told of the decision.
 */
@Service
public class ProvinceProposals {

    private final ProvinceProposalRepository repository;
    private final AdoptionDesk desk;
    private final Agencies agencies;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProvinceProposals(ProvinceProposalRepository repository, AdoptionDesk desk, Agencies agencies, Scopes scopes,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.desk = desk;
        this.agencies = agencies;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A province editor proposes, for the province it acts for today. */
    @Transactional
    public ProvinceProposal submit(CurrentUser user, String provinceCode, String name, String description,
            String reason) {
        Agency province = desk.province(provinceCode);
        if (user.role() != Role.PROVINCE_EDITOR) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only province editors propose platforms this way.");
        }
        desk.authoriseEditing(user, province);
        InvalidParameters invalid = new InvalidParameters();
        String cleanName = AdoptionDesk.text(invalid, "name", name, AdoptionDesk.MAX_SHORT);
        if (cleanName == null) {
            invalid.reject("name", "is required.");
        }
        String cleanReason = AdoptionDesk.text(invalid, "reason", reason, AdoptionDesk.MAX_TEXT);
        if (cleanReason == null) {
            invalid.reject("reason", "is required: why the province needs it on the national list.");
        }
        String cleanDescription = AdoptionDesk.text(invalid, "description", description, 5000);
        invalid.throwIfAny();
        ProvinceProposal p = new ProvinceProposal(UUID.randomUUID(), province.code(), cleanName, cleanDescription,
                cleanReason, ProvinceProposal.Status.SUBMITTED, null, null, null, false, user.username(),
                Moments.now(clock), 0);
        repository.insert(p);
        audit.record(AuditEvent.PROVINCE_PROPOSAL_SUBMITTED, user.username(), "province:" + province.code(),
                Map.of("proposal", p.id().toString(), "name", cleanName));
        events.publishEvent(new AdoptionEvent.ProvinceProposalSubmitted(p.id(), province.code(), cleanName,
                user.username()));
        return p;
    }

    /** The national authority accepts or declines a submitted proposal it read at {@code expectedVersion}. */
    @Transactional
    public ProvinceProposal decide(CurrentUser user, UUID id, Integer expectedVersion, Boolean accept, String reason) {
        if (!user.role().nationalAuthority()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only the national authority decides proposals.");
        }
        ProvinceProposal p = find(id);
        InvalidParameters invalid = new InvalidParameters();
        if (accept == null) {
            invalid.reject("decision", "is required: accept or decline.");
        }
        if (expectedVersion == null) {
            invalid.reject("version", "is required: the version you read.");
        }
        String why = AdoptionDesk.text(invalid, "reason", reason, AdoptionDesk.MAX_TEXT);
        if (why == null) {
            invalid.reject("reason", "is required for a decision.");
        }
        invalid.throwIfAny();
        if (p.version() != expectedVersion) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "The proposal '" + p.name() + "' was changed"
                    + " after you read it (you had version " + expectedVersion + ", it is at version " + p.version()
                    + ", status " + p.status() + (p.decidedBy() == null ? "" : ", decided by " + p.decidedBy())
                    + "). Nothing was saved.", RegistryException.Said.of("adoption.proposals.concurrent", p.name(),
                            RegistryException.Label.of("adoption.proposal.", p.status())));
        }
        ProvinceProposal.Status next = p.status().after(accept).orElseThrow(() -> new RegistryException(
                ErrorCode.ILLEGAL_TRANSITION, "The proposal '" + p.name() + "' is already " + p.status() + "."));
        OffsetDateTime now = Moments.now(clock);
        if (!repository.decideIfVersion(id, expectedVersion, next, why, user.username(), now)) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "The proposal '" + p.name()
                    + "' was decided by someone else at the same time. Nothing was saved.",
                    RegistryException.Said.of("adoption.proposals.meanwhile", p.name()));
        }
        audit.record(accept ? AuditEvent.PROVINCE_PROPOSAL_ACCEPTED : AuditEvent.PROVINCE_PROPOSAL_DECLINED,
                user.username(), "province:" + p.provinceCode(), Map.of("proposal", id.toString(), "name", p.name(),
                        "reason", why));
        events.publishEvent(new AdoptionEvent.ProvinceProposalDecided(id, p.provinceCode(), p.name(), accept, why,
                user.username()));
        return find(id);
    }

    /**
     * One page of the proposals the user may see that match the query, the most recently changed first, filtered,
     * counted and paged in the database. The national authority sees every proposal, a province editor those of
     * the province it acts for today (with the provinces merged into it), anyone else none; a province filter
     * narrows that scope and never widens it.
     */
    public ResultPage<ProvinceProposal> find(CurrentUser user, ProvinceProposalQuery query) {
        LocalDate today = agencies.today();
        Set<String> scope;
        if (user.role().nationalAuthority()) {
            scope = null;
        } else if (user.role() == Role.PROVINCE_EDITOR && user.agencyCode() != null) {
            scope = desk.codesHeldBy(agencies.successorOn(user.agencyCode(), today).code(), today);
        } else {
            return ResultPage.empty(query.paging());
        }
        Set<String> provinces = scope;
        if (query.provinceCode() != null) {
            Set<String> asked = desk.codesHeldBy(query.provinceCode(), today);
            provinces = scope == null ? asked : asked.stream().filter(scope::contains).collect(Collectors.toSet());
        }
        ProvinceProposalRepository.Filter filter = new ProvinceProposalRepository.Filter(provinces, query.status(),
                query.q());
        return ResultPage.fetch(query.paging(), repository.count(filter),
                (limit, offset) -> repository.find(filter, limit, offset));
    }

    public ProvinceProposal get(CurrentUser user, UUID id) {
        ProvinceProposal p = find(id);
        if (!user.role().nationalAuthority() && !(user.role() == Role.PROVINCE_EDITOR
                && scopes.actsFor(user, p.provinceCode()))) {
            throw new RegistryException(ErrorCode.NOT_FOUND, "No proposal has the id " + id + ".");
        }
        return p;
    }

    private ProvinceProposal find(UUID id) {
        return repository.find(id).orElseThrow(() -> new RegistryException(ErrorCode.NOT_FOUND,
                "No proposal has the id " + id + "."));
    }
}
