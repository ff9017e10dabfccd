package vn.ndp.registry.adoption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.adoption.AdoptionFigures;

/** {@code ./ndp demo}: sample plans for a spread of provinces, every row marked sample, written once. */
@RegistryIntegrationTest
@TestPropertySource(properties = "ndp.demo=true")
class DemoAdoptionIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdoptionFigures figures;

    @Autowired
    DemoAdoption demo;

    @Autowired
    RestTestClient client;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void sampleDataCoversARealisticSpreadOfProvincesAndIsAllMarkedSample() {
        long oldProvinces = count("select count(distinct province_code) from adoption_plan where year between 2022"
                + " and 2024 and sample");
        long newProvinces = count("select count(distinct province_code) from adoption_plan where year >= 2025"
                + " and sample");
        assertThat(oldProvinces).isEqualTo(26);
        assertThat(newProvinces).isEqualTo(14);
        assertThat(count("select count(*) from adoption_plan where not sample")).isZero();
        assertThat(count("select count(*) from local_platform where not sample")).isZero();
        assertThat(count("select count(*) from province_proposal where not sample")).isZero();
        assertThat(count("select count(*) from local_platform")).isEqualTo(6);

        AdoptionFigures.Summary summary = figures.summary(2023, LocalDate.of(2023, 12, 31));
        assertThat(summary.sample()).isTrue();
        assertThat(summary.kpis().provinces()).isEqualTo(63);
        assertThat(summary.kpis().assigned()).isBetween(20, 26);
    }

    @Test
    void theReportSaysThatItContainsSampleData() throws Exception {
        byte[] pdf = client.get().uri("/api/v1/adoption/report.pdf?year=2024&asOf=2024-12-31").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String html = client.get().uri("/adoption?year=2024&asOf=2024-12-31").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("DỮ LIỆU MẪU");
        }
        assertThat(html).contains("Dữ liệu mẫu");
    }

    @Test
    void aRestartAddsNothing() {
        long before = count("select count(*) from adoption_plan");
        assertThat(before).isGreaterThan(40);

        demo.load();

        assertThat(count("select count(*) from adoption_plan")).isEqualTo(before);
    }
}
