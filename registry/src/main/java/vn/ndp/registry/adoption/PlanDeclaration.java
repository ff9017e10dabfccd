package vn.ndp.registry.adoption;

import java.time.LocalDate;
import java.util.List;

/** What a province editor submits for a year; checked by {@link AdoptionDesk#declare}. */
public record PlanDeclaration(int year, DocumentKind documentKind, String documentNumber, LocalDate documentDate,
        String documentTitle, String target, String progress, List<PlatformAdoption> platforms) {

    public PlanDeclaration {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
