package vn.ndp.registry.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.catalog.PlatformRegister;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.governance.internal.ReevaluationRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException;

/**
 * The yearly re-evaluation of published platforms and the decisions on their
 * standing: keep, suspend, revoke, reinstate, each allowed only from the
 * statuses {@link StandingAction#after} names. A platform falls due one
 * interval ({@link GovernanceSettings#reevaluationInterval()}) after its
 * latest recognition or confirmation.
 */
@Service
public class ReevaluationDesk {

    /** A published platform with the date its re-evaluation falls due. */
    public record Due(Platform platform, String ownerCode, LocalDate since, LocalDate dueDate, boolean overdue) {
    }

    /** A decision on a platform's standing; the evaluation is required to keep it. */
    public record StandingDecision(StandingAction action, Evaluation evaluation, String reason, String legalBasis) {
    }

    private final ReevaluationRepository reevaluations;
    private final PlatformRegister register;
    private final Catalog catalog;
    private final Agencies agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final GovernanceSettings settings;
    private final Clock clock;

    ReevaluationDesk(ReevaluationRepository reevaluations, PlatformRegister register, Catalog catalog,
            Agencies agencies, AuditLog audit, ApplicationEventPublisher events, GovernanceSettings settings,
            Clock clock) {
        this.reevaluations = reevaluations;
        this.register = register;
        this.catalog = catalog;
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Published platforms due by {@code today} plus the look-ahead (or only overdue ones), most overdue first. */
    public List<Due> due(boolean overdueOnly) {
        LocalDate today = agencies.today();
        LocalDate horizon = overdueOnly ? today.minusDays(1) : today.plus(settings.dueSoon());
        Map<String, LocalDate> confirmed = reevaluations.lastConfirmations();
        List<Due> due = new ArrayList<>();
        catalog.forEachMatch(PlatformQuery.all(today), hit -> {
            Platform p = hit.platform();
            if (!StandingAction.reevaluated().contains(p.status())) {
                return;
            }
            LocalDate since = Stream.of(confirmed.get(p.code()), p.legalBasis().date(), p.listedFrom())
                    .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            LocalDate dueDate = since == null ? today : since.plus(settings.reevaluationInterval());
            if (!dueDate.isAfter(horizon)) {
                due.add(new Due(p, hit.owner().code(), since, dueDate, dueDate.isBefore(today)));
            }
        });
        due.sort(Comparator.comparing(Due::dueDate).thenComparing(d -> d.platform().code()));
        return due;
    }

    @Transactional
    public Platform decide(String code, int expectedVersion, StandingDecision decision, CurrentUser user) {
        if (!user.role().nationalAuthority()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only the national authority re-evaluates, suspends,"
                    + " revokes or reinstates platforms.");
        }
        Platform current = register.requireVersion(code, expectedVersion);
        if (decision.action() == null) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "action: is required.",
                    List.of(RegistryException.FieldError.of("action", "is required: one of "
                            + Wire.values(StandingAction.class) + ".")));
        }
        var next = decision.action().after(current.status()).orElseThrow(() -> new RegistryException(
                ErrorCode.ILLEGAL_TRANSITION, "A platform that is " + Wire.name(current.status()) + " cannot be "
                        + Wire.name(decision.action()) + ": allowed only from " + allowedFrom(decision.action())
                        + "."));
        InvalidParameters invalid = new InvalidParameters();
        String reason = null;
        String legalBasis = null;
        if (decision.action().needsReasonAndLegalBasis()) {
            reason = EvaluationRules.text(invalid, "reason", decision.reason(), EvaluationRules.MAX_COMMENT);
            legalBasis = EvaluationRules.text(invalid, "legal_basis", decision.legalBasis(), 500);
        }
        if (decision.action() == StandingAction.KEEP || decision.evaluation() != null) {
            EvaluationRules.check(decision.evaluation(), settings.criteria(), invalid);
        }
        invalid.throwIfAny();
        Map<PlatformField, String> changes = new LinkedHashMap<>();
        changes.put(PlatformField.STATUS, Wire.name(next));
        if (decision.evaluation() != null) {
            changes.put(PlatformField.SECURITY_LEVEL, String.valueOf(decision.evaluation().securityLevel()));
            changes.put(PlatformField.SECURITY_DOSSIER_APPROVED,
                    String.valueOf(decision.evaluation().securityDossierApproved()));
        }
        PlatformRevision.Cause cause = switch (decision.action()) {
            case KEEP -> PlatformRevision.Cause.REEVALUATED;
            case SUSPEND -> PlatformRevision.Cause.SUSPENDED;
            case REVOKE -> PlatformRevision.Cause.REVOKED;
            case REINSTATE -> PlatformRevision.Cause.REINSTATED;
        };
        String note = legalBasis == null ? decision.evaluation().summary() : reason + " — " + legalBasis;
        Platform after = register.amend(code, expectedVersion, changes,
                new PlatformRevision.Provenance(user.username(), cause, "reevaluation", note));
        LocalDate today = agencies.today();
        reevaluations.insert(code, decision.action(), decision.evaluation(), reason, legalBasis, user.username(),
                today, OffsetDateTime.now(clock));
        String agency = catalog.ownerOn(after, today).code();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", Wire.name(current.status()));
        detail.put("to", Wire.name(next));
        if (reason != null) {
            detail.put("reason", reason);
            detail.put("legal_basis", legalBasis);
        }
        switch (decision.action()) {
            case KEEP -> {
                LocalDate nextDue = today.plus(settings.reevaluationInterval());
                detail.put("next_due", nextDue.toString());
                audit.record(AuditEvent.REEVALUATION_COMPLETED, user.username(), "platform:" + code, detail);
                events.publishEvent(new GovernanceActivity.ReevaluationCompleted(code, agency, user.username(), nextDue));
            }
            case SUSPEND -> {
                audit.record(AuditEvent.PLATFORM_SUSPENDED, user.username(), "platform:" + code, detail);
                events.publishEvent(new GovernanceEvent.PlatformSuspended(code, agency, user.username(), reason,
                        legalBasis));
            }
            case REVOKE -> {
                audit.record(AuditEvent.PLATFORM_REVOKED, user.username(), "platform:" + code, detail);
                events.publishEvent(new GovernanceEvent.PlatformRevoked(code, agency, user.username(), reason,
                        legalBasis));
            }
            case REINSTATE -> {
                audit.record(AuditEvent.PLATFORM_REINSTATED, user.username(), "platform:" + code, detail);
                events.publishEvent(new GovernanceActivity.PlatformReinstated(code, agency, user.username(), reason,
                        legalBasis));
            }
        }
        return after;
    }

    private static List<String> allowedFrom(StandingAction action) {
        List<String> from = new ArrayList<>();
        for (var status : vn.ndp.registry.catalog.LifecycleStatus.values()) {
            if (action.after(status).isPresent()) {
                from.add(Wire.name(status));
            }
        }
        return from;
    }
}
