package vn.ndp.registry.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files people download: UTF-8 with a byte-order mark (so that Excel reads Vietnamese), RFC 4180, and
 * no cell a spreadsheet would run as a formula. A value that begins with {@code =}, {@code @}, a tab or a carriage
 * return, or with {@code +} or {@code -} and is not a plain number or telephone number, is written with a leading
 * apostrophe ({@code '=HYPERLINK(…)}), as OWASP advises against CSV injection: an operator's contact or a proposed
 * name is typed by one person and opened by many. {@link Tabular} takes the apostrophe off again on import, so an
 * exported file reads back as it was.
 */
public final class CsvFiles {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** What a spreadsheet reads as a formula, or as the start of one. */
    private static final Pattern FORMULA = Pattern.compile("[=@\\t\\r].*|[+-](?![0-9 ().+-]*$).*", Pattern.DOTALL);

    private CsvFiles() {
    }

    /** Takes one row at a time. */
    @FunctionalInterface
    public interface Row {
        void accept(Iterable<?> values);
    }

    /** The file with {@code header} and the rows {@code rows} gives to the {@link Row} it is handed. */
    public static byte[] write(List<String> header, Consumer<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.accept(values -> {
                List<Object> cells = new ArrayList<>();
                values.forEach(value -> cells.add(value instanceof String text ? cell(text) : value));
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The value as written: with an apostrophe when a spreadsheet would take it for a formula. */
    public static String cell(String value) {
        return FORMULA.matcher(value).matches() ? "'" + value : value;
    }

    /** A value as read back: without the apostrophe {@link #cell} added. */
    public static String read(String value) {
        return value.startsWith("'") && FORMULA.matcher(value.substring(1)).matches() ? value.substring(1) : value;
    }
}
