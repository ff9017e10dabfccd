package vn.ndp.registry.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.notifications.Notice;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApi {

    private final Notices notices;

    NotificationApi(Notices notices) {
        this.notices = notices;
    }

    record Item(UUID id, String kind, String subjectVi, String subjectEn, String bodyVi, String bodyEn, String link,
            OffsetDateTime createdAt, OffsetDateTime readAt) {

        static Item of(Notice n) {
            return new Item(n.id(), n.kind(), n.subjectVi(), n.subjectEn(), n.bodyVi(), n.bodyEn(), n.link(),
                    n.createdAt(), n.readAt());
        }
    }

    record Page(long unread, List<Item> items) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Your notices, newest first, with the unread count")
    Page mine(Authentication authentication) {
        UUID account = CurrentUser.from(authentication).orElseThrow().accountId();
        return new Page(notices.unread(account), notices.of(account, 200).stream().map(Item::of).toList());
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Mark one of your notices read")
    ResponseEntity<Void> markRead(Authentication authentication, @PathVariable UUID id) {
        notices.markRead(CurrentUser.from(authentication).orElseThrow().accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
