package vn.ndp.registry.governance.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.util.MultiValueMap;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.NdxpStatus;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.catalog.Scope;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.web.RevisionValues;

/**
 * A field of the proposal or change form with its current value and the control a person fills it with: a
 * coded field is chosen from its labelled values (one, or several for the scopes), a yes/no field from Có/Không,
 * a date is typed as dd/MM/yyyy, a level from 1–5; a person never types a wire value. The form posts wire values, as
 * the API does, so both are read by the same rules ({@link #read}).
 */
public record FormField(String name, String value, Kind kind, List<Option> options) {

    public enum Kind { TEXT, LONG_TEXT, CHOICE, CHOICES, DATE, EMAIL, TEL, URL }

    /**
     * A value to choose, shown by the message key {@code label}, or else by {@code text} (a name from the data, in
     * the reader's language), or else as itself.
     */
    public record Option(String value, String label, String text) {

        static Option labelled(String value, String label) {
            return new Option(value, label, null);
        }

        static Option named(String value, String text) {
            return new Option(value, null, text);
        }
    }

    /** The name of the hidden input that says the scopes' checkboxes were on the form, all of them left empty too. */
    static final String SHOWN = "_shown_";

    private static final Set<PlatformField> DATES = EnumSet.of(PlatformField.LEGAL_BASIS_DATE,
            PlatformField.SECURITY_DOSSIER_DATE);

    static FormField of(PlatformField field, String value) {
        if (DATES.contains(field)) {
            return new FormField(field, value, Kind.DATE, List.of());
        }
        return switch (field) {
            case DESCRIPTION_VI, DESCRIPTION_EN -> new FormField(field, value, Kind.LONG_TEXT, List.of());
            case CATEGORY -> new FormField(field, value, Kind.CHOICE, options(field, Category.class));
            case TYPE -> new FormField(field, value, Kind.CHOICE, options(field, PlatformType.class));
            case STATUS -> new FormField(field, value, Kind.CHOICE, options(field, LifecycleStatus.class));
            case NDXP_STATUS -> new FormField(field, value, Kind.CHOICE, options(field, NdxpStatus.class));
            case SCOPES -> new FormField(field, value, Kind.CHOICES, options(field, Scope.class));
            case SECURITY_LEVEL -> new FormField(field, value, Kind.CHOICE,
                    IntStream.rangeClosed(1, 5).mapToObj(level -> Option.named(String.valueOf(level), null)).toList());
            case SECURITY_DOSSIER_APPROVED, DATA_IN_VIETNAM -> new FormField(field, value, Kind.CHOICE,
                    options(field, List.of("true", "false")));
            case OPERATOR_EMAIL -> new FormField(field, value, Kind.EMAIL, List.of());
            case OPERATOR_PHONE -> new FormField(field, value, Kind.TEL, List.of());
            case WEBSITE -> new FormField(field, value, Kind.URL, List.of());
            default -> new FormField(field, value, Kind.TEXT, List.of());
        };
    }

    /** A field chosen from options the caller knows (the agencies that may own a platform, say). */
    static FormField choice(PlatformField field, String value, List<Option> options) {
        return new FormField(field, value, Kind.CHOICE, options);
    }

    private FormField(PlatformField field, String value, Kind kind, List<Option> options) {
        this(field.wireName(), value, kind, options);
    }

    /** Whether {@code option} is (one of) the current value(s): what a select or checkbox shows as chosen. */
    public boolean chosen(String option) {
        if (value == null) {
            return false;
        }
        return kind == Kind.CHOICES ? Arrays.stream(value.split(";")).map(String::strip).anyMatch(option::equals)
                : value.strip().equals(option);
    }

    /**
     * The value the form posted for {@code field}, or {@code null} when the form did not have it: the scopes' checked
     * boxes joined by {@code ;} (none checked: empty), a date typed as dd/MM/yyyy in ISO form as the API takes it, any
     * other field's one value.
     */
    static String read(PlatformField field, MultiValueMap<String, String> form) {
        List<String> values = form.get(field.wireName());
        if (field == PlatformField.SCOPES && (values != null || form.containsKey(SHOWN + field.wireName()))) {
            return values == null ? "" : String.join(";", values.stream().filter(v -> !v.isBlank()).toList());
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        return DATES.contains(field) ? CalendarDates.iso(values.getFirst()) : values.getFirst();
    }

    /** Every value of {@code type}. */
    private static <E extends Enum<E>> List<Option> options(PlatformField field, Class<E> type) {
        return options(field, Wire.values(type));
    }

    /** These values of a coded field, labelled as the history panels label them ({@link RevisionValues}). */
    private static List<Option> options(PlatformField field, List<String> values) {
        return values.stream().map(v -> Option.labelled(v, RevisionValues.labelKey("field.", field.wireName(), v)))
                .toList();
    }
}
