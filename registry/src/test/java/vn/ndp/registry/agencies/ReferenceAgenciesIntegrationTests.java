package vn.ndp.registry.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;

/** The shipped reference data, read back through the database and the API. */
@RegistryIntegrationTest
@SuppressWarnings("unchecked")
class ReferenceAgenciesIntegrationTests {

    @Autowired
    Agencies agencies;

    @Autowired
    RestTestClient client;

    @Autowired
    ApiCalls api;

    long provincialUnitsOn(String date) {
        LocalDate day = LocalDate.parse(date);
        return agencies.list(null, day, null).stream().filter(a -> a.kind().isProvincial()).count();
    }

    long centralBodiesOn(String date, AgencyKind kind) {
        return agencies.list(kind, LocalDate.parse(date), null).size();
    }

    @Test
    void sixtyThreeProvincesUntilJune2025AndThirtyFourFromJuly() {
        assertThat(provincialUnitsOn("2024-07-03")).isEqualTo(63);
        assertThat(provincialUnitsOn("2025-06-30")).isEqualTo(63);
        assertThat(provincialUnitsOn("2025-07-01")).isEqualTo(34);
        assertThat(agencies.list(AgencyKind.CENTRAL_CITY, LocalDate.parse("2025-07-01"), null))
                .extracting(Agency::code).hasSize(6);
    }

    @Test
    void eighteenMinistriesBeforeMarch2025AndFourteenAfter() {
        assertThat(centralBodiesOn("2025-02-28", AgencyKind.MINISTRY)).isEqualTo(18);
        assertThat(centralBodiesOn("2025-02-28", AgencyKind.MINISTERIAL_AGENCY)).isEqualTo(4);
        assertThat(centralBodiesOn("2025-03-01", AgencyKind.MINISTRY)).isEqualTo(14);
        assertThat(centralBodiesOn("2025-03-01", AgencyKind.MINISTERIAL_AGENCY)).isEqualTo(3);
    }

    @Test
    void everyProvinceThatEndedInJune2025HasOneMainSuccessorThatExistsInJuly() {
        LocalDate last = LocalDate.parse("2025-06-30");
        LocalDate first = LocalDate.parse("2025-07-01");
        List<Agency> ended = agencies.list(null, last, null).stream()
                .filter(a -> a.kind().isProvincial() && !a.existsOn(first)).toList();
        assertThat(ended).hasSize(52);
        for (Agency province : ended) {
            Agency successor = agencies.successorOn(province.code(), first);
            assertThat(successor.existsOn(first)).as(province.code()).isTrue();
            assertThat(successor.kind().isProvincial()).isTrue();
        }
    }

    @Test
    void hueBecameACentrallyRunCityOnTheFirstOfJanuary2025() {
        assertThat(agencies.successorOn("P-THUA-THIEN-HUE", LocalDate.parse("2024-12-31")).code())
                .isEqualTo("P-THUA-THIEN-HUE");
        Agency hue = agencies.successorOn("P-THUA-THIEN-HUE", LocalDate.parse("2025-01-01"));
        assertThat(hue.code()).isEqualTo("P-HUE");
        assertThat(hue.kind()).isEqualTo(AgencyKind.CENTRAL_CITY);
    }

    @Test
    void aProvinceFormedInJuly2025DidNotExistBeforeAndNamesTheProvincesThatDid() {
        Existence before = agencies.existenceOn("P-TUYEN-QUANG-2025", LocalDate.parse("2024-06-01"));
        assertThat(before).isInstanceOfSatisfying(Existence.NotYetFormed.class, notYet -> {
            assertThat(notYet.formedOn()).isEqualTo(LocalDate.parse("2025-07-01"));
            assertThat(notYet.formedFrom()).extracting(Agency::code)
                    .containsExactlyInAnyOrder("P-TUYEN-QUANG", "P-HA-GIANG");
        });
        assertThat(agencies.existenceOn("P-TUYEN-QUANG-2025", LocalDate.parse("2025-07-01")))
                .isInstanceOf(Existence.Existing.class);
    }

    @Test
    void aMinistryMergedAwaySaysWhatItWasMergedIntoOnlyAfterItsLastDay() {
        assertThat(agencies.existenceOn("BKHDT", LocalDate.parse("2025-02-28"))).isInstanceOf(Existence.Existing.class);
        assertThat(agencies.existenceOn("BKHDT", LocalDate.parse("2025-03-01")))
                .isInstanceOfSatisfying(Existence.Ended.class, ended -> {
                    assertThat(ended.merged()).isTrue();
                    assertThat(ended.endedOn()).isEqualTo(LocalDate.parse("2025-03-01"));
                    assertThat(ended.succession().successorCode()).isEqualTo("BTC");
                    assertThat(ended.holder().code()).isEqualTo("BTC");
                });
    }

    @Test
    void everyReferenceRowCitesItsSource() {
        assertThat(agencies.graph().all()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
    }

    @Test
    void agencyApiShowsPredecessorsOfANewProvince() {
        client.get().uri("/api/v1/agencies/P-TUYEN-QUANG-2025").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("province")
                .jsonPath("$.validFrom").isEqualTo("2025-07-01")
                .jsonPath("$.predecessors[*].code").value(codes -> assertThat((List<Object>) codes)
                        .containsExactlyInAnyOrder("P-TUYEN-QUANG", "P-HA-GIANG"))
                .jsonPath("$.predecessors[0].legalBasis").isEqualTo("Nghị quyết 202/2025/QH15");
    }

    @Test
    void agencyApiAsOfADateBeforeTheAgencyWasFormedSaysSoAndNamesTheAgenciesThatExistedThen() {
        client.get().uri("/api/v1/agencies/P-TUYEN-QUANG-2025?asOf=2024-06-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asOf").isEqualTo("2024-06-01")
                .jsonPath("$.existence.state").isEqualTo("not_yet_formed")
                .jsonPath("$.existence.formedOn").isEqualTo("2025-07-01")
                .jsonPath("$.existence.formedFrom[*].code").value(codes -> assertThat((List<Object>) codes)
                        .containsExactlyInAnyOrder("P-TUYEN-QUANG", "P-HA-GIANG"))
                .jsonPath("$.existence.endedOn").isEmpty()
                .jsonPath("$.existence.successor").isEmpty();
        client.get().uri("/api/v1/agencies/P-TUYEN-QUANG-2025?asOf=2025-07-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.existence.state").isEqualTo("existing")
                .jsonPath("$.existence.formedFrom.length()").isEqualTo(0);
    }

    @Test
    void agencyApiAfterAMinistrysLastDaySaysWhatItWasMergedInto() {
        client.get().uri("/api/v1/agencies/BKHDT?asOf=2025-03-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.existence.state").isEqualTo("ended")
                .jsonPath("$.existence.endedOn").isEqualTo("2025-03-01")
                .jsonPath("$.existence.change").isEqualTo("merged")
                .jsonPath("$.existence.successor.code").isEqualTo("BTC")
                .jsonPath("$.existence.successor.nameVi").isEqualTo("Bộ Tài chính")
                .jsonPath("$.existence.heldBy.code").isEqualTo("BTC");
        client.get().uri("/api/v1/agencies/BKHDT?asOf=2025-02-28").exchange()
                .expectBody().jsonPath("$.existence.state").isEqualTo("existing");
    }

    @Test
    void agencyApiWithoutAsOfAnswersAsOfToday() {
        client.get().uri("/api/v1/agencies/BKHDT").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asOf").isEqualTo(agencies.today().toString())
                .jsonPath("$.existence.state").isEqualTo("ended");
    }

    @Test
    void agencyApiGivesTheSameExistenceAsTheProvinceApi() {
        for (String query : List.of("P-LAO-CAI-2025?asOf=2024-06-01", "P-YEN-BAI?asOf=2025-07-01",
                "P-YEN-BAI?asOf=2025-06-30")) {
            JsonNode agency = api.get(null, "/api/v1/agencies/" + query, 200).get("existence");
            JsonNode province = api.get(null, "/api/v1/adoption/provinces/" + query, 200).get("existence");
            assertThat(agency).as(query).isEqualTo(province);
        }
    }

    @Test
    void agencyApiRefusesADateThatIsNoDateAsTheOtherAsOfParametersDo() {
        JsonNode problem = api.get(null, "/api/v1/agencies/BKHDT?asOf=2025-02-30", 400);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("'2025-02-30'");
    }

    @Test
    void agencyListFiltersByKindDateAndTextWithoutDiacritics() {
        client.get().uri("/api/v1/agencies?kind=ministry&asOf=2024-07-03&q=giao thong").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].code").isEqualTo("BGTVT")
                .jsonPath("$.length()").isEqualTo(1);
        client.get().uri("/api/v1/agencies?kind=ministry&q=giao thong").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void badAgencyQueryAndUnknownCodeAreProblems() {
        client.get().uri("/api/v1/agencies?kind=planet&asOf=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("kind")
                .jsonPath("$.errors[1].field").isEqualTo("asOf");
        client.get().uri("/api/v1/agencies/NOPE").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("AGENCY_NOT_FOUND");
    }
}
