package vn.ndp.registry.lists.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ndp.registry.lists.ListEntry;
import vn.ndp.registry.lists.ListField;
import vn.ndp.registry.lists.ListVersion;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.CsvFiles;
import vn.ndp.registry.shared.VietnamTime;

/**
 * A list version as CSV (UTF-8 with BOM, header of {@link ListField} keys, one
 * row per platform in list order) and as an XLSX workbook (the same table with
 * Vietnamese headers on the first sheet, the document on the second).
 */
final class ListFiles {

    static final String POSITION = "position";

    private ListFiles() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(POSITION);
        header.addAll(ListField.keys());
        return header;
    }

    static byte[] csv(List<ListEntry> entries) {
        return CsvFiles.write(header(), rows -> {
            for (ListEntry entry : entries) {
                rows.accept(row(entry));
            }
        });
    }

    static byte[] xlsx(ListVersion version, List<ListEntry> entries) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet sheet = workbook.createSheet("Danh sách nền tảng");
            Row labels = sheet.createRow(0);
            labels.createCell(0).setCellValue("STT");
            ListField[] fields = ListField.values();
            for (int c = 0; c < fields.length; c++) {
                labels.createCell(c + 1).setCellValue(fields[c].labelVi());
            }
            Row keys = sheet.createRow(1);
            List<String> header = header();
            for (int c = 0; c < header.size(); c++) {
                keys.createCell(c).setCellValue(header.get(c));
                labels.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (ListEntry entry : entries) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(entry.position());
                for (int c = 0; c < fields.length; c++) {
                    String value = entry.get(fields[c]);
                    if (value != null) {
                        row.createCell(c + 1).setCellValue(value);
                    }
                }
            }
            sheet.createFreezePane(0, 2);

            Sheet document = workbook.createSheet("Văn bản");
            String[][] facts = {
                {"Tiêu đề", version.title()},
                {"Số văn bản", version.documentNumber()},
                {"Ngày văn bản", CalendarDates.vietnamese(version.documentDate())},
                {"Cơ quan ban hành", version.issuer()},
                {"Ghi chú", version.note() == null ? "" : version.note()},
                {"Số nền tảng", String.valueOf(entries.size())},
                {"Công bố trên NDP lúc", VietnamTime.moment(version.publishedAt())},
                {"Người công bố", version.publishedBy()},
                {"Mã phiên bản", version.id().toString()}};
            for (int i = 0; i < facts.length; i++) {
                Row row = document.createRow(i);
                row.createCell(0).setCellValue(facts[i][0]);
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(facts[i][1]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(ListEntry entry) {
        List<String> row = new ArrayList<>();
        row.add(String.valueOf(entry.position()));
        for (ListField field : ListField.values()) {
            String value = entry.get(field);
            row.add(value == null ? "" : value);
        }
        return row;
    }
}
