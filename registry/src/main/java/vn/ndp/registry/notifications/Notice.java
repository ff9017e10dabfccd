package vn.ndp.registry.notifications;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** One notice to one account. {@code link} is a site path ({@code /platforms/NDXP}) or null. */
public record Notice(UUID id, UUID accountId, String kind, String subjectVi, String subjectEn, String bodyVi,
        String bodyEn, String link, OffsetDateTime createdAt, OffsetDateTime readAt) {

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
