package vn.ndp.registry.adoption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionFigures.Kpis;

@RegistryIntegrationTest
class AdoptionReportsIntegrationTests {

    @Autowired
    AdoptionReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    static AdoptionFigures.Summary summary(int year, int provinces) {
        return new AdoptionFigures.Summary(year, LocalDate.of(year, 12, 31), new Kpis(provinces, 0, 0, 0, 0), List.of(),
                List.of(), List.of(), false);
    }

    @Test
    void aPublishedFigureIsOutOfTheProvincesThereWereOnItsOwnDate() {
        // The programme's real 2022 figures were published over 63 provinces.
        AdoptionReports.KpiLine published2022 = reports.kpis(summary(2022, 63)).getFirst();
        assertThat(published2022.published()).isNotNull();
        assertThat(published2022.publishedOutOf()).isEqualTo(63);

        // A figure published after the 2025 merger (a test row, removed again) is over 34.
        withTestFigure("list_2026.provinces_assigned", 20, "2026-01-15", () -> {
            AdoptionReports.KpiLine published2026 = reports.kpis(summary(2026, 34)).getFirst();
            assertThat(published2026.published()).isEqualByComparingTo("20");
            assertThat(published2026.publishedOutOf()).isEqualTo(34);
        });

        // A 2025 figure dated before the merger is over 63, though the 2025 summary counts 34 provinces.
        withTestFigure("list_2025.provinces_assigned", 40, "2025-03-01", () -> {
            AdoptionReports.KpiLine published2025 = reports.kpis(summary(2025, 34)).getFirst();
            assertThat(published2025.publishedOutOf()).isEqualTo(63);
            assertThat(published2025.publishedText()).isEqualTo("40/63");
        });
    }

    /** Runs {@code check} with a test row in programme_figure (provinces, dated {@code asOf}), removed again after. */
    private void withTestFigure(String key, int value, String asOf, Runnable check) {
        jdbc.sql("""
                insert into programme_figure (key, dimension, label_vi, label_en, value, unit, as_of, document, source)
                values (:key, '', 'thử', 'test', :value, 'provinces', cast(:asOf as date), 'test', 'test')""")
                .param("key", key).param("value", value).param("asOf", asOf).update();
        try {
            check.run();
        } finally {
            jdbc.sql("delete from programme_figure where key = :key").param("key", key).update();
        }
    }

    @Test
    void theDashboardShowsAPublishedFigureOverItsProvinces() throws Exception {
        String page = mvc.perform(get("/adoption?year=2022")).andReturn().getResponse().getContentAsString();

        AdoptionReports.KpiLine published2022 = reports.kpis(summary(2022, 63)).getFirst();
        assertThat(page).contains(">" + published2022.published().toPlainString() + "/63<");
    }
}
