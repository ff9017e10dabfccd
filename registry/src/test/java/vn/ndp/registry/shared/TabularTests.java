package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.shared.Tabular.Table;
import vn.ndp.registry.shared.Tabular.TableRow;

class TabularTests {

    private static Table csv(String text) {
        return Tabular.read("platforms.csv", text.getBytes(StandardCharsets.UTF_8), n -> { });
    }

    @Test
    void headerNamesAreCaseInsensitiveAndCellsAreStripped() {
        Table table = csv("Code, Name_VI \nNDXP,  Nền tảng NDXP  \n");

        assertThat(table.header()).containsExactly("code", "name_vi");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.get("name_vi")).isEqualTo("Nền tảng NDXP");
            assertThat(row.get("missing")).isNull();
        });
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "code,name_vi\nVNEID,Định danh\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        Table table = Tabular.read("export.csv", content, n -> { });

        assertThat(table.hasColumn("code")).isTrue();
        assertThat(table.rows().getFirst().get("code")).isEqualTo("VNEID");
    }

    @Test
    void windowsCodePageTextIsRejectedWithTheLineAndHowToSaveAsUtf8() {
        byte[] content = "code,name_vi\nA,Hà Nội\nB,Nền tảng\n".getBytes(Charset.forName("windows-1258"));

        assertThatThrownBy(() -> Tabular.read("platforms.csv", content, n -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BODY);
                    assertThat(e.getMessage()).contains("not UTF-8", "line 2", "CSV UTF-8");
                });
    }

    @Test
    void utf16TextIsRejectedAsNotUtf8() {
        byte[] content = "\uFEFFcode\nA\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> Tabular.read("platforms.csv", content, n -> { }))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("UTF-16")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void quotedCellsSpanningLinesKeepTheLineNumbersOfLaterRows() {
        Table table = csv("""
                code,description_vi
                A,"dòng một
                dòng hai
                dòng ba"
                B,một dòng

                C,"x"
                """);

        assertThat(table.rows()).extracting(TableRow::line).containsExactly(2, 5, 7);
        assertThat(table.rows().getFirst().get("description_vi")).isEqualTo("dòng một\ndòng hai\ndòng ba");
    }

    @Test
    void windowsLineEndsCountAsOneLine() {
        Table table = csv("code,name_vi\r\nA,\"x\r\ny\"\r\nB,z\r\n");

        assertThat(table.rows()).extracting(TableRow::line).containsExactly(2, 4);
    }

    @Test
    void blankRowsAndRowsOfEmptyCellsAreSkipped() {
        Table table = csv("code,name_vi\n\n,\n  ,  \nA,x\n,,\n");

        assertThat(table.rows()).singleElement().extracting(TableRow::line).isEqualTo(5);
    }

    @Test
    void semicolonSeparatedFilesAreRead() {
        Table table = csv("code;name_vi;scope\nA;Nền tảng;central\n");

        assertThat(table.rows().getFirst().get("scope")).isEqualTo("central");
    }

    @Test
    void cellsBeyondTheHeaderAreCountedAsStray() {
        Table table = csv("code,name_vi\nA,Nền tảng, số,\nB,x,,\n");

        assertThat(table.rows()).extracting(TableRow::strayCells).containsExactly(1, 0);
    }

    @Test
    void aColumnNamedTwiceMakesTheFileUnreadable() {
        assertThatThrownBy(() -> csv("code,name_vi,Code\nA,x,B\n"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("'code' (columns 1, 3)");
    }

    @Test
    void anUnclosedQuoteIsReportedWithAHint() {
        assertThatThrownBy(() -> csv("code,name_vi\nA,\"x\"y\n"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("double quotes");
    }

    @Test
    void otherFileTypesAreRejectedByName() {
        assertThatThrownBy(() -> Tabular.read("platforms.pdf", "x".getBytes(StandardCharsets.UTF_8), n -> { }))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("neither .csv (UTF-8) nor .xlsx");
        assertThatThrownBy(() -> Tabular.read("platforms.xlsx", "code\nA\n".getBytes(StandardCharsets.UTF_8), n -> { }))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("not an XLSX workbook");
    }

    @Test
    void progressCountsRowsAsTheyAreRead() {
        List<Integer> seen = new ArrayList<>();

        Tabular.read("p.csv", "code\nA\nB\nC\n".getBytes(StandardCharsets.UTF_8), seen::add);

        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void xlsxDatesNumbersFormulasAndBooleansReadAsAPersonSeesThem() throws IOException {
        byte[] workbook = xlsx(sheet -> {
            CellStyle dateStyle = sheet.getWorkbook().createCellStyle();
            dateStyle.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            String[] names = {"Code", "legal_basis_date", "security_level", "operator_phone", "data_in_vietnam",
                "name_vi"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("VNEID");
            row.createCell(1).setCellValue(LocalDate.of(2025, 9, 11));
            row.getCell(1).setCellStyle(dateStyle);
            row.createCell(2).setCellValue(3.0);
            row.createCell(3).setCellValue(842439999999.0);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellFormula("\"Nền tảng \"&A2");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        TableRow row = Tabular.read("platforms.xlsx", workbook, n -> { }).rows().getFirst();

        assertThat(row.get("code")).isEqualTo("VNEID");
        assertThat(row.get("legal_basis_date")).isEqualTo("2025-09-11");
        assertThat(row.get("security_level")).isEqualTo("3");
        assertThat(row.get("operator_phone")).isEqualTo("842439999999");
        assertThat(row.get("data_in_vietnam")).isEqualTo("true");
        assertThat(row.get("name_vi")).isEqualTo("Nền tảng VNEID");
    }

    @Test
    void xlsxRowsKeepTheirSheetRowNumbersAndBlankRowsAreSkipped() throws IOException {
        byte[] workbook = xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("code");
            sheet.createRow(1).createCell(0).setCellValue("A");
            sheet.createRow(2).createCell(0).setCellValue("   ");
            sheet.createRow(4).createCell(0).setCellValue("B");
        });

        Table table = Tabular.read("danh-sach.XLSX", workbook, n -> { });

        assertThat(table.rows()).extracting(TableRow::line).containsExactly(2, 5);
    }

    @Test
    void aWorkbookIsRecognisedByItsContentWhateverItsName() throws IOException {
        byte[] workbook = xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("code");
            sheet.createRow(1).createCell(0).setCellValue("A");
        });

        assertThat(Tabular.read("platforms.csv", workbook, n -> { }).rows()).hasSize(1);
    }

    private interface SheetWriter {
        void write(Sheet sheet);
    }

    private static byte[] xlsx(SheetWriter writer) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            writer.write(workbook.createSheet("Nền tảng"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
