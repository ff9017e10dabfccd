package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.agencies.Agencies;

/** The catalogue's exports as of a date: named by that date, and the workbook says it. */
@RegistryIntegrationTest
class PlatformExportIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    Agencies agencies;

    @Test
    void anExportAsOfAPastDateIsNamedByThatDate() {
        named("/api/v1/platforms.csv?asOf=2024-01-01", "nen-tang-so-2024-01-01.csv");
        named("/api/v1/platforms.xlsx?asOf=2024-01-01", "nen-tang-so-2024-01-01.xlsx");
        named("/api/v1/platforms.csv", "nen-tang-so-" + agencies.today() + ".csv");
    }

    @Test
    void aWorkbookAsOfAPastDateSaysTheDateOnASecondSheetAndKeepsTheImportHeaderOnTheFirst() throws IOException {
        byte[] xlsx = client.get().uri("/api/v1/platforms.xlsx?asOf=2024-01-01").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Thông tin");
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Danh mục nền tảng số theo ngày 01/01/2024");
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).contains("01/01/2024");
        }
    }

    private void named(String uri, String fileName) {
        client.get().uri(uri).exchange().expectStatus().isOk().expectHeader()
                .valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"?" + fileName.replace(".", "\\.")
                        + "\"?");
    }
}
