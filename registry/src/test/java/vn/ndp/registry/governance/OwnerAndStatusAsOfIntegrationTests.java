package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * An owner transferred by an approved change request and a status changed by a standing decision are history: as of
 * a day before, the platform, the search, its facets and an official list dated then show the owner and the status
 * in force on that day. The platforms are recognised on 05/01/2026 and changed today; "then" is 01/06/2026.
 */
@RegistryIntegrationTest
class OwnerAndStatusAsOfIntegrationTests {

    private static final String THEN = "2026-06-01";

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    Clock clock;

    GovernanceApiFixtures governance;

    @BeforeEach
    void fixtures() {
        governance = new GovernanceApiFixtures(api, accounts);
    }

    @Test
    void asOfADayBeforeAnApprovedTransferThePlatformBelongsToItsOwnerThenAndItsHistoryKeepsThatOwner() {
        String code = governance.recognised();
        governance.transfer(code, "BYT");
        LocalDate today = LocalDate.now(clock);

        JsonNode then = api.get(null, "/api/v1/platforms/" + code + "?asOf=" + THEN, 200);
        assertThat(then.get("owner").get("code").asString()).isEqualTo("BTC");
        assertThat(then.get("originalOwner").get("code").asString()).isEqualTo("BTC");
        JsonNode ownership = then.get("ownership");
        assertThat(ownership.findValuesAsString("code")).containsExactly("BTC", "BYT");
        assertThat(ownership.get(0).get("to").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(ownership.get(1).get("from").asString()).isEqualTo(today.toString());
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("owner").get("code").asString())
                .isEqualTo("BYT");
    }

    @Test
    void aSearchByOwnerAsOfADayBeforeATransferCountsThePlatformForItsOwnerThen() {
        String code = governance.recognised();
        governance.transfer(code, "BYT");

        assertThat(api.platformCodes("q=" + code + "&owner=BTC&asOf=" + THEN)).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&owner=BYT&asOf=" + THEN)).isEmpty();
        assertThat(api.platformCodes("q=" + code + "&owner=BYT")).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&owner=BTC")).isEmpty();
        assertThat(api.platformFacet("q=" + code + "&asOf=" + THEN, "owner")).containsExactly("BTC");
        assertThat(api.platformFacet("q=" + code, "owner")).containsExactly("BYT");
    }

    @Test
    void theStatisticsAsOfADayBeforeATransferCountThePlatformForItsOwnerThen() {
        String code = governance.recognised();
        long finance = governance.ownerCount("BTC", THEN);
        long health = governance.ownerCount("BYT", THEN);

        governance.transfer(code, "BYT");

        assertThat(governance.ownerCount("BTC", THEN)).isEqualTo(finance);
        assertThat(governance.ownerCount("BYT", THEN)).isEqualTo(health);
    }

    @Test
    void anOfficialListDatedBeforeATransferListsThePlatformUnderItsOwnerThen() {
        String code = governance.recognised();
        governance.transfer(code, "BYT");

        assertThat(governance.listEntry(THEN, "recognised", code).get("ownerCode").asString()).isEqualTo("BTC");
        assertThat(governance.listEntry(LocalDate.now(clock).toString(), "recognised", code).get("ownerCode")
                .asString()).isEqualTo("BYT");
    }

    @Test
    void asOfADayBeforeARevocationThePlatformHasTheStatusItHadThen() {
        String code = governance.recognised();
        api.post(governance.reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action",
                "revoke", "reason", "Ngừng vận hành", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

        assertThat(api.get(null, "/api/v1/platforms/" + code + "?asOf=" + THEN, 200).get("status").asString())
                .isEqualTo("recognised");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("status").asString()).isEqualTo("revoked");
        assertThat(api.platformCodes("q=" + code + "&status=revoked&asOf=" + THEN)).isEmpty();
        assertThat(api.platformCodes("q=" + code + "&status=recognised&asOf=" + THEN)).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&status=revoked")).containsExactly(code);
        assertThat(api.platformFacet("q=" + code + "&asOf=" + THEN, "status")).containsExactly("RECOGNISED");
        assertThat(api.get(null, "/api/v1/platforms?q=" + code + "&asOf=" + THEN, 200).get("items").get(0)
                .get("status").asString()).isEqualTo("recognised");
    }

    @Test
    void anOfficialListDatedBeforeARevocationStillListsThePlatformRecognisedThen() {
        String code = governance.recognised();
        api.post(governance.reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action",
                "revoke", "reason", "Ngừng vận hành", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

        JsonNode entry = governance.listEntry(THEN, "recognised", code);
        assertThat(entry).isNotNull();
        assertThat(entry.get("fields").get("status").asString()).isEqualTo("recognised");
        assertThat(governance.listEntry(LocalDate.now(clock).toString(), "recognised", code)).isNull();
    }

    @Test
    void aPlatformCannotBeGivenToAnAgencyThatNoLongerExistsAndTheRefusalNamesItsSuccessor() {
        String code = governance.recognised();

        JsonNode refused = api.post(governance.finance, "/api/v1/platforms/" + code + "/changes", Map.of("version",
                0, "fields", Map.of("owner", "BKHDT")), 409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_MERGED");
        assertThat(refused.get("detail").asString()).contains("BKHDT", "2025-03-01", "became part of BTC");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("owner");
        JsonNode renamed = api.post(governance.finance, "/api/v1/platforms/" + code + "/changes", Map.of("version",
                0, "fields", Map.of("owner", "P-THUA-THIEN-HUE")), 409);
        assertThat(renamed.get("detail").asString()).as("worded as it ended, as an account's refusal is")
                .contains("renamed and is now P-HUE").doesNotContain("became part of");
        assertThat(api.get(governance.finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("ownership").findValuesAsString("code"))
                .containsExactly("BTC");
    }
}
