package vn.ndp.registry.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;
import vn.ndp.registry.shared.RegistryException.Said;

/**
 * Collects every problem with a request's parameters, so that one 400 names
 * them all. Parse with the typed methods, then call {@link #throwIfAny()}.
 */
public final class InvalidParameters {

    /** The longest search text, in characters. */
    public static final int MAX_SEARCH = 200;

    private final List<RegistryException.FieldError> errors = new ArrayList<>();

    public LocalDate date(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return CalendarDates.parse(value);
        } catch (DateTimeParseException e) {
            reject(name, "'" + value + "' is not a calendar date; " + CalendarDates.EXPECTED + ".",
                    Said.of("param.invalid.date"));
            return null;
        }
    }

    public int integer(String name, String value, int defaultValue, int min, int max) {
        if (isBlank(value)) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                reject(name, "must be between " + min + " and " + max + ", was " + parsed + ".",
                        Said.of("param.invalid.range", min, max));
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            reject(name, "'" + value + "' is not a whole number.", Said.of("param.invalid.integer"));
            return defaultValue;
        }
    }

    /** Parses a lower-case wire value (e.g. {@code in_use}) into an enum constant. */
    public <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (isBlank(value)) {
            return null;
        }
        E parsed = Wire.parse(type, value);
        if (parsed == null) {
            reject(name, "'" + value + "' is not one of " + Wire.values(type) + ".",
                    Said.of("param.invalid.choice", String.join(", ", Wire.values(type))));
        }
        return parsed;
    }

    public <T> T check(String name, String value, Function<String, T> parser, String why) {
        if (isBlank(value)) {
            return null;
        }
        T parsed = parser.apply(value.strip());
        if (parsed == null) {
            reject(name, "'" + value + "' " + why);
        }
        return parsed;
    }

    /**
     * The words a list or form is searched with, stripped; null when blank. Longer than {@link #MAX_SEARCH}
     * characters they are reported and null is returned, so nothing is searched with them.
     */
    public String search(String name, String value) {
        return text(name, value, MAX_SEARCH);
    }

    /**
     * A free text, stripped; null when blank. Longer than {@code max} characters it is reported and null is
     * returned, so nothing is done with it.
     */
    public String text(String name, String value, int max) {
        if (isBlank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            reject(name, "is " + text.length() + " characters long; at most " + max + " are allowed.",
                    Said.of("param.invalid.length", max));
            return null;
        }
        return text;
    }

    public void reject(String name, String message) {
        errors.add(RegistryException.FieldError.of(name, message));
    }

    /** Reports {@code name} as invalid, with the sentence a page says it with in the reader's language. */
    public void reject(String name, String message, Said said) {
        errors.add(RegistryException.FieldError.of(name, message, said));
    }

    /** Every problem reported so far, in the order reported. */
    public List<RegistryException.FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        Optional<RegistryException> refusal = refusal();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The refusal naming every invalid parameter, for a page that shows it rather than throws it; empty if none. */
    public Optional<RegistryException> refusal() {
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " parameters are invalid: " + String.join(", ",
                        errors.stream().map(RegistryException.FieldError::field).toList()) + ".";
        return Optional.of(new RegistryException(ErrorCode.INVALID_PARAMETER, detail, errors));
    }

    /** The value stripped; null when it is null or blank (an optional parameter left empty). */
    public static String stripped(String value) {
        return isBlank(value) ? null : value.strip();
    }

    /**
     * A code as typed (of a platform, an agency) as codes are kept: stripped and upper-case, {@code vneid} being
     * VNEID; null when it is null or blank.
     */
    public static String code(String typed) {
        return isBlank(typed) ? null : typed.strip().toUpperCase(Locale.ROOT);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Lower-case wire names of enums: {@code IN_USE} is {@code in_use} on the wire and in files. */
    public static final class Wire {

        private Wire() {
        }

        public static String name(Enum<?> value) {
            return value == null ? null : value.name().toLowerCase(Locale.ROOT);
        }

        public static <E extends Enum<E>> E parse(Class<E> type, String value) {
            if (value == null) {
                return null;
            }
            String wanted = value.strip().replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
            return null;
        }

        public static <E extends Enum<E>> List<String> values(Class<E> type) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(name(constant));
            }
            return names;
        }
    }
}
