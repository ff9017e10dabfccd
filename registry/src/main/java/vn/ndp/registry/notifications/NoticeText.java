package vn.ndp.registry.notifications;

/**
 * What a notice says, in Vietnamese and English, and where it points.
 *
 * @param kind a stable name of the occasion (e.g. {@code PROPOSAL_SUBMITTED})
 * @param link a site path, or null
 */
public record NoticeText(String kind, String subjectVi, String subjectEn, String bodyVi, String bodyEn, String link) {
}
