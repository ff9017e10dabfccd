package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.overlap.OverlapDetector;

@RegistryIntegrationTest
class OverlapApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    ClientRateLimiter limiter;

    @Autowired
    OverlapDetector detector;

    @AfterEach
    void forgetThisClient() {
        limiter.forget("127.0.0.1");
    }

    RestTestClient.ResponseSpec check(String json) {
        return client.post().uri("/api/v1/overlap/check").contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange();
    }

    @Test
    void theCorpusIsTheWholeCatalogue() {
        assertThat(detector.corpusSize()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void aPublicServicePortalWithoutDiacriticsIsADuplicateOfTheNationalPortal() {
        check("""
                {"name": "Cong dich vu cong truc tuyen", "description": "cong khai TTHC, nop ho so truc tuyen",
                 "functions": ["thanh toan truc tuyen"], "category": "government"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.verdict").isEqualTo("duplicate")
                .jsonPath("$.matches[0].code").isEqualTo("DVCQG")
                .jsonPath("$.matches[0].name").isEqualTo("Cổng Dịch vụ công quốc gia")
                .jsonPath("$.matches[0].verdict").isEqualTo("duplicate")
                .jsonPath("$.matches[0].reasons[0]").value(String.class,
                        r -> assertThat(r).startsWith("Tên có chung: «").contains("Dịch vụ công»"))
                .jsonPath("$.matches[0].terms").isArray();
    }

    @Test
    void reasonsFollowAcceptLanguage() {
        client.post().uri("/api/v1/overlap/check").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .body("{\"name\": \"National e-procurement portal\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.matches[0].code").isEqualTo("MANG-DAU-THAU-QG")
                .jsonPath("$.matches[0].reasons[0]").value(String.class, r -> assertThat(r).startsWith("Names share:"));
    }

    @Test
    void anUnrelatedPlatformIsDistinct() {
        check("{\"name\": \"Hệ thống quản lý nuôi trồng thủy sản\", \"description\": \"ao nuôi, con giống\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.verdict").isEqualTo("distinct");
    }

    @Test
    void aBodyWithoutNameOrDescriptionIsAProblem() {
        check("{\"functions\": [\"ký số\"]}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_BODY")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void wrongTypesUnknownCategoryAndOverlongTextAreNamedTogether() {
        check("{\"name\": 42, \"description\": \"" + "x".repeat(5001) + "\", \"functions\": \"one\", "
                + "\"category\": \"cloud\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_BODY")
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo("must be a string; found number.")
                .jsonPath("$.errors[?(@.field == 'functions')].message").isEqualTo("must be a list of strings.")
                .jsonPath("$.errors[?(@.field == 'category')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();
    }

    @Test
    void malformedJsonIsAProblem() {
        check("{\"name\": ")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_BODY");
    }

    @Test
    void tooManyChecksFromOneAddressGet429WithRetryAfter() {
        int capacity = 1000;
        HttpStatus last = HttpStatus.OK;
        for (int i = 0; i < capacity && last == HttpStatus.OK; i++) {
            last = HttpStatus.valueOf(check("{\"name\": \"Sàn dữ liệu\"}").returnResult(String.class).getStatus()
                    .value());
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        check("{\"name\": \"Sàn dữ liệu\"}")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("RATE_LIMITED");
    }

    @Test
    void thePageShowsTheMatchWithTheSharedWordsMarked() {
        String page = client.get().uri("/overlap?name=he thong quan ly dau gia tai san").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("DAU-GIA-TAI-SAN").containsPattern("<mark>[^<]*đấu giá[^<]*</mark>")
                .contains("Có thể TRÙNG LẶP");
    }

    @Test
    void thePageEscapesWhatWasTyped() {
        String page = client.get().uri("/overlap?name={n}", "<script>alert(1)</script> đấu giá").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void thePageInEnglishSaysWhenNothingOverlaps() {
        String page = client.get().uri("/overlap?lang=en&name=aquaculture pond monitoring").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("No existing platform duplicates or significantly overlaps it.");
    }

    @Test
    void thePageShowsAnEmptyFormFirstAndExplainsBadInput() {
        String empty = client.get().uri("/overlap").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(empty).contains("Kiểm tra trùng lặp nền tảng").doesNotContain("overlap-result-heading");
        client.get().uri("/overlap?category=cloud&name=x").exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("Chưa kiểm tra được vì"));
    }
}
