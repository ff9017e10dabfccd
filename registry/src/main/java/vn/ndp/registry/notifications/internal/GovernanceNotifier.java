package vn.ndp.registry.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.governance.GovernanceEvent;
import vn.ndp.registry.governance.GovernanceEvent.ChangeDecided;
import vn.ndp.registry.governance.GovernanceEvent.ChangeRequested;
import vn.ndp.registry.governance.GovernanceEvent.PlatformRevoked;
import vn.ndp.registry.governance.GovernanceEvent.PlatformSuspended;
import vn.ndp.registry.governance.GovernanceEvent.ProposalDecided;
import vn.ndp.registry.governance.GovernanceEvent.ProposalReturned;
import vn.ndp.registry.governance.GovernanceEvent.ProposalSubmitted;
import vn.ndp.registry.governance.GovernanceEvent.ReevaluationDue;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.Bilingual;

/**
 * Tells the right people what happened in the governance workflow, once the
 * workflow's transaction has committed (a rolled-back decision notifies
 * nobody). Reviewers hear of submissions and change requests; the owning
 * agency's editors hear of everything decided about their platforms; the
 * platform's operators also hear of suspension and revocation.
 */
@Component
class GovernanceNotifier {

    private final Notices notices;
    private final Catalog catalog;
    private final Agencies agencies;

    GovernanceNotifier(Notices notices, Catalog catalog, Agencies agencies) {
        this.notices = notices;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(GovernanceEvent event) {
        NoticeTexts.Subject platform = subject(event);
        Bilingual agency = Optional.ofNullable(event.agencyCode()).flatMap(agencies::find).map(Bilingual.class::cast)
                .orElseGet(() -> new NoticeTexts.UnknownAgency(event.agencyCode()));
        List<Account> editors = notices.editorsOf(event.agencyCode());
        switch (event) {
            case ProposalSubmitted e -> notices.send(notices.withRole(Role.REVIEWER),
                    NoticeTexts.submitted(platform, agency, e.actor()));
            case ProposalReturned e -> notices.send(editors, NoticeTexts.returned(platform, e.reason()));
            case ProposalDecided e -> notices.send(editors,
                    NoticeTexts.decided(platform, e.decision(), e.decisionNumber(), e.decisionDate(), e.reason()));
            case ChangeRequested e -> notices.send(notices.withRole(Role.REVIEWER),
                    NoticeTexts.changeRequested(platform, agency, e.actor(), e.effectiveOn()));
            case ChangeDecided e -> notices.send(editors,
                    NoticeTexts.changeDecided(platform, e.approved(), e.reason(), e.effectiveOn()));
            case ReevaluationDue e -> notices.send(editors, NoticeTexts.reevaluationDue(platform, e.dueDate()));
            case PlatformSuspended e -> notices.send(withOperators(editors, e.platformCode()),
                    NoticeTexts.suspended(platform, e.reason(), e.legalBasis()));
            case PlatformRevoked e -> notices.send(withOperators(editors, e.platformCode()),
                    NoticeTexts.revoked(platform, e.reason(), e.legalBasis()));
        }
    }

    private List<Account> withOperators(List<Account> editors, String platformCode) {
        List<Account> all = new ArrayList<>(editors);
        all.addAll(notices.operatorsOf(platformCode));
        return all;
    }

    /**
     * The platform as the notice names it and where it points: a proposal still on its way, by the names it proposes
     * and its own page; a platform in the catalogue, by its names and its page; a decided proposal that did not make
     * it into the catalogue, by its code and the proposal's page.
     */
    private NoticeTexts.Subject subject(GovernanceEvent event) {
        String code = event.platformCode();
        return switch (event) {
            case ProposalSubmitted e -> new NoticeTexts.Subject(code, e.nameVi(), e.nameEn(), proposal(e.proposalId()));
            case ProposalReturned e -> new NoticeTexts.Subject(code, e.nameVi(), e.nameEn(), proposal(e.proposalId()));
            default -> catalog.find(code)
                    .map(p -> new NoticeTexts.Subject(code, p.nameVi(), p.nameEn(), "/platforms/" + code))
                    .orElseGet(() -> event instanceof ProposalDecided e // rejected: named as it was proposed
                            ? new NoticeTexts.Subject(code, e.nameVi(), e.nameEn(), proposal(e.proposalId()))
                            : new NoticeTexts.Subject(code, code, code, null));
        };
    }

    private static String proposal(UUID id) {
        return "/governance/proposals/" + id;
    }
}
