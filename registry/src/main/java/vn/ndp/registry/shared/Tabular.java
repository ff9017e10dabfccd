package vn.ndp.registry.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a table with a header row from UTF-8 CSV or XLSX. Every row keeps the
 * line (CSV) or sheet row (XLSX) number a person sees in their editor, also
 * after quoted cells that span lines, so that errors can point at it. Header
 * names are case-insensitive; blank rows are skipped. A file that cannot be
 * read as a table is an {@link ErrorCode#INVALID_BODY} saying what to do.
 */
public final class Tabular {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private Tabular() {
    }

    /**
     * @param header column names, lower case, in file order
     * @param headerLine the line (or sheet row) of the header, 1-based
     */
    public record Table(List<String> header, List<TableRow> rows, int headerLine) {

        public Table(List<String> header, List<TableRow> rows) {
            this(header, rows, 1);
        }

        public boolean hasColumn(String name) {
            return header.contains(name);
        }
    }

    /**
     * One data row.
     *
     * @param line the line (CSV; of the row's first character) or sheet row (XLSX), 1-based
     * @param cells cell text by column name
     * @param strayCells how many non-blank cells have no column in the header (usually an unquoted comma)
     */
    public record TableRow(int line, Map<String, String> cells, int strayCells) {

        public TableRow(int line, Map<String, String> cells) {
            this(line, cells, 0);
        }

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

    /** Reads CSV or XLSX, told apart by content first (a workbook is a ZIP file), then by the file name. */
    public static Table read(String fileName, byte[] content, IntConsumer progress) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, ZIP)) {
            return readXlsx(content, progress);
        }
        if (startsWith(content, OLE2)) {
            throw invalid("'" + fileName + "' is an Excel 97–2003 workbook (.xls); open it in Excel and save it as "
                    + "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (Comma delimited)'.");
        }
        if (lower.endsWith(".xlsx")) {
            throw invalid("'" + fileName + "' is not an XLSX workbook (it is not a ZIP file); save it again as "
                    + "'Excel Workbook (.xlsx)'.");
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return readCsv(content, progress);
        }
        throw invalid("'" + fileName + "' is neither .csv (UTF-8) nor .xlsx; save the file in one of those formats.");
    }

    public static Table readCsv(byte[] content, IntConsumer progress) {
        String text = utf8(content);
        Lines lines = new Lines(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> header = null;
            int headerLine = 1;
            List<TableRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = lines.lineAt(record.getCharacterPosition());
                if (header == null) {
                    header = header(record.values(), line);
                    headerLine = line;
                    continue;
                }
                TableRow row = row(header, record.values(), line);
                if (row != null) {
                    rows.add(row);
                    progress.accept(rows.size());
                }
            }
            return new Table(header == null ? List.of() : header, rows, headerLine);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid("The CSV cannot be read: " + e.getMessage() + ". A cell that holds a comma, a line break or "
                    + "a double quote must be in double quotes, with each double quote in it written twice (\"\").");
        }
    }

    public static Table readXlsx(byte[] content, IntConsumer progress) {
        try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            int headerLine = 1;
            List<TableRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getLastCellNum() <= 0) {
                    continue;
                }
                String[] values = new String[row.getLastCellNum()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = text(row.getCell(c), formatter);
                }
                if (header == null) {
                    if (isBlank(values)) {
                        continue;
                    }
                    header = header(values, r + 1);
                    headerLine = r + 1;
                    continue;
                }
                TableRow tableRow = row(header, values, r + 1);
                if (tableRow != null) {
                    rows.add(tableRow);
                    progress.accept(rows.size());
                }
            }
            return new Table(header == null ? List.of() : header, rows, headerLine);
        } catch (RegistryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid("The XLSX workbook cannot be read (" + e.getMessage() + "); open it in Excel and save it "
                    + "again as 'Excel Workbook (.xlsx)'.");
        }
    }

    /** Lower-cased, stripped names; a name that appears twice makes the file unreadable. */
    private static List<String> header(String[] names, int line) {
        List<String> header = new ArrayList<>(names.length);
        Map<String, List<Integer>> positions = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            header.add(name);
            if (!name.isEmpty()) {
                positions.computeIfAbsent(name, k -> new ArrayList<>()).add(i + 1);
            }
        }
        List<String> duplicates = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) {
                duplicates.add("'" + name + "' (columns " + at.stream().map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElse("") + ")");
            }
        });
        if (!duplicates.isEmpty()) {
            throw invalid("The header row (line " + line + ") names a column more than once: "
                    + String.join("; ", duplicates) + ". Keep one column of each name.");
        }
        return List.copyOf(header);
    }

    /** The row's cells by column, or null for a blank row. */
    private static TableRow row(List<String> header, String[] values, int line) {
        if (isBlank(values)) {
            return null;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        int stray = 0;
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : CsvFiles.read(values[i]);
            String column = i < header.size() ? header.get(i) : "";
            if (!column.isEmpty()) {
                cells.put(column, value);
            } else if (!value.isBlank()) {
                stray++;
            }
        }
        return new TableRow(line, cells, stray);
    }

    private static boolean isBlank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Decodes strict UTF-8 (a leading BOM is dropped) or says where the first non-UTF-8 byte is. */
    private static String utf8(byte[] content) {
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
                || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
            throw invalid("The file is UTF-16 text (Excel's 'Unicode Text'); save it as 'CSV UTF-8 (Comma delimited)'.");
        }
        int offset = startsWith(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = offset; i < at; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw invalid(String.format(Locale.ROOT, "The file is not UTF-8 text: line %d has the byte 0x%02X, which "
                    + "UTF-8 does not allow (the file was probably saved as Windows-1258 or another legacy code page). "
                    + "Save it as 'CSV UTF-8 (Comma delimited)' in Excel or LibreOffice, or convert it, e.g. "
                    + "'iconv -f WINDOWS-1258 -t UTF-8'.", line, content[at] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** ',' unless the first line has no comma but has semicolons (CSV saved under some regional settings). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Maps a character position to its 1-based line, skipping the empty lines the parser ignores. */
    private static final class Lines {

        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        /** Positions must not decrease between calls. */
        int lineAt(long characterPosition) {
            int target = (int) characterPosition;
            while (target < text.length() && (text.charAt(target) == '\n' || text.charAt(target) == '\r')) {
                target++;
            }
            for (; position < target; position++) {
                char c = text.charAt(position);
                if (c == '\n' || c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }

    /** A cell as the person sees it: dates as yyyy-MM-dd, whole numbers without separators, formulas by value. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double value = cell.getNumericCellValue();
                if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    yield Long.toString((long) value);
                }
                yield cell.getCellType() == CellType.FORMULA ? Double.toString(value) : formatter.formatCellValue(cell);
            }
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static RegistryException invalid(String detail) {
        return new RegistryException(ErrorCode.INVALID_BODY, detail);
    }
}
