package vn.ndp.registry.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a notice says, in Vietnamese and English, and where it points.
 *
 * @param kind a stable name of the occasion (e.g. {@code PROPOSAL_SUBMITTED})
 * @param link a site path, or null
 * @param vietnameseInEn the Vietnamese the English subject and body quote (a name with no English name, a subject
 *     or a reason someone typed), which an English page marks {@code lang="vi"}
 */
public record NoticeText(String kind, String subjectVi, String subjectEn, String bodyVi, String bodyEn, String link,
        List<String> vietnameseInEn) {

    public NoticeText {
        vietnameseInEn = List.copyOf(vietnameseInEn);
    }

    public NoticeText(String kind, String subjectVi, String subjectEn, String bodyVi, String bodyEn, String link) {
        this(kind, subjectVi, subjectEn, bodyVi, bodyEn, link, List.of());
    }

    /** This text, its English quoting {@code vietnamese} as well (a null or blank one is left out). */
    public NoticeText quoting(String... vietnamese) {
        List<String> quoted = new java.util.ArrayList<>(vietnameseInEn);
        Arrays.stream(vietnamese).filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
                .filter(v -> !quoted.contains(v)).forEach(quoted::add);
        return new NoticeText(kind, subjectVi, subjectEn, bodyVi, bodyEn, link, quoted);
    }
}
