package vn.ndp.registry.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** A figure the programme published (e.g. 103 platforms in the list of 15/07/2023), with its source. */
public record ProgrammeFigure(String key, String dimension, String labelVi, String labelEn, BigDecimal value,
        String unit, LocalDate asOf, String document, String source) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelVi;
    }
}
