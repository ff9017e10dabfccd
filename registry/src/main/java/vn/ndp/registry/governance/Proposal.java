package vn.ndp.registry.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.ShownLanguage;

/** A ministry's proposal of a platform for the national list, as it stands. */
public record Proposal(UUID id, String platformCode, String agencyCode, ProposalStatus status,
        Map<PlatformField, String> fields, Evaluation evaluation, String returnReason, Decision decision,
        String decisionReason, String createdBy, OffsetDateTime createdAt, OffsetDateTime submittedAt,
        String decidedBy, OffsetDateTime decidedAt, OffsetDateTime updatedAt, int version,
        List<EvidenceDocument> documents) {

    public Proposal {
        fields = Map.copyOf(fields);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public String name() {
        return fields.getOrDefault(PlatformField.NAME_VI, platformCode);
    }

    /** The name in the reader's language: in English the proposed English name where there is one. */
    public String name(Locale locale) {
        return ShownLanguage.name(locale, name(), fields.get(PlatformField.NAME_EN));
    }

    /** The {@code lang} of {@link #name(Locale)} where it is not the page's: "vi" or null ({@link ShownLanguage}). */
    public String lang(Locale locale) {
        return ShownLanguage.lang(locale, name(), fields.get(PlatformField.NAME_EN));
    }

    /** The recognition decision: number, date and issuing authority. */
    public record Decision(String number, LocalDate date, String issuer) {
    }
}
