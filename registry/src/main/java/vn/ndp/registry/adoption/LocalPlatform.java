package vn.ndp.registry.adoption;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.overlap.Verdict;
import vn.ndp.registry.shared.Bilingual;

/**
 * A system a province runs for itself (kind = local), with the catalogue
 * fields the overlap check compares. {@code overlapVerdict} and
 * {@code overlapMatches} record what the check found when it was last saved;
 * {@code overlapReason} is the province's reason for saving it anyway. A
 * removed platform keeps its row and history; {@code removal} says when, by
 * whom and why (null while it is in the register).
 */
public record LocalPlatform(
        UUID id,
        String provinceCode,
        String nameVi,
        String nameEn,
        String description,
        List<String> functions,
        Category category,
        PlatformType type,
        AdoptionStatus status,
        String website,
        String department,
        Verdict overlapVerdict,
        List<String> overlapMatches,
        String overlapReason,
        boolean sample,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        Removal removal,
        int version) implements Bilingual {

    public LocalPlatform {
        functions = functions == null ? List.of() : List.copyOf(functions);
        overlapMatches = overlapMatches == null ? List.of() : List.copyOf(overlapMatches);
    }

    /** Taken out of the register: kept with its history, no longer listed or compared with. */
    public record Removal(OffsetDateTime at, String by, String reason) {
    }

    public boolean removed() {
        return removal != null;
    }

    /** The code the overlap check knows it by. */
    public String code() {
        return codeOf(id);
    }

    /**
     * The code the overlap check knows the local platform with this id by: the whole id, as the index updates and
     * removes entries by code (eight of its digits, as before, would have been shared by two platforms in about one
     * register of 10,000 in a hundred).
     */
    public static String codeOf(UUID id) {
        return "LOCAL-" + id;
    }

    /** What a province editor fills in. */
    public record Draft(String nameVi, String nameEn, String description, List<String> functions,
            Category category, PlatformType type, AdoptionStatus status, String website, String department) {

        public Draft {
            functions = functions == null ? List.of()
                    : functions.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
        }
    }
}
