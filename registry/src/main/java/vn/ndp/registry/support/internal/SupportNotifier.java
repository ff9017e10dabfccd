package vn.ndp.registry.support.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
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
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.InvalidParameters.Wire;
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
    private final MessageSource messages;

    SupportNotifier(Notices notices, Accounts accounts, Catalog catalog, Agencies agencies, MessageSource messages) {
        this.notices = notices;
        this.accounts = accounts;
        this.catalog = catalog;
        this.agencies = agencies;
        this.messages = messages;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SupportEvent event) {
        String link = "/support/" + event.requestId();
        String platformVi = platform(event.platformCode(), VI);
        String platformEn = platform(event.platformCode(), EN);
        String platformVietnamese = catalog.find(event.platformCode()).map(p -> p.vietnameseShownIn(EN)).orElse(null);
        switch (event) {
            case RequestOpened e -> {
                Optional<Agency> agency = agencies.find(e.agencyCode());
                String agencyVi = agency.map(a -> a.name(VI)).orElse(e.agencyCode());
                String agencyEn = agency.map(a -> a.name(EN)).orElse(e.agencyCode());
                String agencyVietnamese = agency.map(a -> a.vietnameseShownIn(EN)).orElse(null);
                notices.send(notices.operatorsOf(e.platformCode()), new NoticeText("SUPPORT_REQUEST_OPENED",
                        "Yêu cầu hỗ trợ mới về " + platformVi + ": " + e.subject(),
                        "New support request about " + platformEn + ": " + e.subject(),
                        agencyVi + " đã gửi yêu cầu hỗ trợ về nền tảng " + platformVi + " (người gửi: " + e.actor()
                                + ", mức ưu tiên: " + priority(e.priority(), VI) + "). Hạn xử lý: "
                                + CalendarDates.format(e.dueDate(), VI) + ".",
                        agencyEn + " raised a support request about the platform " + platformEn + " (raised by "
                                + e.actor() + ", priority: " + priority(e.priority(), EN) + "). Due: "
                                + CalendarDates.format(e.dueDate(), EN) + ".",
                        link).quoting(platformVietnamese, agencyVietnamese, e.subject()));
            }
            case MessagePosted e when e.side() == Side.OPERATOR -> notices.send(requester(e.requestedBy()),
                    new NoticeText("SUPPORT_REQUEST_ANSWERED",
                            "Đơn vị vận hành đã trả lời yêu cầu hỗ trợ: " + e.subject(),
                            "The operator answered your support request: " + e.subject(),
                            "Đơn vị vận hành nền tảng " + platformVi + " đã trả lời:\n" + excerpt(e.text()),
                            "The operator of " + platformEn + " answered:\n" + excerpt(e.text()), link)
                            .quoting(platformVietnamese, e.subject(), excerpt(e.text())));
            case MessagePosted e -> notices.send(notices.operatorsOf(e.platformCode()),
                    new NoticeText("SUPPORT_REQUEST_REPLIED",
                            "Bên yêu cầu đã phản hồi yêu cầu hỗ trợ: " + e.subject(),
                            "The requester replied to a support request: " + e.subject(),
                            e.actor() + " đã phản hồi yêu cầu hỗ trợ về nền tảng " + platformVi + ":\n"
                                    + excerpt(e.text()),
                            e.actor() + " replied to the support request about " + platformEn + ":\n"
                                    + excerpt(e.text()), link)
                            .quoting(platformVietnamese, e.subject(), excerpt(e.text())));
            case StatusChanged e -> notices.send(e.side() == Side.OPERATOR ? requester(e.requestedBy())
                    : notices.operatorsOf(e.platformCode()), new NoticeText("SUPPORT_REQUEST_STATUS_CHANGED",
                            "Yêu cầu hỗ trợ chuyển sang \"" + status(e.to(), VI) + "\": " + e.subject(),
                            "Support request now \"" + status(e.to(), EN) + "\": " + e.subject(),
                            "Yêu cầu hỗ trợ về nền tảng " + platformVi + " chuyển từ \"" + status(e.from(), VI)
                                    + "\" sang \"" + status(e.to(), VI) + "\" (người thực hiện: " + e.actor() + ")."
                                    + (e.note() == null ? "" : "\nGhi chú: " + excerpt(e.note())),
                            "The support request about " + platformEn + " moved from \"" + status(e.from(), EN)
                                    + "\" to \"" + status(e.to(), EN) + "\" (by " + e.actor() + ")."
                                    + (e.note() == null ? "" : "\nNote: " + excerpt(e.note())),
                            link).quoting(platformVietnamese, e.subject(),
                                    e.note() == null ? null : excerpt(e.note())));
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

    /** The status as the support pages name it (messages-support). */
    private String status(SupportStatus status, Locale locale) {
        return messages.getMessage("support.status." + Wire.name(status), null, locale);
    }

    /** The priority as the support pages name it, in lower case within a sentence. */
    private String priority(Priority priority, Locale locale) {
        return messages.getMessage("support.priority." + Wire.name(priority), null, locale).toLowerCase(locale);
    }
}
