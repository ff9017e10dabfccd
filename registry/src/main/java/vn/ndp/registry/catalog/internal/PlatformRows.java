package vn.ndp.registry.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.InvalidParameters;
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

    private static final int MAX_SOURCE = 4000;

    private PlatformRows() {
    }

    /**
     * @param platforms the good rows, in file order
     * @param lines the line of each good row, in the same order
     * @param errors every bad cell, with its line and column
     * @param ignoredColumns header columns this format does not know (so a misspelt optional column is noticed)
     */
    public record Parsed(List<Platform> platforms, List<Integer> lines, List<FieldError> errors,
            List<String> ignoredColumns) {
    }

    /**
     * @param ownerExists whether an agency code exists
     * @param sample whether the rows are sample (demo) data
     * @param today the day the rows are read: no document of theirs is signed after it
     */
    public static Parsed parse(Table table, Predicate<String> ownerExists, String defaultSource, boolean sample,
            LocalDate today) {
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
            return new Parsed(List.of(), List.of(), errors, ignored);
        }
        List<Platform> platforms = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            Cells cells = new Cells(row, errors);
            Platform platform = cells.platform(ownerExists, defaultSource, sample, today);
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
                lines.add(row.line());
            }
        }
        errors.sort(Comparator.comparing(FieldError::line));
        return new Parsed(platforms, lines, errors, ignored);
    }

    /**
     * Reads one row's cells, recording a {@link FieldError} for each bad one. The values are checked by the
     * catalogue's own rules ({@link PlatformField#read}), as the API checks them; only what a file has and the API
     * has not (the code's column, a scope required on every row, the listing date, the source) is checked here.
     */
    private static final class Cells {

        private final TableRow row;
        private final List<FieldError> errors;
        private String code;

        Cells(TableRow row, List<FieldError> errors) {
            this.row = row;
            this.errors = errors;
        }

        Platform platform(Predicate<String> ownerExists, String defaultSource, boolean sample, LocalDate today) {
            InvalidParameters invalid = new InvalidParameters();
            if (row.get("code") == null) {
                invalid.reject("code", "is empty; every row needs a code.");
            } else {
                code = PlatformField.code("code", row.get("code"), invalid);
            }
            if (row.strayCells() > 0) {
                invalid.reject("", "the row has " + row.strayCells() + " cell(s) beyond the header's columns; a"
                        + " cell that holds a comma must be in double quotes.");
            }
            Map<PlatformField, String> values = new EnumMap<>(PlatformField.class);
            for (PlatformField field : PlatformField.values()) {
                values.put(field, row.get(field.column()));
            }
            String scope = values.get(PlatformField.SCOPES);
            if (scope == null) {
                invalid.reject(PlatformField.SCOPES.wireName(), "is empty; every row needs a scope.");
            } else {
                // a file may separate scopes by '|' too, as the values are listed; the API's lists use ';' only
                values.put(PlatformField.SCOPES, scope.replace('|', ';'));
            }
            LocalDate listedFrom = PlatformField.date(invalid, "listed_from", row.get("listed_from"));
            String source = invalid.text("source", row.get("source"), MAX_SOURCE);
            Platform base = new Platform(code, null, null, null, null, null, null, null, null, null, Set.of(), null,
                    null, null, null, null, null, List.of(), listedFrom, source == null ? defaultSource : source,
                    sample, 0, null);
            Platform platform = PlatformField.read(base, values, ownerExists, invalid);
            if (platform != null && platform.security() != null) {
                PlatformField.notAfterToday(invalid, PlatformField.SECURITY_DOSSIER_DATE,
                        platform.security().dossierDate(), today);
            }
            for (FieldError error : invalid.errors()) {
                PlatformField field = PlatformField.fromWire(error.field());
                errors.add(new FieldError(field == null ? error.field() : field.column(), row.line(),
                        error.message()));
            }
            return invalid.any() ? null : platform;
        }
    }
}
