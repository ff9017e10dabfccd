package vn.ndp.registry.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them: dd/MM/yyyy in Vietnamese, "28 Feb 2025" in
 * English. Templates call it as {@code ${@dates.format(date)}}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public String format(LocalDate date) {
        return format(date, LocaleContextHolder.getLocale());
    }

    public static String format(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return ("en".equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE).format(date);
    }
}
