package vn.ndp.registry.agencies;

import java.time.LocalDate;
import java.util.Locale;
import vn.ndp.registry.shared.Bilingual;

/**
 * A state body, province or enterprise. {@code code} is NDP's identifier,
 * unique across time; {@code officialCode} is the electronic code under
 * Decision 20/2020/QĐ-TTg where known; {@code adminCode} the statistical code
 * of a province-level unit.
 */
public record Agency(
        String code,
        AgencyKind kind,
        String nameVi,
        String nameEn,
        String shortName,
        String officialCode,
        String adminCode,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String source,
        boolean sample) implements Bilingual {

    public boolean existsOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The name lists use: the short name ("Hà Nội"), in English the English name where there is one. */
    public String shortName(Locale locale) {
        if ("en".equals(locale.getLanguage()) && nameEn != null) {
            return nameEn;
        }
        return shortName == null ? nameVi : shortName;
    }
}
