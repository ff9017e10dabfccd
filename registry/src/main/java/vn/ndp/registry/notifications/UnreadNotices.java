package vn.ndp.registry.notifications;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.ndp.registry.accounts.CurrentUser;

/** The unread count the site header shows: {@code ${@unreadNotices.of(#authentication)}}. */
@Component("unreadNotices")
public class UnreadNotices {

    private final Notices notices;

    UnreadNotices(Notices notices) {
        this.notices = notices;
    }

    /** Zero for visitors and for principals that are not NDP accounts. */
    public long of(Authentication authentication) {
        return CurrentUser.from(authentication).map(user -> notices.unread(user.accountId())).orElse(0L);
    }
}
