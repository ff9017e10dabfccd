package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException.Said;
import vn.ndp.registry.shared.WebAddress;

/**
 * The fields of a catalogue entry that people edit, each with one text form
 * (the wire, form and history representation): enums by their lower-case wire
 * name, dates as yyyy-MM-dd, sets and lists separated by {@code ;}, empty as
 * null. Proposals, change requests and the platform history all speak in these.
 */
public enum PlatformField {
    NAME_VI(500, "name_vi"), NAME_EN(500, "name_en"), DESCRIPTION_VI(5000, "description_vi"),
    DESCRIPTION_EN(5000, "description_en"), OWNER(40, "owner_code"), OPERATOR_NAME(500, "operator"),
    OPERATOR_CONTACT(500, "operator_contact"), OPERATOR_PHONE(50, "operator_phone"),
    OPERATOR_EMAIL(254, "operator_email"), DEVELOPER(500, "developer"), CATEGORY(20, "category"), TYPE(30, "type"),
    SCOPES(60, "scope"), STATUS(20, "status"), LEGAL_BASIS_NUMBER(200, "legal_basis"),
    LEGAL_BASIS_DATE(10, "legal_basis_date"), LEGAL_BASIS_ISSUER(500, "legal_basis_issuer"), WEBSITE(500, "website"),
    SECURITY_LEVEL(1, "security_level"), SECURITY_DOSSIER_APPROVED(5, "security_dossier_approved"),
    SECURITY_DOSSIER_DATE(10, "security_dossier_date"), DATA_IN_VIETNAM(5, "data_in_vietnam"),
    NDXP_STATUS(20, "ndxp_status"), TAGS(500, "tags");

    /**
     * A platform's code: 2 to 40 capital letters, digits, '.', '_' or '-', starting with a letter or digit, as
     * {@link #code} reads it from what was typed or written in a file.
     */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{1,39}");
    /** The span a catalogue date may fall in: earlier or later is a mistyped year (0202, 20255), not a document's. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()./ -]{3,50}$");
    private static final List<PlatformField> IN_ORDER = List.of(values());

    private final int maxLength;
    private final String column;

    PlatformField(int maxLength, String column) {
        this.maxLength = maxLength;
        this.column = column;
    }

    /** The field's column in a platform file ({@code ./ndp import platforms}, the CSV export): {@code owner_code}. */
    public String column() {
        return column;
    }

    /** The name in forms, JSON and history: {@code security_level}. */
    public String wireName() {
        return Wire.name(this);
    }

    public static PlatformField fromWire(String name) {
        return Wire.parse(PlatformField.class, name);
    }

    /** The field's value on a platform, in its text form (null when empty). */
    public String of(Platform p) {
        return switch (this) {
            case NAME_VI -> p.nameVi();
            case NAME_EN -> p.nameEn();
            case DESCRIPTION_VI -> p.descriptionVi();
            case DESCRIPTION_EN -> p.descriptionEn();
            case OWNER -> p.ownerCode();
            case OPERATOR_NAME -> p.operator().name();
            case OPERATOR_CONTACT -> p.operator().contact();
            case OPERATOR_PHONE -> p.operator().phone();
            case OPERATOR_EMAIL -> p.operator().email();
            case DEVELOPER -> p.developer();
            case CATEGORY -> Wire.name(p.category());
            case TYPE -> Wire.name(p.type());
            case SCOPES -> emptyToNull(p.scopes().stream().sorted().map(Wire::name).collect(Collectors.joining(";")));
            case STATUS -> Wire.name(p.status());
            case LEGAL_BASIS_NUMBER -> p.legalBasis().number();
            case LEGAL_BASIS_DATE -> text(p.legalBasis().date());
            case LEGAL_BASIS_ISSUER -> p.legalBasis().issuer();
            case WEBSITE -> p.website();
            case SECURITY_LEVEL -> text(p.security().level());
            case SECURITY_DOSSIER_APPROVED -> text(p.security().dossierApproved());
            case SECURITY_DOSSIER_DATE -> text(p.security().dossierDate());
            case DATA_IN_VIETNAM -> text(p.dataInVietnam());
            case NDXP_STATUS -> p.ndxpStatus() == NdxpStatus.UNKNOWN ? null : Wire.name(p.ndxpStatus());
            case TAGS -> emptyToNull(String.join(";", p.tags()));
        };
    }

    /** Every field of the platform in text form, in declaration order (null values left out). */
    public static Map<PlatformField, String> valuesOf(Platform platform) {
        Map<PlatformField, String> values = new EnumMap<>(PlatformField.class);
        for (PlatformField field : values()) {
            String value = field.of(platform);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    /**
     * The platform with the given fields replaced (a null or blank value clears
     * the field). Every invalid value is reported at once, by its wire name.
     */
    public static Platform apply(Platform base, Map<PlatformField, String> changes, Predicate<String> agencyExists) {
        Map<PlatformField, String> v = new EnumMap<>(PlatformField.class);
        v.putAll(valuesOf(base));
        changes.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                v.remove(field);
            } else {
                v.put(field, value);
            }
        });
        InvalidParameters invalid = new InvalidParameters();
        Platform platform = read(base, v, agencyExists, invalid);
        invalid.throwIfAny();
        return platform;
    }

    /**
     * The platform {@code base} (its code, listing date, source and version) with {@code values} as its fields,
     * those not given empty; null when a value is invalid, each reported to {@code invalid} by its wire name. The
     * one statement of what a catalogue entry's values may be, for the API, the pages and platform files alike.
     */
    public static Platform read(Platform base, Map<PlatformField, String> values, Predicate<String> agencyExists,
            InvalidParameters invalid) {
        int before = invalid.errors().size();
        Map<PlatformField, String> v = new EnumMap<>(PlatformField.class);
        Set<PlatformField> refused = EnumSet.noneOf(PlatformField.class);
        values.forEach((field, value) -> {
            String clean = normalise(value);
            if (clean == null) {
                return;
            }
            if (clean.length() > field.maxLength) {
                invalid.reject(field.wireName(), "must be at most " + field.maxLength + " characters, was "
                        + clean.length() + ".", Said.of("param.invalid.length", field.maxLength));
                refused.add(field);
            } else if (clean.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f)) {
                invalid.reject(field.wireName(), "contains control characters; leave them out.",
                        Said.of("param.invalid.control"));
                refused.add(field);
            } else {
                v.put(field, clean);
            }
        });
        String owner = v.get(OWNER);
        if (v.get(NAME_VI) == null && !refused.contains(NAME_VI)) {
            invalid.reject(NAME_VI.wireName(), "is required.");
        }
        if (owner == null) {
            if (!refused.contains(OWNER)) {
                invalid.reject(OWNER.wireName(), "is required.");
            }
        } else if (!agencyExists.test(owner)) {
            invalid.reject(OWNER.wireName(), "no agency has the code '" + owner + "'; see /api/v1/agencies for codes.");
        }
        Category category = required(invalid, v, refused, CATEGORY, Category.class);
        PlatformType type = required(invalid, v, refused, TYPE, PlatformType.class);
        LifecycleStatus status = required(invalid, v, refused, STATUS, LifecycleStatus.class);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : split(v.get(SCOPES))) {
            Scope scope = invalid.choice(SCOPES.wireName(), s, Scope.class);
            if (scope != null) {
                scopes.add(scope);
            }
        }
        LocalDate legalDate = date(invalid, LEGAL_BASIS_DATE.wireName(), v.get(LEGAL_BASIS_DATE));
        LocalDate dossierDate = date(invalid, SECURITY_DOSSIER_DATE.wireName(), v.get(SECURITY_DOSSIER_DATE));
        Integer level = v.get(SECURITY_LEVEL) == null ? null
                : invalid.integer(SECURITY_LEVEL.wireName(), v.get(SECURITY_LEVEL), 0, 1, 5);
        Boolean dossierApproved = bool(invalid, SECURITY_DOSSIER_APPROVED, v.get(SECURITY_DOSSIER_APPROVED));
        Boolean dataInVietnam = bool(invalid, DATA_IN_VIETNAM, v.get(DATA_IN_VIETNAM));
        NdxpStatus ndxp = v.get(NDXP_STATUS) == null ? NdxpStatus.UNKNOWN
                : invalid.choice(NDXP_STATUS.wireName(), v.get(NDXP_STATUS), NdxpStatus.class);
        String email = v.get(OPERATOR_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            invalid.reject(OPERATOR_EMAIL.wireName(), "'" + email + "' is not an e-mail address.");
        }
        String phone = v.get(OPERATOR_PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            invalid.reject(OPERATOR_PHONE.wireName(), "'" + phone + "' is not a telephone number: 3 to 50 digits,"
                    + " spaces and + ( ) . / -.");
        }
        String website = v.get(WEBSITE);
        if (website != null && !WebAddress.isWebAddress(website)) {
            invalid.reject(WEBSITE.wireName(), "'" + website + "' is not an http(s) address.");
        }
        if (invalid.errors().size() > before) {
            return null;
        }
        return new Platform(base.code(), v.get(NAME_VI), v.get(NAME_EN), v.get(DESCRIPTION_VI), v.get(DESCRIPTION_EN),
                owner, new Platform.Operator(v.get(OPERATOR_NAME), v.get(OPERATOR_CONTACT), phone, email),
                v.get(DEVELOPER), category, type, scopes, status,
                new Platform.LegalBasis(v.get(LEGAL_BASIS_NUMBER), legalDate, v.get(LEGAL_BASIS_ISSUER)), website,
                new Platform.Security(level, dossierApproved, dossierDate), dataInVietnam, ndxp,
                split(v.get(TAGS)), base.listedFrom(), base.source(), base.sample(), base.version(), base.past());
    }

    /**
     * A platform's code as typed or written ({@code vneid} is VNEID), null when it is none, with the refusal
     * reported to {@code invalid} as {@code field}; a blank code is left to the caller, whose words for a missing
     * one differ (a file's row, a proposal).
     */
    public static String code(String field, String typed, InvalidParameters invalid) {
        String code = InvalidParameters.code(typed);
        if (code != null && !CODE.matcher(code).matches()) {
            invalid.reject(field, "'" + typed.strip() + "' is not a platform code: 2 to 40 capital letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit (e.g. NEN-TANG-HOC-LIEU).",
                    Said.of("param.invalid.platform-code"));
            return null;
        }
        return code;
    }

    /** A catalogue date: dd/MM/yyyy or ISO, within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */

    /**
     * Refuses the {@code date} of a signed document (a security dossier's approval) after {@code today}: the day the
     * document was signed has come. Every path that takes such a date asks it: the import, change requests,
     * recognition.
     */
    public static void notAfterToday(InvalidParameters invalid, PlatformField field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            invalid.reject(field.wireName(), "must not be after today (" + today + "): the day the document was"
                    + " signed.");
        }
    }
    public static LocalDate date(InvalidParameters invalid, String field, String value) {
        LocalDate date = invalid.date(field, value);
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            invalid.reject(field, "'" + value.strip() + "' is not a date of this catalogue: the year must be "
                    + EARLIEST_DATE.getYear() + " to " + LATEST_DATE.getYear() + ".",
                    Said.of("param.invalid.year", EARLIEST_DATE.getYear(), LATEST_DATE.getYear()));
            return null;
        }
        return date;
    }

    /**
     * The fields whose text differs between two versions of an entry, in declaration order, as they were and are;
     * every field a new entry has when {@code before} is null.
     */
    public static List<FieldChange<PlatformField>> changes(Platform before, Platform after) {
        return FieldChange.between(IN_ORDER, before, after, PlatformField::of);
    }

    /** Trims, and turns blank into null; keeps the text as typed otherwise (it is stored as text, never markup). */
    public static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E required(InvalidParameters invalid, Map<PlatformField, String> v,
            Set<PlatformField> refused, PlatformField field, Class<E> type) {
        if (v.get(field) == null) {
            if (refused.contains(field)) {
                return null;
            }
            invalid.reject(field.wireName(), "is required: one of " + Wire.values(type) + ".");
            return null;
        }
        return invalid.choice(field.wireName(), v.get(field), type);
    }

    private static Boolean bool(InvalidParameters invalid, PlatformField field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "có", "co", "1" -> true;
            case "false", "no", "không", "khong", "0" -> false;
            default -> {
                invalid.reject(field.wireName(), "'" + value + "' is not true or false.");
                yield null;
            }
        };
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
