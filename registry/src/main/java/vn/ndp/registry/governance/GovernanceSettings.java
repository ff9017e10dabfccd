package vn.ndp.registry.governance;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import vn.ndp.registry.catalog.PlatformField;

/**
 * Settings under {@code ndp.governance}.
 *
 * @param criteria the criteria groups of Decision 1230/QĐ-BTTTT a reviewer must assess, in order (their labels are
 *     in messages-governance as {@code criterion.<code>})
 * @param reevaluationInterval how long a recognition holds before it must be re-evaluated
 * @param dueSoon how far ahead the re-evaluation list shows platforms that fall due
 * @param reviewedFields fields whose change needs a reviewer's approval
 * @param directFields fields an editor or operator changes at once (contact details)
 * @param maxDocumentSize largest evidence document accepted
 * @param documentTypes accepted evidence types: pdf, docx, xlsx, png, jpeg (checked by content, not by name)
 * @param decisionIssuer the authority named on recognition decisions unless the reviewer names another
 * @param documentDirectory where new evidence documents are kept, one file per distinct content named by its
 *     SHA-256; unset (the default), they are kept in the database. Documents keep the place they were stored in,
 *     so documents in the database stay readable after this is set; documents in a directory need it to stay set
 *     to the same directory (environment: {@code NDP_DOCUMENTS})
 */
@ConfigurationProperties("ndp.governance")
public record GovernanceSettings(
        @DefaultValue({"technical", "cybersecurity", "functions", "adoption", "enterprise", "service_model",
            "personal_data", "data_in_vietnam"}) List<String> criteria,
        @DefaultValue("P1Y") Period reevaluationInterval,
        @DefaultValue("P60D") Period dueSoon,
        @DefaultValue({"NAME_VI", "NAME_EN", "DESCRIPTION_VI", "DESCRIPTION_EN", "OWNER", "OPERATOR_NAME",
            "DEVELOPER", "CATEGORY", "TYPE", "SCOPES", "STATUS", "SECURITY_LEVEL", "SECURITY_DOSSIER_APPROVED",
            "SECURITY_DOSSIER_DATE", "DATA_IN_VIETNAM", "NDXP_STATUS", "TAGS", "LEGAL_BASIS_NUMBER",
            "LEGAL_BASIS_DATE", "LEGAL_BASIS_ISSUER"}) Set<PlatformField> reviewedFields,
        @DefaultValue({"OPERATOR_CONTACT", "OPERATOR_PHONE", "OPERATOR_EMAIL", "WEBSITE"})
        Set<PlatformField> directFields,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue({"pdf", "docx", "xlsx", "png", "jpeg"}) List<String> documentTypes,
        @DefaultValue("Bộ Khoa học và Công nghệ") String decisionIssuer,
        Path documentDirectory) {

    public GovernanceSettings {
        criteria = List.copyOf(criteria);
        reviewedFields = Set.copyOf(reviewedFields);
        directFields = Set.copyOf(directFields);
        documentTypes = List.copyOf(documentTypes);
        if (reviewedFields.stream().anyMatch(directFields::contains)) {
            throw new IllegalArgumentException("ndp.governance: a field cannot be both reviewed and direct");
        }
    }

    /** Whether an editor may change the field at all (status and legal basis are the authority's). */
    public boolean editable(PlatformField field) {
        return directFields.contains(field) || reviewedFields.contains(field);
    }

    public static GovernanceSettings defaults() {
        return new GovernanceSettings(List.of("technical", "cybersecurity", "functions", "adoption", "enterprise",
                "service_model", "personal_data", "data_in_vietnam"), Period.ofYears(1), Period.ofDays(60),
                Set.of(PlatformField.values()).stream().filter(f -> !Set.of(PlatformField.OPERATOR_CONTACT,
                        PlatformField.OPERATOR_PHONE, PlatformField.OPERATOR_EMAIL, PlatformField.WEBSITE)
                        .contains(f)).collect(java.util.stream.Collectors.toSet()),
                Set.of(PlatformField.OPERATOR_CONTACT, PlatformField.OPERATOR_PHONE, PlatformField.OPERATOR_EMAIL,
                        PlatformField.WEBSITE),
                DataSize.ofMegabytes(10), List.of("pdf", "docx", "xlsx", "png", "jpeg"), "Bộ Khoa học và Công nghệ",
                null);
    }
}
