package vn.ndp.registry.support.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.notifications.NoticeText;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.web.Dates;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.SupportAction.Side;
import vn.ndp.registry.support.SupportEvent;
import vn.ndp.registry.support.SupportEvent.MessagePosted;
import vn.ndp.registry.support.SupportEvent.RequestOpened;
import vn.ndp.registry.support.SupportEvent.StatusChanged;
import vn.ndp.registry.support.SupportStatus;

/**
 * Tells the other side of a support request what happened, in the app and by
 * e-mail, once the change has committed (a rolled-back change tells nobody):
 * the platform's operators hear of new requests and of the requester's
 * replies, reopenings and closings; the requester hears of every answer and
 * status change the operator makes.
 */
@Component
class SupportNotifier {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Locale EN = Locale.ENGLISH;
    private static final int EXCERPT = 500;

    private final Notices notices;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Agencies agencies;

    SupportNotifier(Notices notices, Accounts accounts, Catalog catalog, Agencies agencies) {
        this.notices = notices;
        this.accounts = accounts;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SupportEvent event) {
        String link = "/support/" + event.requestId();
        String platformVi = platform(event.platformCode(), VI);
        String platformEn = platform(event.platformCode(), EN);
        switch (event) {
            case RequestOpened e -> {
                Optional<Agency> agency = agencies.find(e.agencyCode());
                String agencyVi = agency.map(a -> a.name(VI)).orElse(e.agencyCode());
                String agencyEn = agency.map(a -> a.name(EN)).orElse(e.agencyCode());
                notices.send(notices.operatorsOf(e.platformCode()), new NoticeText("SUPPORT_REQUEST_OPENED",
                        "Yêu cầu hỗ trợ mới về " + platformVi + ": " + e.subject(),
                        "New support request about " + platformEn + ": " + e.subject(),
                        agencyVi + " đã gửi yêu cầu hỗ trợ về nền tảng " + platformVi + " (người gửi: " + e.actor()
                                + ", mức ưu tiên: " + priorityVi(e.priority()) + "). Hạn xử lý: "
                                + Dates.format(e.dueDate(), VI) + ".",
                        agencyEn + " raised a support request about the platform " + platformEn + " (raised by "
                                + e.actor() + ", priority: " + priorityEn(e.priority()) + "). Due: "
                                + Dates.format(e.dueDate(), EN) + ".",
                        link));
            }
            case MessagePosted e when e.side() == Side.OPERATOR -> notices.send(requester(e.requestedBy()),
                    new NoticeText("SUPPORT_REQUEST_ANSWERED",
                            "Đơn vị vận hành đã trả lời yêu cầu hỗ trợ: " + e.subject(),
                            "The operator answered your support request: " + e.subject(),
                            "Đơn vị vận hành nền tảng " + platformVi + " đã trả lời:\n" + excerpt(e.text()),
                            "The operator of " + platformEn + " answered:\n" + excerpt(e.text()), link));
            case MessagePosted e -> notices.send(notices.operatorsOf(e.platformCode()),
                    new NoticeText("SUPPORT_REQUEST_REPLIED",
                            "Bên yêu cầu đã phản hồi yêu cầu hỗ trợ: " + e.subject(),
                            "The requester replied to a support request: " + e.subject(),
                            e.actor() + " đã phản hồi yêu cầu hỗ trợ về nền tảng " + platformVi + ":\n"
                                    + excerpt(e.text()),
                            e.actor() + " replied to the support request about " + platformEn + ":\n"
                                    + excerpt(e.text()), link));
            case StatusChanged e -> notices.send(e.side() == Side.OPERATOR ? requester(e.requestedBy())
                    : notices.operatorsOf(e.platformCode()), new NoticeText("SUPPORT_REQUEST_STATUS_CHANGED",
                            "Yêu cầu hỗ trợ chuyển sang \"" + statusVi(e.to()) + "\": " + e.subject(),
                            "Support request now \"" + statusEn(e.to()) + "\": " + e.subject(),
                            "Yêu cầu hỗ trợ về nền tảng " + platformVi + " chuyển từ \"" + statusVi(e.from())
                                    + "\" sang \"" + statusVi(e.to()) + "\" (người thực hiện: " + e.actor() + ")."
                                    + (e.note() == null ? "" : "\nGhi chú: " + excerpt(e.note())),
                            "The support request about " + platformEn + " moved from \"" + statusEn(e.from())
                                    + "\" to \"" + statusEn(e.to()) + "\" (by " + e.actor() + ")."
                                    + (e.note() == null ? "" : "\nNote: " + excerpt(e.note())),
                            link));
        }
    }

    private List<Account> requester(String username) {
        return accounts.findByUsername(username).stream().toList();
    }

    /** The platform's name and code, or the code alone once it is no longer in the catalogue. */
    private String platform(String code, Locale locale) {
        return catalog.find(code).map(p -> p.name(locale) + " (" + code + ")").orElse(code);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    static String statusVi(SupportStatus status) {
        return switch (status) {
            case OPEN -> "Mới";
            case IN_PROGRESS -> "Đang xử lý";
            case WAITING_FOR_REQUESTER -> "Chờ bên yêu cầu phản hồi";
            case RESOLVED -> "Đã giải quyết";
            case CLOSED -> "Đã đóng";
        };
    }

    static String statusEn(SupportStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case IN_PROGRESS -> "In progress";
            case WAITING_FOR_REQUESTER -> "Waiting for requester";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
        };
    }

    static String priorityVi(Priority priority) {
        return switch (priority) {
            case LOW -> "thấp";
            case NORMAL -> "bình thường";
            case HIGH -> "cao";
            case URGENT -> "khẩn cấp";
        };
    }

    static String priorityEn(Priority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }
}
