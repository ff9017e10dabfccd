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
import vn.ndp.registry.accounts.Role;
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

    String finance;
    String reviewer;
    String admin;

    @BeforeEach
    void tokens() {
        finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        reviewer = accounts.token(Role.REVIEWER, null);
        admin = accounts.token(Role.ADMIN, null);
    }

    /** Drafts, submits, evaluates and recognises a Finance proposal (decision of 05/01/2026); the platform's code. */
    private String recognised() {
        String code = GovernanceApiIntegrationTests.newCode();
        return GovernanceApiFixtures.recognised(api, finance, reviewer, code, "Nền tảng lịch sử " + code,
                "2026-01-05");
    }

    /** Asks for {@code code}'s owner to become {@code owner} and approves it today. */
    private void transfer(String code, String owner) {
        JsonNode outcome = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("owner", owner), "reason", "Chuyển giao nhiệm vụ"), 200);
        String change = outcome.get("pending").get("id").asString();
        api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 0, "action", "approve",
                "note", "Đồng ý chuyển giao"), 200);
    }


    /** The entry of {@code code} in a list version dated {@code date} of the given status. */
    private JsonNode listEntry(String date, String status, String code) {
        return GovernanceApiFixtures.listEntry(api, admin, date, status, code);
    }

    @Test
    void asOfADayBeforeAnApprovedTransferThePlatformBelongsToItsOwnerThenAndItsHistoryKeepsThatOwner() {
        String code = recognised();
        transfer(code, "BYT");
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
        String code = recognised();
        transfer(code, "BYT");

        assertThat(api.platformCodes("q=" + code + "&owner=BTC&asOf=" + THEN)).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&owner=BYT&asOf=" + THEN)).isEmpty();
        assertThat(api.platformCodes("q=" + code + "&owner=BYT")).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&owner=BTC")).isEmpty();
        assertThat(api.platformFacet("q=" + code + "&asOf=" + THEN, "owner")).containsExactly("BTC");
        assertThat(api.platformFacet("q=" + code, "owner")).containsExactly("BYT");
    }

    private long ownerCount(String owner, String asOf) {
        return GovernanceApiFixtures.ownerCount(api, owner, asOf);
    }

    @Test
    void theStatisticsAsOfADayBeforeATransferCountThePlatformForItsOwnerThen() {
        String code = recognised();
        long finance = ownerCount("BTC", THEN);
        long health = ownerCount("BYT", THEN);

        transfer(code, "BYT");

        assertThat(ownerCount("BTC", THEN)).isEqualTo(finance);
        assertThat(ownerCount("BYT", THEN)).isEqualTo(health);
    }

    @Test
    void anOfficialListDatedBeforeATransferListsThePlatformUnderItsOwnerThen() {
        String code = recognised();
        transfer(code, "BYT");

        assertThat(listEntry(THEN, "recognised", code).get("ownerCode").asString()).isEqualTo("BTC");
        assertThat(listEntry(LocalDate.now(clock).toString(), "recognised", code).get("ownerCode").asString())
                .isEqualTo("BYT");
    }

    @Test
    void asOfADayBeforeARevocationThePlatformHasTheStatusItHadThen() {
        String code = recognised();
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action", "revoke",
                "reason", "Ngừng vận hành", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

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
        String code = recognised();
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action", "revoke",
                "reason", "Ngừng vận hành", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

        JsonNode entry = listEntry(THEN, "recognised", code);
        assertThat(entry).isNotNull();
        assertThat(entry.get("fields").get("status").asString()).isEqualTo("recognised");
        assertThat(listEntry(LocalDate.now(clock).toString(), "recognised", code)).isNull();
    }

    @Test
    void aPlatformCannotBeGivenToAnAgencyThatNoLongerExistsAndTheRefusalNamesItsSuccessor() {
        String code = recognised();

        JsonNode refused = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0,
                "fields", Map.of("owner", "BKHDT")), 409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_MERGED");
        assertThat(refused.get("detail").asString()).contains("BKHDT", "2025-03-01", "became part of BTC");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("owner");
        JsonNode renamed = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0,
                "fields", Map.of("owner", "P-THUA-THIEN-HUE")), 409);
        assertThat(renamed.get("detail").asString()).as("worded as it ended, as an account's refusal is")
                .contains("renamed and is now P-HUE").doesNotContain("became part of");
        assertThat(api.get(finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("ownership").findValuesAsString("code"))
                .containsExactly("BTC");
    }
}
