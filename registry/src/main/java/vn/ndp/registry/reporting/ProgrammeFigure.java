package vn.ndp.registry.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import vn.ndp.registry.shared.ShownLanguage;

/** A figure the programme published (e.g. 103 platforms in the list of 15/07/2023), with its source. */
public record ProgrammeFigure(String key, String dimension, String labelVi, String labelEn, BigDecimal value,
        String unit, LocalDate asOf, String document, String source) {

    public String label(Locale locale) {
        return ShownLanguage.name(locale, labelVi, labelEn);
    }

    /** The {@code lang} of {@link #label(Locale)} where it is not the page's: "vi" or null ({@link ShownLanguage}). */
    public String lang(Locale locale) {
        return ShownLanguage.lang(locale, labelVi, labelEn);
    }
}
