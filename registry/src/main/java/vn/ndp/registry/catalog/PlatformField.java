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
import vn.ndp.registry.shared.WebAddress;

/**
 * The fields of a catalogue entry that people edit, each with one text form
 * (the wire, form and history representation): enums by their lower-case wire
 * name, dates as yyyy-MM-dd, sets and lists separated by {@code ;}, empty as
 * null. Proposals, change requests and the platform history all speak in these.
 */
public enum PlatformField {
    NAME_VI(500), NAME_EN(500), DESCRIPTION_VI(5000), DESCRIPTION_EN(5000), OWNER(40), OPERATOR_NAME(500),
    OPERATOR_CONTACT(500), OPERATOR_PHONE(50), OPERATOR_EMAIL(254), DEVELOPER(500), CATEGORY(20), TYPE(30),
    SCOPES(60), STATUS(20), LEGAL_BASIS_NUMBER(200), LEGAL_BASIS_DATE(10), LEGAL_BASIS_ISSUER(500), WEBSITE(500),
    SECURITY_LEVEL(1), SECURITY_DOSSIER_APPROVED(5), SECURITY_DOSSIER_DATE(10), DATA_IN_VIETNAM(5),
    NDXP_STATUS(20), TAGS(500);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()./ -]{3,50}$");
    private static final List<PlatformField> IN_ORDER = List.of(values());

    private final int maxLength;

    PlatformField(int maxLength) {
        this.maxLength = maxLength;
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
        InvalidParameters invalid = new InvalidParameters();
        Map<PlatformField, String> v = new EnumMap<>(PlatformField.class);
        v.putAll(valuesOf(base));
        changes.forEach((field, value) -> {
            String clean = normalise(value);
            if (clean != null && clean.length() > field.maxLength) {
                invalid.reject(field.wireName(), "must be at most " + field.maxLength + " characters, was "
                        + clean.length() + ".");
            }
            if (clean == null) {
                v.remove(field);
            } else {
                v.put(field, clean);
            }
        });
        String owner = v.get(OWNER);
        if (v.get(NAME_VI) == null) {
            invalid.reject(NAME_VI.wireName(), "is required.");
        }
        if (owner == null) {
            invalid.reject(OWNER.wireName(), "is required.");
        } else if (!agencyExists.test(owner)) {
            invalid.reject(OWNER.wireName(), "'" + owner + "' is not a known agency code.");
        }
        Category category = required(invalid, v, CATEGORY, Category.class);
        PlatformType type = required(invalid, v, TYPE, PlatformType.class);
        LifecycleStatus status = required(invalid, v, STATUS, LifecycleStatus.class);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : split(v.get(SCOPES))) {
            Scope scope = invalid.choice(SCOPES.wireName(), s, Scope.class);
            if (scope != null) {
                scopes.add(scope);
            }
        }
        LocalDate legalDate = invalid.date(LEGAL_BASIS_DATE.wireName(), v.get(LEGAL_BASIS_DATE));
        LocalDate dossierDate = invalid.date(SECURITY_DOSSIER_DATE.wireName(), v.get(SECURITY_DOSSIER_DATE));
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
            invalid.reject(OPERATOR_PHONE.wireName(), "'" + phone + "' is not a telephone number.");
        }
        String website = v.get(WEBSITE);
        if (website != null && !WebAddress.isWebAddress(website)) {
            invalid.reject(WEBSITE.wireName(), "'" + website + "' is not an http(s) address.");
        }
        invalid.throwIfAny();
        return new Platform(base.code(), v.get(NAME_VI), v.get(NAME_EN), v.get(DESCRIPTION_VI), v.get(DESCRIPTION_EN),
                owner, new Platform.Operator(v.get(OPERATOR_NAME), v.get(OPERATOR_CONTACT), phone, email),
                v.get(DEVELOPER), category, type, scopes, status,
                new Platform.LegalBasis(v.get(LEGAL_BASIS_NUMBER), legalDate, v.get(LEGAL_BASIS_ISSUER)), website,
                new Platform.Security(level, dossierApproved, dossierDate), dataInVietnam, ndxp,
                split(v.get(TAGS)), base.listedFrom(), base.source(), base.sample(), base.version());
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
            PlatformField field, Class<E> type) {
        if (v.get(field) == null) {
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
            case "true", "yes", "có" -> true;
            case "false", "no", "không" -> false;
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
