package vn.ndp.registry.lists;

import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.shared.Bilingual;

/**
 * A platform of a version's statuses that the version left out because its listing date was unknown when it was
 * published: a version dated before that day freezes only the platforms known to be listed on its date
 * ({@link vn.ndp.registry.catalog.Platform#listedOn(java.time.LocalDate, java.time.LocalDate)}), and of this one the
 * catalogue could not say. Its names as they stood when the version was published, and its status on the version's
 * date (one of the version's statuses).
 */
public record UndatedPlatform(String platformCode, String nameVi, String nameEn, LifecycleStatus status)
        implements Bilingual {
}
