package vn.ndp.registry.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One notice to one account. {@code link} is a site path ({@code /platforms/NDXP}) or null; {@code vietnameseInEn},
 * the Vietnamese its English subject and body quote ({@link NoticeText#vietnameseInEn}).
 */
public record Notice(UUID id, UUID accountId, String kind, String subjectVi, String subjectEn, String bodyVi,
        String bodyEn, String link, OffsetDateTime createdAt, OffsetDateTime readAt, List<String> vietnameseInEn) {

    public Notice {
        vietnameseInEn = vietnameseInEn == null ? List.of() : List.copyOf(vietnameseInEn);
    }

    public boolean unread() {
        return readAt == null;
    }

    public String subject(Locale locale) {
        return "en".equals(locale.getLanguage()) ? subjectEn : subjectVi;
    }

    public String body(Locale locale) {
        return "en".equals(locale.getLanguage()) ? bodyEn : bodyVi;
    }
}
