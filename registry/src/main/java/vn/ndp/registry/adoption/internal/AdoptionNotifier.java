package vn.ndp.registry.adoption.internal;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.adoption.AdoptionEvent;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.notifications.NoticeText;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.overlap.OverlapDetector;

/**
 * After an adoption change commits: reviewers hear of province proposals, the
 * province's editors of the decision; when a local platform is added, changed
 * or removed, its one entry in the overlap index is updated before the request
 * returns, so that the next check sees it as it is now (a removed one not at
 * all), without rebuilding the index of the whole catalogue.
 */
@Component
class AdoptionNotifier {

    private static final Locale VIETNAMESE = Locale.of("vi");

    private final Notices notices;
    private final OverlapDetector overlap;
    private final LocalPlatformCorpus localPlatforms;
    private final Agencies agencies;

    AdoptionNotifier(Notices notices, OverlapDetector overlap, LocalPlatformCorpus localPlatforms, Agencies agencies) {
        this.notices = notices;
        this.overlap = overlap;
        this.localPlatforms = localPlatforms;
        this.agencies = agencies;
    }

    /** The province by its name, as a person reads it; by its code if it is not in the reference data. */
    private String provinceVi(String code) {
        return agencies.find(code).map(a -> a.name(VIETNAMESE)).orElse("Địa phương " + code);
    }

    private String provinceEn(String code) {
        return agencies.find(code).map(a -> a.name(Locale.ENGLISH)).orElse("Province " + code);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AdoptionEvent event) {
        switch (event) {
            case AdoptionEvent.ProvinceProposalSubmitted e -> notices.send(notices.withRole(Role.REVIEWER),
                    new NoticeText("PROVINCE_PROPOSAL_SUBMITTED",
                            "Đề xuất bổ sung nền tảng: " + e.name(), "Platform proposed for the national list: " + e.name(),
                            provinceVi(e.provinceCode()) + " đề xuất bổ sung nền tảng “" + e.name()
                                    + "” vào danh mục quốc gia.",
                            provinceEn(e.provinceCode()) + " proposes adding “" + e.name() + "” to the national list.",
                            "/adoption/proposals").quoting(e.name()));
            case AdoptionEvent.ProvinceProposalDecided e -> notices.send(notices.editorsOf(e.provinceCode()),
                    new NoticeText(e.accepted() ? "PROVINCE_PROPOSAL_ACCEPTED" : "PROVINCE_PROPOSAL_DECLINED",
                            (e.accepted() ? "Đề xuất được chấp nhận: " : "Đề xuất không được chấp nhận: ") + e.name(),
                            (e.accepted() ? "Proposal accepted: " : "Proposal declined: ") + e.name(),
                            "Lý do: " + e.reason(), "Reason: " + e.reason(), "/adoption/proposals")
                            .quoting(e.name(), e.reason()));
            case AdoptionEvent.LocalPlatformRegistered e -> reindex(e.id());
            case AdoptionEvent.LocalPlatformChanged e -> reindex(e.id());
            case AdoptionEvent.LocalPlatformRemoved e -> reindex(e.id());
            case AdoptionEvent.AdoptionDeclared e -> {
            }
        }
    }

    private void reindex(UUID id) {
        overlap.update(LocalPlatform.codeOf(id), () -> localPlatforms.current(id));
    }
}
