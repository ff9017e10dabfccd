package vn.ndp.registry.notifications.internal;

import java.util.List;
import java.util.UUID;
import vn.ndp.registry.notifications.NoticeText;

/** E-mails to send once the transaction that stored their notices commits. */
public record MailQueued(List<Mail> mails) {

    public record Mail(UUID noticeId, String to, NoticeText text) {
    }
}
