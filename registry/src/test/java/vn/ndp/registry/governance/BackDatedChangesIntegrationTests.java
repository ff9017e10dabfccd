package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.HtmlPage;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;

/**
 * A change request that states its effective date, the date of the decision it follows: approved later, the new
 * owner or status is in force from that date, so that the platform, the search, the statistics and an official list
 * as of a day in between show it. The platforms are recognised on 05/01/2026 (their listing date); the decision is of
 * 15/03/2026, "before" is 01/02/2026 and "between" 01/06/2026, both before today.
 */
@RegistryIntegrationTest
class BackDatedChangesIntegrationTests {

    private static final String DECIDED = "2026-03-15";
    private static final String BEFORE = "2026-02-01";
    private static final String BETWEEN = "2026-06-01";

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    GovernanceApiFixtures governance;

    @BeforeEach
    void fixtures() {
        governance = new GovernanceApiFixtures(api, accounts);
    }

    @Test
    void aTransferApprovedLaterTakesEffectOnTheDateOfItsDecisionInEveryViewAsOfADayInBetween() {
        String code = governance.recognised();
        long financeBetween = governance.ownerCount("BTC", BETWEEN);
        long healthBetween = governance.ownerCount("BYT", BETWEEN);

        JsonNode pending = governance.ask(code, 0, Map.of("owner", "BYT"), DECIDED, 200).get("pending");
        assertThat(pending.get("effectiveOn").asString()).isEqualTo(DECIDED);
        JsonNode approved = governance.approve(pending, 200);

        assertThat(approved.get("effectiveOn").asString()).isEqualTo(DECIDED);
        JsonNode between = api.get(null, "/api/v1/platforms/" + code + "?asOf=" + BETWEEN, 200);
        assertThat(between.get("owner").get("code").asString()).isEqualTo("BYT");
        assertThat(api.get(null, "/api/v1/platforms/" + code + "?asOf=" + BEFORE, 200).get("owner").get("code")
                .asString()).isEqualTo("BTC");
        JsonNode ownership = between.get("ownership");
        assertThat(ownership.findValuesAsString("code")).containsExactly("BTC", "BYT");
        assertThat(ownership.get(0).get("to").asString()).isEqualTo("2026-03-14");
        assertThat(ownership.get(1).get("from").asString()).isEqualTo(DECIDED);
        assertThat(api.platformCodes("q=" + code + "&owner=BYT&asOf=" + BETWEEN)).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&owner=BTC&asOf=" + BETWEEN)).isEmpty();
        assertThat(api.platformCodes("q=" + code + "&owner=BTC&asOf=" + BEFORE)).containsExactly(code);
        assertThat(governance.ownerCount("BTC", BETWEEN)).isEqualTo(financeBetween - 1);
        assertThat(governance.ownerCount("BYT", BETWEEN)).isEqualTo(healthBetween + 1);
        assertThat(governance.listEntry(BETWEEN, "recognised", code).get("ownerCode").asString()).isEqualTo("BYT");
        assertThat(governance.listEntry(BEFORE, "recognised", code).get("ownerCode").asString()).isEqualTo("BTC");
    }

    @Test
    void aStatusChangeApprovedLaterTakesEffectOnTheDateOfItsDecisionInEveryViewAsOfADayInBetween() {
        String code = governance.recognised();
        governance.approve(governance.ask(code, 0, Map.of("status", "in_use"), DECIDED, 200).get("pending"), 200);

        assertThat(api.get(null, "/api/v1/platforms/" + code + "?asOf=" + BETWEEN, 200).get("status").asString())
                .isEqualTo("in_use");
        assertThat(api.get(null, "/api/v1/platforms/" + code + "?asOf=" + BEFORE, 200).get("status").asString())
                .isEqualTo("recognised");
        assertThat(api.platformCodes("q=" + code + "&status=in_use&asOf=" + BETWEEN)).containsExactly(code);
        assertThat(api.platformCodes("q=" + code + "&status=recognised&asOf=" + BETWEEN)).isEmpty();
        assertThat(api.platformCodes("q=" + code + "&status=recognised&asOf=" + BEFORE)).containsExactly(code);
        assertThat(api.platformFacet("q=" + code + "&asOf=" + BETWEEN, "status")).containsExactly("IN_USE");
        assertThat(api.platformFacet("q=" + code + "&asOf=" + BEFORE, "status")).containsExactly("RECOGNISED");
        assertThat(governance.listEntry(BETWEEN, "in_use", code)).isNotNull();
        assertThat(governance.listEntry(BETWEEN, "recognised", code)).isNull();
        assertThat(governance.listEntry(BEFORE, "recognised", code).get("fields").get("status").asString())
                .isEqualTo("recognised");
    }

    @Test
    void theEffectiveDateIsInTheHistoryTheAuditTrailAndTheNotices() {
        String code = governance.recognised();

        JsonNode pending = governance.ask(code, 0, Map.of("owner", "BYT"), DECIDED, 200).get("pending");
        governance.approve(pending, 200);

        JsonNode revision = api.get(null, "/api/v1/platforms/" + code + "/history", 200).get("revisions").get(0);
        assertThat(revision.get("cause").asString()).isEqualTo("change_approved");
        assertThat(revision.get("effectiveOn").asString()).isEqualTo(DECIDED);
        List<AuditLog.Entry> trail = audit.find(new AuditLog.Filter(null, null, "platform:" + code, null, null), 10, 0);
        assertThat(trail).filteredOn(e -> e.event() == AuditEvent.CHANGE_REQUESTED || e.event()
                == AuditEvent.CHANGE_APPROVED).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("effectiveOn", DECIDED));
        JsonNode asked = api.get(governance.reviewer, "/api/v1/notifications", 200).get("items");
        assertThat(asked.findValuesAsString("bodyVi")).anySatisfy(body -> assertThat(body)
                .contains(code, "có hiệu lực từ ngày 15/03/2026"));
        JsonNode decided = api.get(governance.finance, "/api/v1/notifications", 200).get("items");
        assertThat(decided.findValuesAsString("bodyVi")).anySatisfy(body -> assertThat(body)
                .contains(code, "đã được chấp thuận, có hiệu lực từ ngày 15/03/2026."));
        assertThat(decided.findValuesAsString("bodyEn")).anySatisfy(body -> assertThat(body)
                .contains(code, "was approved, effective from 15 Mar 2026."));
    }

    @Test
    void aChangeWithoutAnEffectiveDateTakesEffectOnTheDayItIsApproved() {
        String code = governance.recognised();

        JsonNode pending = governance.ask(code, 0, Map.of("owner", "BYT"), null, 200).get("pending");
        assertThat(pending.get("effectiveOn").isNull()).isTrue();
        governance.approve(pending, 200);

        LocalDate today = LocalDate.now(clock);
        JsonNode ownership = api.get(null, "/api/v1/platforms/" + code, 200).get("ownership");
        assertThat(ownership.get(1).get("from").asString()).isEqualTo(today.toString());
        assertThat(api.get(null, "/api/v1/platforms/" + code + "/history", 200).get("revisions").get(0)
                .get("effectiveOn").isNull()).isTrue();
    }

    @Test
    void aChangeDatedAfterTodayIsRefusedAsFutureDatedAndNothingIsAsked() {
        String code = governance.recognised();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();

        JsonNode refused = governance.ask(code, 0, Map.of("owner", "BYT"), tomorrow, 400);

        assertThat(refused.get("code").asString()).isEqualTo("EFFECTIVE_DATE_IN_FUTURE");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("effective_on");
        assertThat(refused.get("detail").asString()).contains(tomorrow, "future-dated changes are not supported");
        assertThat(api.get(governance.finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();
    }

    @Test
    void aChangeDatedBeforeThePlatformWasListedIsRefusedNamingTheListingDate() {
        String code = governance.recognised();

        JsonNode refused = governance.ask(code, 0, Map.of("owner", "BYT"), "2026-01-04", 409);

        assertThat(refused.get("code").asString()).isEqualTo("EFFECTIVE_DATE_OUT_OF_ORDER");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("effective_on");
        assertThat(refused.get("detail").asString()).contains("2026-01-04", "listed (2026-01-05)");
        assertThat(governance.ask(code, 0, Map.of("owner", "BYT"), "2026-01-05", 200).get("pending")).isNotNull();
    }

    @Test
    void aTransferDatedBeforeTheLatestRecordedTransferIsRefusedNamingItsDate() {
        String code = governance.recognised();
        governance.approve(governance.ask(code, 0, Map.of("owner", "BYT"), "2026-05-01", 200).get("pending"), 200);
        String health = accounts.token(Role.MINISTRY_EDITOR, "BYT");

        JsonNode refused = governance.ask(health, code, 1, Map.of("owner", "BTC"), "2026-04-30", 409);

        assertThat(refused.get("code").asString()).isEqualTo("EFFECTIVE_DATE_OUT_OF_ORDER");
        assertThat(refused.get("detail").asString()).contains("2026-04-30", "owner", "last changed, on 2026-05-01");
        assertThat(governance.ask(health, code, 1, Map.of("name_en", "Renamed " + code), "2026-04-30", 200)
                .get("pending"))
                .as("another field than the owner follows no owner change").isNotNull();
    }

    @Test
    void anApprovalIsRefusedWhenTheStatusChangedAfterTheRequestsDateMeanwhile() {
        String code = governance.recognised();
        JsonNode pending = governance.ask(code, 0, Map.of("status", "in_use"), DECIDED, 200).get("pending");
        api.post(governance.reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action",
                "suspend", "reason", "Chưa bảo đảm an toàn", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);
        api.post(governance.reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 1, "action",
                "reinstate", "reason", "Đã khắc phục", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

        JsonNode refused = governance.approve(pending, 409);

        String today = LocalDate.now(clock).toString();
        assertThat(refused.get("code").asString()).isEqualTo("EFFECTIVE_DATE_OUT_OF_ORDER");
        assertThat(refused.get("detail").asString()).contains(DECIDED, "status", "last changed, on " + today);
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("status").asString()).isEqualTo("recognised");
    }

    @Test
    void aTransferToAnAgencyNotYetFormedOnTheEffectiveDateIsRefusedNamingWhenItWasFormed() {
        String code = governance.recognised("2025-01-10");

        JsonNode refused = governance.ask(code, 0, Map.of("owner", "BNNMT"), "2025-02-20", 409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_NOT_FORMED");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("owner");
        assertThat(refused.get("detail").asString()).contains("BNNMT", "formed on 2025-03-01", "2025-02-20");
        assertThat(governance.ask(code, 0, Map.of("owner", "BNNMT"), "2025-03-01", 200).get("pending")).isNotNull();
    }

    @Test
    void aTransferToAnAgencyThatHadEndedOnTheEffectiveDateIsRefusedNamingItsSuccessor() {
        String code = governance.recognised("2025-01-10");

        JsonNode refused = governance.ask(code, 0, Map.of("owner", "BKHDT"), "2025-03-01", 409);

        assertThat(refused.get("code").asString()).isEqualTo("AGENCY_MERGED");
        assertThat(refused.get("detail").asString()).contains("BKHDT", "2025-03-01", "became part of BTC");
        assertThat(governance.ask(code, 0, Map.of("owner", "BKHDT"), "2025-02-28", 200).get("pending"))
                .as("on its last day BKHDT could still take it; its successions carry it on").isNotNull();
    }

    @Test
    void anEffectiveDateWithOnlyContactFieldsIsRefusedAsTheyChangeAtOnce() {
        String code = governance.recognised();

        JsonNode refused = governance.ask(code, 0, Map.of("operator_phone", "024 3333 5555"), BETWEEN, 400);

        assertThat(refused.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("effective_on");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("version").asInt()).isZero();
    }

    private String page(String path, String lang, UserDetails who) throws Exception {
        var request = get(path).param("lang", lang);
        return mvc.perform(who == null ? request : request.with(user(who))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theChangeFormHasAnEffectiveDateFieldLabelledInBothLanguages() throws Exception {
        String code = governance.recognised();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");

        HtmlPage vietnamese = HtmlPage.parse(page("/governance/platforms/" + code + "/changes", "vi", editor));
        HtmlPage english = HtmlPage.parse(page("/governance/platforms/" + code + "/changes", "en", editor));

        assertThat(vietnamese.byId("effective_on").getAttributeValue("name")).isEqualTo("effective_on");
        assertThat(vietnamese.byId("effective_on").getAttributeValue("placeholder")).isNotBlank();
        assertThat(vietnamese.elements("label")).filteredOn(l -> "effective_on".equals(l.getAttributeValue("for")))
                .extracting(HtmlPage::text).containsExactly("Ngày có hiệu lực");
        assertThat(english.elements("label")).filteredOn(l -> "effective_on".equals(l.getAttributeValue("for")))
                .extracting(HtmlPage::text).containsExactly("Effective date");
        assertThat(HtmlPage.text(vietnamese.byId("effective_on-hint"))).contains("Để trống nếu thay đổi có hiệu lực từ ngày được duyệt");
    }

    @Test
    void aFutureDateTypedInTheFormComesBackWithTheRefusalInVietnameseAndTheDateAsTyped() throws Exception {
        String code = governance.recognised();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        String typed = String.format("%02d/%02d/%d", tomorrow.getDayOfMonth(), tomorrow.getMonthValue(),
                tomorrow.getYear());

        String shown = mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("owner", "BYT").param("effective_on", typed)).andReturn().getResponse()
                .getContentAsString();

        HtmlPage page = HtmlPage.parse(shown);
        assertThat(HtmlPage.value(page.byId("effective_on"))).isEqualTo(typed);
        assertThat(HtmlPage.text(page.elementsOfClass("div", "problems").getFirst()))
                .contains("chưa hỗ trợ thay đổi có hiệu lực sau ngày hôm nay")
                .contains("Ngày có hiệu lực " + typed + " sau ngày hôm nay");
        assertThat(api.get(governance.finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();
    }

    @Test
    void theDateSentWithTheFormShowsOnTheRequestTheReviewersQueueAndTheHistoryInBothLanguages() throws Exception {
        String code = governance.recognised();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails checker = accounts.signedIn(Role.REVIEWER, null);

        mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("owner", "BYT").param("effective_on", "15/03/2026"));

        JsonNode asked = api.get(governance.finance, "/api/v1/platforms/" + code + "/changes", 200).get(0);
        assertThat(asked.get("effectiveOn").asString()).isEqualTo(DECIDED);
        assertThat(HtmlPage.parse(page("/governance/platforms/" + code + "/changes", "vi", editor))
                .elementsOfClass("span", "effective-on")).extracting(HtmlPage::text)
                .containsExactly("— có hiệu lực từ ngày 15/03/2026");
        assertThat(HtmlPage.parse(page("/governance", "vi", checker)).elementsOfClass("p", "effective-on"))
                .extracting(HtmlPage::text).contains("Ngày có hiệu lực: 15/03/2026");
        governance.approve(asked, 200);
        assertThat(HtmlPage.parse(page("/platforms/" + code + "/history", "vi", null))
                .elementsOfClass("p", "effective-on")).extracting(HtmlPage::text)
                .containsExactly("Có hiệu lực từ ngày 15/03/2026");
        assertThat(HtmlPage.parse(page("/platforms/" + code + "/history", "en", null))
                .elementsOfClass("p", "effective-on")).extracting(HtmlPage::text)
                .containsExactly("Effective from 15 Mar 2026");
    }
}
