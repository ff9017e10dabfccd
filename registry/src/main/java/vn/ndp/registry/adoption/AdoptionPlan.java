package vn.ndp.registry.adoption;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What one province declared for one year. It keeps the code of the province
 * that declared it: after the 2025 merger a predecessor's plan stays its own
 * and rolls up to the successor ({@link AdoptionDesk#history}).
 */
public record AdoptionPlan(
        UUID id,
        String provinceCode,
        int year,
        DocumentKind documentKind,
        String documentNumber,
        LocalDate documentDate,
        String documentTitle,
        String target,
        String progress,
        List<PlatformAdoption> platforms,
        boolean sample,
        String updatedBy,
        OffsetDateTime updatedAt,
        int version) {

    public AdoptionPlan {
        platforms = List.copyOf(platforms);
    }

    /**
     * Whether the plan had been declared by {@code date} as far as its document says: a past-date view leaves out a
     * plan whose document is dated later (it did not exist then). One without a document date is kept, as nothing
     * says when it was made (a plan for a later year may be declared today).
     */
    public boolean declaredBy(LocalDate date) {
        return documentDate == null || !documentDate.isAfter(date);
    }

    /** At least one platform assigned (any status). */
    public boolean assigned() {
        return !platforms.isEmpty();
    }

    /** At least one platform being deployed or in use. */
    public boolean deploysAny() {
        return platforms.stream().anyMatch(p -> p.status().deploys());
    }
}
