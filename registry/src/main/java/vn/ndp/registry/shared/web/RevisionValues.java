package vn.ndp.registry.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.ndp.registry.shared.CalendarDates;

/**
 * A changed field's value as a reader knows it. Revisions keep wire values ({@code in_use}, {@code government},
 * {@code central;province}, {@code true}, dates as {@code 2025-07-01}); the history panels show the label the rest
 * of the site gives them ("Đang sử dụng", "Chính phủ số", "Trung ương; Cấp tỉnh", "Có"), dates as the site writes
 * them ({@code 01/07/2025} in Vietnamese), and any other value (names, free text) as it is. Templates call {@code ${@revisionValues.label(fields, f.field(), f.before())}}, where {@code fields} is the
 * prefix naming the fields: {@code field.} for a national platform (its revisions, its pending changes, a
 * proposal), {@code adoption.local.field.} for a local one.
 */
@Component("revisionValues")
public class RevisionValues {

    /** The prefix naming a national platform's fields ({@code field.name_vi}). */
    public static final String PLATFORM_FIELDS = "field.";
    /** The prefix naming a local platform's fields ({@code adoption.local.field.name_vi}). */
    public static final String LOCAL_PLATFORM_FIELDS = "adoption.local.field.";

    private static final String BOOLEAN = "";
    private static final String DATE = "date";
    /** For each history, its coded fields and the prefix of the message keys labelling their values. */
    private static final Map<String, Map<String, String>> PREFIXES = Map.of(
            PLATFORM_FIELDS, Map.of("category", "category.", "type", "type.", "status", "status.", "ndxp_status", "ndxp.",
                    "scopes", "scope.", "security_dossier_approved", BOOLEAN, "data_in_vietnam", BOOLEAN,
                    "legal_basis_date", DATE, "security_dossier_date", DATE),
            LOCAL_PLATFORM_FIELDS, Map.of("category", "category.", "type", "type.", "status", "adoption.status.",
                    "overlap_verdict", "adoption.verdict."));

    private final MessageSource messages;

    RevisionValues(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The message key that labels one wire value of {@code field} among {@code fields} ({@code status.in_use},
     * {@code common.yes} for a yes/no field's {@code true}), or null for a field whose values are not coded and for
     * a yes/no field's other values. The forms choose from the same labels.
     */
    public static String labelKey(String fields, String field, String value) {
        String prefix = PREFIXES.getOrDefault(fields, Map.of()).get(field);
        if (prefix == null || prefix.equals(DATE)) {
            return null;
        }
        if (prefix.equals(BOOLEAN)) {
            return switch (value) {
                case "true" -> "common.yes";
                case "false" -> "common.no";
                default -> null;
            };
        }
        return prefix + value;
    }

    public String label(String fields, String field, String value) {
        String prefix = PREFIXES.getOrDefault(fields, Map.of()).get(field);
        if (value == null || value.isBlank() || prefix == null) {
            return value;
        }
        if (prefix.equals(BOOLEAN)) {
            return message(labelKey(fields, field, value), value);
        }
        if (prefix.equals(DATE)) {
            return date(value);
        }
        return Arrays.stream(value.split(";")).map(String::strip)
                .map(v -> message(labelKey(fields, field, v), v)).collect(Collectors.joining("; "));
    }

    /** A stored ISO date as the page's language writes dates; anything else (never stored so) as it is. */
    private static String date(String value) {
        try {
            return CalendarDates.format(LocalDate.parse(value.strip()), LocaleContextHolder.getLocale());
        } catch (DateTimeParseException notIso) {
            return value;
        }
    }

    private String message(String key, String otherwise) {
        return key == null ? otherwise : messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }
}
