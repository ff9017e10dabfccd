package vn.ndp.registry.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;

/**
 * The programme's published figures on the pages dated by {@code asOf}: a page as of a date shows only those
 * published by then (the 55 platforms of the 2025 list date from 11/09/2025, the 34 provinces from 01/07/2025).
 */
@RegistryIntegrationTest
class ProgrammeFigurePagesIntegrationTests {

    private static final String LIST_2023 = "Số nền tảng trong danh sách công bố năm 2023";
    private static final String LIST_2025 = "Số nền tảng số quốc gia, nền tảng số dùng chung trong danh mục 2025";
    private static final String PROVINCES = "Số đơn vị hành chính cấp tỉnh";

    @Autowired
    RestTestClient client;

    @Test
    void theHomePageAsOfAPastDateShowsOnlyTheFiguresPublishedByThen() {
        assertThat(page("/?asOf=2024-01-01")).contains(LIST_2023).doesNotContain(LIST_2025, PROVINCES);
        assertThat(page("/")).contains(LIST_2023, LIST_2025, PROVINCES);
    }

    @Test
    void theStatisticsPageAsOfAPastDateShowsOnlyTheFiguresPublishedByThen() {
        assertThat(page("/statistics?asOf=2024-01-01")).contains(LIST_2023).doesNotContain(LIST_2025, PROVINCES);
        assertThat(page("/statistics?asOf=2025-09-11")).contains(LIST_2023, LIST_2025, PROVINCES);
    }

    private String page(String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
