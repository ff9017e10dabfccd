package vn.ndp.registry.catalog.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.NdxpStatus;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.catalog.Scope;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.Tabular.Table;
import vn.ndp.registry.shared.Tabular.TableRow;

/**
 * The platform file format, shared by the shipped reference list and
 * {@code ./ndp import platforms}: one row per platform, a header row, lower-case
 * wire values. Parsing never stops at the first problem: every bad cell is
 * reported with its line and column.
 */
public final class PlatformRows {

    public static final List<String> REQUIRED = List.of("code", "name_vi", "name_en", "owner_code", "category",
            "type", "scope", "status", "description_vi", "description_en", "operator", "legal_basis", "website");
    public static final List<String> OPTIONAL = List.of("operator_contact", "operator_phone", "operator_email",
            "developer", "legal_basis_date", "legal_basis_issuer", "security_level", "security_dossier_approved",
            "security_dossier_date", "data_in_vietnam", "ndxp_status", "tags", "listed_from", "source");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ().-]{6,20}");
    private static final int MAX_TEXT = 4000;

    private PlatformRows() {
    }

    /**
     * @param platforms the good rows, in file order
     * @param errors every bad cell, with its line and column
     * @param ignoredColumns header columns this format does not know (so a misspelt optional column is noticed)
     */
    public record Parsed(List<Platform> platforms, List<FieldError> errors, List<String> ignoredColumns) {
    }

    /**
     * @param ownerExists whether an agency code exists
     * @param sample whether the rows are sample (demo) data
     */
    public static Parsed parse(Table table, Predicate<String> ownerExists, String defaultSource, boolean sample) {
        List<FieldError> errors = new ArrayList<>();
        List<String> missing = REQUIRED.stream().filter(column -> !table.hasColumn(column)).toList();
        for (String column : missing) {
            errors.add(new FieldError(column, table.headerLine(), "the header row has no column '" + column
                    + "'; required columns are " + String.join(",", REQUIRED) + "."));
        }
        List<String> ignored = table.header().stream()
                .filter(c -> !c.isEmpty() && !REQUIRED.contains(c) && !OPTIONAL.contains(c)
                        && !PlatformExport.AS_OF_COLUMNS.contains(c))
                .toList();
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors, ignored);
        }
        List<Platform> platforms = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            Cells cells = new Cells(row, errors);
            Platform platform = cells.platform(ownerExists, defaultSource, sample);
            String code = platform != null ? platform.code() : cells.code;
            if (code != null) {
                Integer earlier = firstLine.putIfAbsent(code, row.line());
                if (earlier != null) {
                    errors.add(new FieldError("code", row.line(),
                            "'" + code + "' appears again; it is already on line " + earlier + "."));
                    continue;
                }
            }
            if (platform != null) {
                platforms.add(platform);
            }
        }
        errors.sort(Comparator.comparing(FieldError::line));
        return new Parsed(platforms, errors, ignored);
    }

    /** Reads one row's cells, recording a {@link FieldError} for each bad one. */
    private static final class Cells {

        private final TableRow row;
        private final List<FieldError> errors;
        private final int before;
        private String code;

        Cells(TableRow row, List<FieldError> errors) {
            this.row = row;
            this.errors = errors;
            this.before = errors.size();
        }

        Platform platform(Predicate<String> ownerExists, String defaultSource, boolean sample) {
            code = code();
            if (row.strayCells() > 0) {
                errors.add(new FieldError("", row.line(), "the row has " + row.strayCells()
                        + " cell(s) beyond the header's columns; a cell that holds a comma must be in double quotes."));
            }
            String nameVi = text("name_vi", true);
            String ownerCode = text("owner_code", true);
            if (ownerCode != null && !ownerExists.test(ownerCode)) {
                error("owner_code", "no agency has the code '" + ownerCode + "'; see /api/v1/agencies for codes.");
            }
            Category category = choice("category", Category.class, true);
            PlatformType type = choice("type", PlatformType.class, true);
            Set<Scope> scopes = scopes();
            LifecycleStatus status = choice("status", LifecycleStatus.class, true);
            Platform.Operator operator = new Platform.Operator(text("operator", false), text("operator_contact", false),
                    phone(), email());
            Platform.LegalBasis legalBasis = new Platform.LegalBasis(text("legal_basis", false),
                    date("legal_basis_date"), text("legal_basis_issuer", false));
            Platform.Security security = new Platform.Security(securityLevel(), bool("security_dossier_approved"),
                    date("security_dossier_date"));
            String website = website();
            Boolean dataInVietnam = bool("data_in_vietnam");
            NdxpStatus ndxp = choice("ndxp_status", NdxpStatus.class, false);
            List<String> tags = list("tags");
            LocalDate listedFrom = date("listed_from");
            String source = text("source", false);
            if (errors.size() > before) {
                return null;
            }
            return new Platform(code, nameVi, text("name_en", false), text("description_vi", false),
                    text("description_en", false), ownerCode, operator, text("developer", false), category, type,
                    scopes, status, legalBasis, website, security, dataInVietnam, ndxp, tags, listedFrom,
                    source == null ? defaultSource : source, sample, 0);
        }

        private String code() {
            String code = text("code", true);
            if (code != null && !CODE.matcher(code).matches()) {
                error("code", "'" + code + "' is not a platform code: use 1–64 upper-case letters, digits, "
                        + "'.', '_' or '-', starting with a letter or digit (e.g. NDXP, VNEID).");
                return null;
            }
            return code;
        }

        private String text(String column, boolean required) {
            String value = row.get(column);
            if (value == null) {
                if (required) {
                    error(column, "is empty; every row needs a " + column + ".");
                }
                return null;
            }
            if (value.length() > MAX_TEXT) {
                error(column, "is " + value.length() + " characters long; at most " + MAX_TEXT + " are allowed.");
                return null;
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                error(column, "contains control characters.");
                return null;
            }
            return value;
        }

        private <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
            String value = text(column, required);
            if (value == null) {
                return null;
            }
            E parsed = Wire.parse(type, value);
            if (parsed == null) {
                error(column, "'" + value + "' is not one of " + String.join("|", Wire.values(type)) + ".");
            }
            return parsed;
        }

        private Set<Scope> scopes() {
            String value = text("scope", true);
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            if (value == null) {
                return scopes;
            }
            for (String part : value.split("[;|]")) {
                if (part.isBlank()) {
                    continue;
                }
                Scope scope = Wire.parse(Scope.class, part);
                if (scope == null) {
                    error("scope", "'" + part.strip() + "' is not one of " + String.join("|", Wire.values(Scope.class))
                            + " (several may be separated by ';').");
                } else {
                    scopes.add(scope);
                }
            }
            return scopes;
        }

        private LocalDate date(String column) {
            String value = text(column, false);
            if (value == null) {
                return null;
            }
            try {
                return CalendarDates.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "'" + value + "' is not a date; " + CalendarDates.EXPECTED + ".");
                return null;
            }
        }

        private Boolean bool(String column) {
            String value = text(column, false);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "có", "co", "1" -> Boolean.TRUE;
                case "false", "no", "không", "khong", "0" -> Boolean.FALSE;
                default -> {
                    error(column, "'" + value + "' is neither true nor false.");
                    yield null;
                }
            };
        }

        private Integer securityLevel() {
            String value = text("security_level", false);
            if (value == null) {
                return null;
            }
            try {
                int level = Integer.parseInt(value);
                if (level >= 1 && level <= 5) {
                    return level;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            error("security_level", "'" + value + "' is not a security level 1–5 (Decree 85/2016/NĐ-CP).");
            return null;
        }

        private String website() {
            String value = text("website", false);
            if (value != null && !value.matches("(?i)https?://[^\\s<>\"]+")) {
                error("website", "'" + value + "' is not an http(s) address.");
                return null;
            }
            return value;
        }

        private String email() {
            String value = text("operator_email", false);
            if (value != null && !EMAIL.matcher(value).matches()) {
                error("operator_email", "'" + value + "' is not an e-mail address.");
                return null;
            }
            return value;
        }

        private String phone() {
            String value = text("operator_phone", false);
            if (value != null && !PHONE.matcher(value).matches()) {
                error("operator_phone", "'" + value + "' is not a phone number.");
                return null;
            }
            return value;
        }

        private List<String> list(String column) {
            String value = text(column, false);
            if (value == null) {
                return List.of();
            }
            Set<String> items = new LinkedHashSet<>();
            for (String part : value.split(";")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
            return List.copyOf(items);
        }

        private void error(String column, String message) {
            errors.add(new FieldError(column, row.line(), message));
        }
    }
}
