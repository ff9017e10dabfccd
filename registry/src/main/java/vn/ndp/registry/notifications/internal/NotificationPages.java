package vn.ndp.registry.notifications.internal;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.web.WebPage;

/** The signed-in person's own notices. */
@WebPage
class NotificationPages {

    private final Notices notices;

    NotificationPages(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(Authentication authentication, Model model) {
        UUID account = CurrentUser.from(authentication).orElseThrow().accountId();
        model.addAttribute("notices", notices.of(account, 200));
        model.addAttribute("unread", notices.unread(account));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("isAuthenticated()")
    String markRead(Authentication authentication, @PathVariable UUID id) {
        notices.markRead(CurrentUser.from(authentication).orElseThrow().accountId(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    @PreAuthorize("isAuthenticated()")
    String markAllRead(Authentication authentication) {
        notices.markAllRead(CurrentUser.from(authentication).orElseThrow().accountId());
        return "redirect:/notifications";
    }
}
