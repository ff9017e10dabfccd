package vn.ndp.registry.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a table with a header row from UTF-8 CSV or XLSX. Every row keeps the
 * line (CSV) or sheet row (XLSX) number a person sees in their editor, so that
 * errors can point at it. Header names are case-insensitive.
 */
public final class Tabular {

    private Tabular() {
    }

    public record Table(List<String> header, List<TableRow> rows) {

        public boolean hasColumn(String name) {
            return header.contains(name);
        }
    }

    public record TableRow(int line, Map<String, String> cells) {

        /** The stripped cell, or null when the column is missing or the cell is blank. */
        public String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }
    }

    public static Table read(String fileName, byte[] content, IntConsumer progress) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return readXlsx(content, progress);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return readCsv(content, progress);
        }
        throw new RegistryException(ErrorCode.INVALID_BODY,
                "'" + fileName + "' is neither .csv (UTF-8) nor .xlsx; save the file in one of those formats.");
    }

    public static Table readCsv(byte[] content, IntConsumer progress) {
        try (Reader reader = utf8(content);
                CSVParser parser = CSVFormat.RFC4180.builder()
                        .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false)
                        .get().parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(Tabular::column).toList();
            List<TableRow> rows = new ArrayList<>();
            long endOfPrevious = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                // the line an editor shows (header = line 1), also for quoted cells spanning lines
                rows.add(new TableRow((int) endOfPrevious + 1, cells));
                endOfPrevious = parser.getCurrentLineNumber();
                progress.accept(rows.size());
            }
            return new Table(header, rows);
        } catch (CharacterCodingException e) {
            throw new RegistryException(ErrorCode.INVALID_BODY,
                    "The file is not UTF-8 text; save it as CSV UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)').");
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "The CSV cannot be read: " + e.getMessage());
        }
    }

    private static Reader utf8(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), decoder);
    }

    public static Table readXlsx(byte[] content, IntConsumer progress) {
        try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                return new Table(List.of(), List.of());
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                Cell cell = headerRow.getCell(c);
                header.add(cell == null ? "" : column(formatter.formatCellValue(cell)));
            }
            List<TableRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (int c = 0; c < header.size(); c++) {
                    String value = text(row.getCell(c), formatter);
                    blank &= value.isBlank();
                    cells.put(header.get(c), value);
                }
                if (!blank) {
                    rows.add(new TableRow(r + 1, cells));
                    progress.accept(rows.size());
                }
            }
            return new Table(header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegistryException registry) {
                throw registry;
            }
            throw new RegistryException(ErrorCode.INVALID_BODY, "The XLSX workbook cannot be read: " + e.getMessage());
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    private static String column(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
