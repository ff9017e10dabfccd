package vn.ndp.registry.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Calendar dates as people read them (dd/MM/yyyy in Vietnamese, {@link #format}), and as people and programs write
 * them: {@code dd/MM/yyyy} as Vietnamese documents and forms do (the
 * day and month may have one digit: {@code 1/7/2025}), or ISO {@code yyyy-MM-dd} as the API, the links and CSV
 * files from other systems do. Both are read strictly: {@code 31/02/2025} is no date, not 3 March.
 */
public final class CalendarDates {

    /** What to tell a person whose date could not be read. */
    public static final String EXPECTED = "write it as dd/MM/yyyy or yyyy-MM-dd (e.g. 03/07/2024 or 2024-07-03)";

    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private CalendarDates() {
    }

    /**
     * {@code date} as people read it: dd/MM/yyyy in Vietnamese, "28 Feb 2025" in English; an empty text for null. Pages,
     * exports, PDFs and notices all write dates through here.
     */
    public static String format(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return ("en".equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE).format(date);
    }

    /** {@code date} as dd/MM/yyyy, as Vietnamese documents write it. */
    public static String vietnamese(LocalDate date) {
        return date == null ? "" : VIETNAMESE.format(date);
    }

    /**
     * The date {@code text} names (surrounding blanks ignored).
     *
     * @throws DateTimeParseException when it is neither form, or no such day exists
     */
    public static LocalDate parse(String text) {
        String value = text.strip();
        return value.indexOf('/') >= 0 ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
    }

    /** {@code text} in ISO form when it is a date in either form; otherwise as it was, for a validator to refuse. */
    public static String iso(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        try {
            return parse(text).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /**
     * What a date field shows: {@code dd/MM/yyyy} for a date or an ISO text, any other text as it was typed (shown
     * back with the error that refused it), nothing for null.
     */
    public static String forInput(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return vietnamese(date);
        }
        String text = value.toString();
        try {
            return vietnamese(parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
