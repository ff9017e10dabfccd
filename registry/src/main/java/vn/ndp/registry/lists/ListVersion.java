package vn.ndp.registry.lists;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.catalog.LifecycleStatus;

/**
 * One published version of the official list: the document that announced it
 * and when and by whom it was published in NDP.
 *
 * @param statuses the catalogue statuses whose platforms the version froze
 * @param platformCount how many platforms it lists
 * @param undated the platforms of its statuses it left out because their listing date was unknown (none for a
 *     version dated on its publication day), in code order
 */
public record ListVersion(UUID id, String title, String documentNumber, LocalDate documentDate, String issuer,
        String note, List<LifecycleStatus> statuses, OffsetDateTime publishedAt, String publishedBy,
        int platformCount, List<UndatedPlatform> undated) {

    public ListVersion {
        statuses = List.copyOf(statuses);
        undated = List.copyOf(undated);
    }
}
