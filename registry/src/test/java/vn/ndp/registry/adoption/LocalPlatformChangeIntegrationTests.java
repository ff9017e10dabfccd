package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.API;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.cemeteries;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.lgsp;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.register;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.streetTrees;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.with;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.word;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Changing and removing a province's local platforms, through the API and the
 * pages: the overlap check runs again on every change, a stale version is
 * refused naming what changed, a removal keeps the platform and its history
 * but takes it out of the active list and the overlap corpus, and only the
 * province's editors (and the national authority's administrator) may act.
 * Each test uses its own province or a name no other test uses, as the
 * database is shared.
 */
@RegistryIntegrationTest
class LocalPlatformChangeIntegrationTests {

    @Autowired
    ApiCalls api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    /** The codes of the local platforms another province's check of {@code body} finds. */
    List<String> localMatches(String token, String province, Map<String, Object> body) {
        JsonNode check = api.post(token, API + province + "/local-platforms/check", body, 200);
        return check.get("local").valueStream().map(m -> m.get("code").asString()).toList();
    }

    @Test
    void aChangeRunsTheOverlapCheckAgainAndADuplicateOfANationalPlatformNeedsAReason() {
        String ngheAn = accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        String w = word();
        JsonNode saved = register(api, ngheAn, "P-NGHE-AN", cemeteries(w));
        String uri = API + "P-NGHE-AN/local-platforms/" + saved.get("id").asString();

        JsonNode changed = api.put(ngheAn, uri, with(cemeteries(w), "status", "stopped", "version", 0), 200);
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(changed.get("status").asString()).isEqualTo("stopped");
        assertThat(changed.get("overlapVerdict").asString()).isEqualTo("distinct");

        JsonNode refused = api.put(ngheAn, uri, with(lgsp(), "version", 1), 409);
        assertThat(refused.get("code").asString()).isEqualTo("OVERLAP_NOT_CONFIRMED");
        assertThat(refused.get("errors").toString()).contains("NDXP");
        JsonNode noReason = api.put(ngheAn, uri, with(lgsp(), "version", 1, "saveAnyway", true), 400);
        assertThat(noReason.get("errors").toString()).contains("reason");
        assertThat(api.get(null, uri, 200).get("version").asInt()).as("refused changes save nothing").isEqualTo(1);
        assertThat(api.get(null, uri, 200).get("nameVi").asString()).contains(w);

        JsonNode confirmed = api.put(ngheAn, uri, with(lgsp(), "version", 1, "saveAnyway", true, "reason",
                "Tỉnh đã đầu tư LGSP trước khi có NDXP."), 200);
        assertThat(confirmed.get("overlapVerdict").asString()).isIn("duplicate", "overlapping");
        assertThat(confirmed.get("overlapMatches").toString()).contains("NDXP");
        assertThat(confirmed.get("overlapReason").asString()).isEqualTo("Tỉnh đã đầu tư LGSP trước khi có NDXP.");

        JsonNode history = api.get(null, uri + "/history", 200);
        assertThat(history.valueStream().map(r -> r.get("cause").asString()).toList())
                .containsExactly("registered", "changed", "changed");
        JsonNode statusChange = history.get(1).get("fields").get(0);
        assertThat(statusChange.get("field").asString()).isEqualTo("status");
        assertThat(statusChange.get("before").asString()).isEqualTo("in_use");
        assertThat(statusChange.get("after").asString()).isEqualTo("stopped");
        assertThat(history.get(2).get("fields").toString()).contains("overlap_verdict").contains("overlap_reason");
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.LOCAL_PLATFORM_CHANGED, null, "province:P-NGHE-AN",
                null, null), 10, 0)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aStaleVersionIsRefusedAndTheConflictSaysWhatChangedWhoChangedItAndWhen() {
        Map<String, Object> body = cemeteries(word());
        String haTinh = accounts.token(Role.PROVINCE_EDITOR, "P-HA-TINH");
        String colleague = accounts.token(Role.PROVINCE_EDITOR, "P-HA-TINH");
        JsonNode saved = register(api, haTinh, "P-HA-TINH", body);
        String uri = API + "P-HA-TINH/local-platforms/" + saved.get("id").asString();
        OffsetDateTime before = OffsetDateTime.now(VietnamTime.ZONE);
        api.put(colleague, uri, with(body, "department", "Sở Nội vụ", "version", 0), 200);
        OffsetDateTime after = OffsetDateTime.now(VietnamTime.ZONE);

        JsonNode conflict = api.put(haTinh, uri, with(body, "website", "https://nghiatrang.example.vn",
                "version", 0), 409);

        assertThat(conflict.get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(conflict.get("detail").asString()).contains("version 0").contains("version 1");
        assertThat(conflict.get("errors").toString()).contains("department").contains("Sở Xây dựng")
                .contains("Sở Nội vụ");
        // when, on Vietnam's clock (the database hands moments back in UTC), saying so
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        assertThat(conflict.get("errors").toString()).containsAnyOf(minute.format(before) + " (UTC+7)",
                minute.format(after) + " (UTC+7)");
        JsonNode kept = api.get(null, uri, 200);
        assertThat(kept.get("website").isNull()).isTrue();
        assertThat(kept.get("department").asString()).isEqualTo("Sở Nội vụ");
        JsonNode staleRemoval = api.post(haTinh, uri + "/removal", Map.of("reason", "Thay bằng hệ thống mới.",
                "version", 0), 409);
        assertThat(staleRemoval.get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(api.get(null, uri, 200).get("removedAt").isNull()).isTrue();
    }

    @Test
    void aRemovedPlatformIsKeptWithItsHistoryButLeavesTheListAndTheOverlapCorpus() {
        String laiChau = accounts.token(Role.PROVINCE_EDITOR, "P-LAI-CHAU");
        String hue = accounts.token(Role.PROVINCE_EDITOR, "P-HUE");
        Map<String, Object> body = cemeteries(word());
        JsonNode saved = register(api, laiChau, "P-LAI-CHAU", body);
        String uri = API + "P-LAI-CHAU/local-platforms/" + saved.get("id").asString();
        assertThat(localMatches(hue, "P-HUE", body)).contains(saved.get("code").asString());

        JsonNode noReason = api.post(laiChau, uri + "/removal", Map.of("version", 0), 400);
        assertThat(noReason.get("errors").toString()).contains("reason");
        assertThat(api.get(null, uri, 200).get("removedAt").isNull()).as("a refused removal changes nothing").isTrue();

        JsonNode removed = api.post(laiChau, uri + "/removal",
                Map.of("reason", "Đã chuyển sang dùng hệ thống của Bộ Xây dựng.", "version", 0), 200);

        assertThat(removed.get("removalReason").asString()).isEqualTo("Đã chuyển sang dùng hệ thống của Bộ Xây dựng.");
        assertThat(removed.get("removedAt").isNull()).isFalse();
        assertThat(api.get(null, API + "P-LAI-CHAU/local-platforms", 200).toString())
                .doesNotContain(saved.get("id").asString());
        assertThat(api.get(null, uri, 200).get("nameVi").asString()).isEqualTo(body.get("nameVi"));
        JsonNode history = api.get(null, uri + "/history", 200);
        assertThat(history.get(history.size() - 1).get("cause").asString()).isEqualTo("removed");
        assertThat(history.get(history.size() - 1).get("note").asString()).contains("Bộ Xây dựng");
        assertThat(localMatches(hue, "P-HUE", body)).doesNotContain(saved.get("code").asString());
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.LOCAL_PLATFORM_REMOVED, null, "province:P-LAI-CHAU",
                null, null), 10, 0)).isNotEmpty();

        JsonNode again = api.put(laiChau, uri, with(body, "version", 1), 409);
        assertThat(again.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(again.get("detail").asString()).contains("removed");
    }

    @Test
    void theOverlapCheckComparesWithAChangedPlatformsNewTextNotItsOldOne() {
        String caoBang = accounts.token(Role.PROVINCE_EDITOR, "P-CAO-BANG");
        String hue = accounts.token(Role.PROVINCE_EDITOR, "P-HUE");
        Map<String, Object> before = cemeteries(word());
        Map<String, Object> after = streetTrees(word());
        JsonNode saved = register(api, caoBang, "P-CAO-BANG", before);
        String code = saved.get("code").asString();

        api.put(caoBang, API + "P-CAO-BANG/local-platforms/" + saved.get("id").asString(),
                with(after, "version", 0), 200);

        assertThat(localMatches(hue, "P-HUE", after)).contains(code);
        assertThat(localMatches(hue, "P-HUE", before)).doesNotContain(code);
    }

    @Test
    void anEditorOfAnotherProvinceCannotChangeOrRemoveItsPlatformsAndNothingChanges() throws Exception {
        String ngheAn = accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Map<String, Object> body = cemeteries(word());
        JsonNode saved = register(api, ngheAn, "P-NGHE-AN", body);
        String id = saved.get("id").asString();
        String uri = API + "P-NGHE-AN/local-platforms/" + id;

        api.put(hanoi, uri, with(body, "nameVi", "Đã bị sửa", "version", 0), 403);
        api.post(hanoi, uri + "/removal", Map.of("reason", "Giả mạo", "version", 0), 403);
        // naming its own province in the address does not reach another province's platform
        api.put(hanoi, API + "P-HA-NOI/local-platforms/" + id, with(body, "nameVi", "Đã bị sửa", "version", 0),
                404);
        api.post(hanoi, API + "P-HA-NOI/local-platforms/" + id + "/removal",
                Map.of("reason", "Giả mạo", "version", 0), 404);
        UserDetails hanoiEditor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        int forged = mvc.perform(post("/adoption/provinces/P-NGHE-AN/local-platforms/" + id).with(user(hanoiEditor))
                        .with(csrf()).param("version", "0").param("checked", "true").param("name_vi", "Đã bị sửa"))
                .andReturn().getResponse().getStatus();
        int forgedRemoval = mvc.perform(post("/adoption/provinces/P-HA-NOI/local-platforms/" + id + "/removal")
                        .with(user(hanoiEditor)).with(csrf()).param("version", "0").param("reason", "Giả mạo"))
                .andReturn().getResponse().getStatus();

        assertThat(forged).isEqualTo(403);
        assertThat(forgedRemoval).isEqualTo(404);
        JsonNode kept = api.get(null, uri, 200);
        assertThat(kept.get("nameVi").asString()).isEqualTo(body.get("nameVi"));
        assertThat(kept.get("version").asInt()).isZero();
        assertThat(kept.get("removedAt").isNull()).isTrue();
        assertThat(api.get(null, uri + "/history", 200)).hasSize(1);
    }

    @Test
    void aFormerProvincesPlatformRollsUpToItsSuccessorWhoseEditorsNowChangeOrRemoveItButRegisterNothingNewThere() {
        String admin = accounts.token(Role.ADMIN, null);
        String tuyenQuang = accounts.token(Role.PROVINCE_EDITOR, "P-TUYEN-QUANG-2025");
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Map<String, Object> body = cemeteries(word());
        JsonNode saved = register(api, admin, "P-HA-GIANG", body);
        String uri = API + "P-HA-GIANG/local-platforms/" + saved.get("id").asString();
        assertThat(api.get(null, API + "P-TUYEN-QUANG-2025/local-platforms", 200).toString())
                .contains(saved.get("id").asString());

        api.put(hanoi, uri, with(body, "status", "stopped", "version", 0), 403);
        assertThat(api.get(null, uri, 200).get("version").asInt()).isZero();

        api.put(tuyenQuang, uri, with(body, "status", "stopped", "version", 0), 200);
        assertThat(api.get(null, uri, 200).get("status").asString()).isEqualTo("stopped");
        api.post(tuyenQuang, uri + "/removal", Map.of("reason", "Tỉnh mới dùng hệ thống chung.", "version", 1),
                200);
        assertThat(api.get(null, uri, 200).get("removedAt").isNull()).isFalse();

        JsonNode notThere = api.post(tuyenQuang, API + "P-HA-GIANG/local-platforms", body, 409);
        assertThat(notThere.get("code").asString()).isEqualTo("PROVINCE_MERGED");
        assertThat(notThere.get("detail").asString()).contains("P-TUYEN-QUANG-2025");
    }

    @Test
    void badChangesAreRefusedNamingEachFieldAndChangeNothing() {
        String ngheAn = accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        Map<String, Object> body = cemeteries(word());
        JsonNode saved = register(api, ngheAn, "P-NGHE-AN", body);
        String uri = API + "P-NGHE-AN/local-platforms/" + saved.get("id").asString();

        JsonNode fields = api.put(ngheAn, uri, with(body, "nameVi", " ", "website", "nghiatrang.vn",
                "version", 0), 400);
        assertThat(fields.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(fields.get("errors").toString()).contains("nameVi").contains("website")
                .contains("is not an http(s) address");
        JsonNode status = api.put(ngheAn, uri, with(body, "status", "forever", "version", 0), 400);
        assertThat(status.get("errors").toString()).contains("status");
        JsonNode version = api.put(ngheAn, uri, body, 400);
        assertThat(version.get("errors").toString()).contains("version").contains("the version you read");
        JsonNode future = api.put(ngheAn, uri, with(body, "version", 7), 400);
        assertThat(future.get("errors").toString()).contains("version").contains("is at version 0");
        assertThat(api.post(ngheAn, uri + "/removal", Map.of("reason", "Thử", "version", 7), 400)
                .get("code").asString()).isEqualTo("INVALID_PARAMETER");
        api.put(ngheAn, API + "P-NGHE-AN/local-platforms/" + UUID.randomUUID(), with(body, "version", 0), 404);

        assertThat(api.get(null, uri, 200).get("version").asInt()).isZero();
        assertThat(api.get(null, uri + "/history", 200)).hasSize(1);
    }

    @Test
    void theProvincePageShowsChangeAndRemovalOnlyToThoseWhoMayAndThePlatformPageEscapesWhatWasEntered()
            throws Exception {
        String ngheAn = accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        Map<String, Object> body = with(cemeteries(word()), "description", "<script>alert('x')</script> & mộ");
        String id = register(api, ngheAn, "P-NGHE-AN", body).get("id").asString();
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        UserDetails other = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        String editLink = "/adoption/provinces/P-NGHE-AN/local-platforms/" + id + "/edit";

        String asEditor = mvc.perform(get("/adoption/provinces/P-NGHE-AN").with(user(editor))).andReturn()
                .getResponse().getContentAsString();
        String asOther = mvc.perform(get("/adoption/provinces/P-NGHE-AN").with(user(other))).andReturn()
                .getResponse().getContentAsString();
        String asVisitor = mvc.perform(get("/adoption/provinces/P-NGHE-AN")).andReturn().getResponse()
                .getContentAsString();
        assertThat(asEditor).contains(editLink).contains("Gỡ khỏi danh sách");
        assertThat(asOther).contains("local-heading").contains(id).doesNotContain(editLink);
        assertThat(asVisitor).contains("local-heading").contains(id).doesNotContain(editLink);

        String page = mvc.perform(get("/adoption/provinces/P-NGHE-AN/local-platforms/" + id)).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mộ")
                .doesNotContain("<script>alert").contains("Lịch sử thay đổi").contains("Đăng ký")
                .doesNotContain(editLink);
        String english = mvc.perform(get("/adoption/provinces/P-NGHE-AN/local-platforms/" + id).param("lang", "en")
                        .with(user(editor))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("History").contains("Registered").contains(editLink);
    }

    @Test
    void thePlatformPageShowsEachRevisionNewestFirstWithWhyWhoTheVersionTheNoteAndEachFieldInBothLanguages()
            throws Exception {
        String ngheAn = accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN");
        Map<String, Object> body = cemeteries(word());
        String id = register(api, ngheAn, "P-NGHE-AN", body).get("id").asString();
        String uri = API + "P-NGHE-AN/local-platforms/" + id;
        api.put(ngheAn, uri, with(body, "status", "stopped", "version", 0), 200);
        api.post(ngheAn, uri + "/removal", Map.of("reason", "Đã chuyển sang hệ thống dùng chung.", "version", 1), 200);
        String actor = api.get(null, uri + "/history", 200).get(0).get("actor").asString();
        String shown = TestAccounts.shownName(actor); // the API keeps the username, pages the person

        List<Element> vietnamese = revisionPanels(id, "vi");
        assertThat(vietnamese).extracting(r -> r.getAttributeValue("data-version") + " "
                + r.getAttributeValue("data-cause")).containsExactly("2 removed", "1 changed", "0 registered");
        Element removal = vietnamese.getFirst();
        assertThat(HtmlPage.texts(removal, "h3").getFirst()).endsWith(" — Gỡ khỏi danh sách");
        assertThat(HtmlPage.texts(removal, "p")).containsExactly("Người thực hiện: " + shown
                + "; Phiên bản 3/3 — Đã chuyển sang hệ thống dùng chung.");
        assertThat(HtmlPage.elements(removal, "table")).as("a removal changes no field").isEmpty();
        Element change = vietnamese.get(1);
        assertThat(HtmlPage.texts(change, "h3").getFirst())
                .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} — Sửa đổi");
        assertThat(HtmlPage.texts(change, "p")).containsExactly("Người thực hiện: " + shown + "; Phiên bản 2/3");
        assertThat(HtmlPage.texts(change, "th")).containsExactly("Trường", "Trước", "Sau");
        assertThat(HtmlPage.texts(change, "td")).containsExactly("Trạng thái", "Đang sử dụng", "Đã dừng");
        assertThat(mvc.perform(get("/adoption/provinces/P-NGHE-AN/local-platforms/" + id)).andReturn().getResponse()
                .getContentAsString()).contains("Đăng ký bởi " + shown, "Cập nhật lần cuối bởi " + shown);

        List<Element> english = revisionPanels(id, "en");
        assertThat(HtmlPage.texts(english.getFirst(), "h3").getFirst()).endsWith(" — Removed from the register");
        change = english.get(1);
        assertThat(HtmlPage.texts(change, "h3").getFirst())
                .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} — Changed");
        assertThat(HtmlPage.texts(change, "p")).containsExactly("By: " + shown + "; Version 2 of 3");
        assertThat(HtmlPage.texts(change, "th")).containsExactly("Field", "Before", "After");
        assertThat(HtmlPage.texts(change, "td")).containsExactly("Status", "In use", "Stopped");
    }

    /** The revision panels of a local platform's page in Nghệ An in {@code lang}, as listed (newest first). */
    List<Element> revisionPanels(String id, String lang) throws Exception {
        String html = mvc.perform(get("/adoption/provinces/P-NGHE-AN/local-platforms/" + id).param("lang", lang))
                .andReturn().getResponse().getContentAsString();
        return HtmlPage.parse(html).elementsOfClass("article", "revision");
    }

    @Test
    void onThePagesAStaleEditAndARemovalWithoutAReasonAreExplainedAndChangeNothing() throws Exception {
        String haTinh = accounts.token(Role.PROVINCE_EDITOR, "P-HA-TINH");
        Map<String, Object> body = cemeteries(word());
        String id = register(api, haTinh, "P-HA-TINH", body).get("id").asString();
        String uri = API + "P-HA-TINH/local-platforms/" + id;
        api.put(haTinh, uri, with(body, "department", "Sở Nội vụ", "version", 0), 200);
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-TINH");

        String stale = mvc.perform(post("/adoption/provinces/P-HA-TINH/local-platforms/" + id).with(user(editor))
                        .with(csrf()).param("version", "0").param("checked", "true")
                        .param("name_vi", (String) body.get("nameVi")).param("department", "Sở Tài chính"))
                .andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Người khác vừa lưu một thay đổi trong lúc bạn sửa").contains("Sở Nội vụ")
                .contains("name=\"version\" value=\"1\"").contains("value=\"Sở Tài chính\"");
        assertThat(stale).as("said once, and the change named by the local form's label")
                .containsOnlyOnce("Người khác vừa")
                .containsPattern("Đơn vị phụ trách: [^<]+ đã đổi từ “Sở Xây dựng” thành “Sở Nội vụ” lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\.")
                .doesNotContain("changed from")
                .doesNotContain("<code>department</code>");
        assertThat(api.get(null, uri, 200).get("department").asString()).isEqualTo("Sở Nội vụ");

        String noReason = mvc.perform(post("/adoption/provinces/P-HA-TINH/local-platforms/" + id + "/removal")
                        .with(user(editor)).with(csrf()).param("version", "1").param("reason", " "))
                .andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("problems").contains("Lý do: bắt buộc khi vẫn lưu một nền tảng trùng hoặc chồng lấn"
                + " với nền tảng số quốc gia, và khi gỡ một nền tảng khỏi danh sách của tỉnh");
        assertThat(api.get(null, uri, 200).get("removedAt").isNull()).isTrue();

        String saved = mvc.perform(post("/adoption/provinces/P-HA-TINH/local-platforms/" + id).with(user(editor))
                        .with(csrf()).param("version", "1").param("checked", "true")
                        .param("name_vi", (String) body.get("nameVi")).param("department", "Sở Tài chính"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo("/adoption/provinces/P-HA-TINH/local-platforms/" + id + "?changed");
        assertThat(api.get(null, uri, 200).get("department").asString()).isEqualTo("Sở Tài chính");

        String again = mvc.perform(post("/adoption/provinces/P-HA-TINH/local-platforms/" + id).with(user(editor))
                        .with(csrf()).param("version", "2").param("checked", "true")
                        .param("name_vi", (String) body.get("nameVi")).param("department", "Sở Tài chính"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(again).as("the same form again changes nothing and says so")
                .isEqualTo("/adoption/provinces/P-HA-TINH/local-platforms/" + id + "?unchanged");
        assertThat(api.get(null, uri, 200).get("version").asInt()).isEqualTo(2);
        assertThat(mvc.perform(get(again).with(user(editor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("Không có trường nào thay đổi, nên chưa lưu gì.");
    }

    @Test
    void similarPlatformsOfOtherProvincesAreNamedByTheirProvinceAndLinkedApartFromTheNationalOnesToConfirm()
            throws Exception {
        String word = word();
        Map<String, Object> lgsp = new LinkedHashMap<>();
        lgsp.put("nameVi", "Nền tảng tích hợp, chia sẻ dữ liệu thành phố (LGSP) " + word);
        lgsp.put("description", "Tích hợp, chia sẻ dữ liệu giữa các hệ thống thông tin của thành phố, kết nối trục"
                + " NDXP quốc gia " + word + ".");
        List<String> functions = List.of("Tích hợp, chia sẻ dữ liệu", "Kết nối các cơ sở dữ liệu " + word);
        lgsp.put("functions", functions);
        lgsp.put("category", "government");
        lgsp.put("saveAnyway", true);
        lgsp.put("reason", "Thành phố cần LGSP riêng.");
        String hcmc = register(api, accounts.token(Role.PROVINCE_EDITOR, "P-HO-CHI-MINH-2025"), "P-HO-CHI-MINH-2025", lgsp)
                .get("id").asString();
        String hcmcPage = "/adoption/provinces/P-HO-CHI-MINH-2025/local-platforms/" + hcmc;

        HtmlPage form = HtmlPage.parse(mvc.perform(post("/adoption/provinces/P-HA-NOI/local-platforms")
                        .with(user(accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI"))).with(csrf())
                        .param("name_vi", (String) lgsp.get("nameVi")).param("description", (String) lgsp.get("description"))
                        .param("functions", String.join("\n", functions))
                        .param("category", "government"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        Element warning = form.elementsOfClass("section", "overlap-warning").getFirst();
        assertThat(HtmlPage.texts(warning, "h2")).containsExactly("Nền tảng này trùng hoặc chồng lấn với nền tảng số"
                + " quốc gia");
        assertThat(HtmlPage.texts(warning, "h3")).containsExactly("Địa phương khác đã có nền tảng tương tự");
        assertThat(HtmlPage.elements(warning, "li")).filteredOn(li -> !li.getAttributeValue("class").contains("local"))
                .isNotEmpty().allSatisfy(li -> assertThat(li.hasAttribute("data-platform")).isTrue());
        List<Element> local = HtmlPage.elements(warning, "li").stream()
                .filter(li -> li.getAttributeValue("class").contains("local")).toList();
        assertThat(local).allSatisfy(li -> assertThat(HtmlPage.text(li)).doesNotContainPattern("\\(.*P-[A-Z-]+"));
        assertThat(local).filteredOn(li -> hcmcPage.equals(HtmlPage.elements(li, "a").getFirst()
                        .getAttributeValue("href")))
                .singleElement().satisfies(li -> assertThat(HtmlPage.text(li))
                        .contains("Nền tảng địa phương — Thành phố Hồ Chí Minh"));

        HtmlPage overlap = HtmlPage.parse(mvc.perform(get("/overlap").param("name", (String) lgsp.get("nameVi")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(overlap.elementsOfClass("li", "platform-card")).filteredOn(card -> HtmlPage.elements(card, "a")
                        .stream().anyMatch(a -> hcmcPage.equals(a.getAttributeValue("href"))))
                .singleElement().satisfies(card -> assertThat(HtmlPage.text(card))
                        .contains("Nền tảng địa phương", "Thành phố Hồ Chí Minh").doesNotContain("LOCAL-"));
    }

    @Test
    void anEnglishProvincePageNamesLocalPlatformsInEnglishWhereTheyHaveANameAndMarksVietnameseTextAsSuch()
            throws Exception {
        String dienBien = accounts.token(Role.PROVINCE_EDITOR, "P-DIEN-BIEN");
        String w = word();
        String vietnameseOnly = register(api, dienBien, "P-DIEN-BIEN", cemeteries(w)).get("id").asString();
        String named = register(api, dienBien, "P-DIEN-BIEN", with(streetTrees(w), "nameEn",
                "Urban tree register " + w)).get("id").asString();
        api.put(dienBien, "/api/v1/adoption/provinces/P-DIEN-BIEN/plan", Map.of("year", 2028, "documentKind", "none",
                "target", "Phủ sóng toàn tỉnh " + w, "platforms", List.of(Map.of("platform", "VNEID", "status",
                        "deploying", "department", "Sở Khoa học và Công nghệ", "person", "Nguyễn Thị Hoa", "target", "100% xã kết nối " + w,
                        "progress", "Đã kết nối 80% xã, phường"))), 200);

        HtmlPage english = HtmlPage.parse(mvc.perform(get("/adoption/provinces/P-DIEN-BIEN").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element own = english.elements("tr").stream().filter(tr -> vietnameseOnly.equals(tr.getAttributeValue(
                "data-local-platform"))).findFirst().orElseThrow();
        Element link = HtmlPage.elements(own, "a").getFirst();
        assertThat(HtmlPage.text(link)).isEqualTo("Hệ thống quản lý nghĩa trang " + w);
        assertThat(link.getAttributeValue("lang")).as("a name with no English one is marked").isEqualTo("vi");
        assertThat(HtmlPage.elements(own, "td").get(1).getAttributeValue("lang")).as("its department").isEqualTo("vi");
        Element other = english.elements("tr").stream().filter(tr -> named.equals(tr.getAttributeValue(
                "data-local-platform"))).findFirst().orElseThrow();
        assertThat(HtmlPage.text(HtmlPage.elements(other, "a").getFirst())).isEqualTo("Urban tree register " + w);
        assertThat(HtmlPage.elements(other, "a").getFirst().hasAttribute("lang")).isFalse();

        Element plan = english.elements("article").stream().filter(a -> "2028".equals(a.getAttributeValue(
                "data-year"))).findFirst().orElseThrow();
        assertThat(vietnameseTexts(plan)).contains("Phủ sóng toàn tỉnh " + w, "Sở Khoa học và Công nghệ",
                "100% xã kết nối " + w, "Đã kết nối 80% xã, phường");
        Element row = HtmlPage.elements(plan, "tr").stream().filter(tr -> "VNEID".equals(tr.getAttributeValue(
                "data-platform"))).findFirst().orElseThrow();
        assertThat(HtmlPage.elements(row, "a").getFirst().hasAttribute("lang")).as("the catalogue's English name")
                .isFalse();
        assertThat(HtmlPage.text(HtmlPage.elements(row, "a").getFirst())).startsWith("Electronic identification");

        HtmlPage page = HtmlPage.parse(mvc.perform(get("/adoption/provinces/P-DIEN-BIEN/local-platforms/"
                + vietnameseOnly).param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(vietnameseTexts(page.byId("main"))).contains("Hệ thống quản lý nghĩa trang " + w, "Sở Xây dựng",
                "Đăng ký an táng " + w)
                .anySatisfy(t -> assertThat(t).startsWith("Quản lý phần mộ"));
        HtmlPage vietnamese = HtmlPage.parse(mvc.perform(get("/adoption/provinces/P-DIEN-BIEN/local-platforms/"
                + vietnameseOnly)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vietnameseTexts(vietnamese.byId("main"))).as("a Vietnamese page marks nothing").isEmpty();
    }

    /** The texts of the elements inside {@code container} marked lang="vi". */
    static List<String> vietnameseTexts(org.attoparser.dom.INestableNode container) {
        List<String> texts = new java.util.ArrayList<>();
        collect(container, texts);
        return texts;
    }

    private static void collect(org.attoparser.dom.INestableNode node, List<String> texts) {
        for (org.attoparser.dom.INode child : node.getChildren()) {
            if (child instanceof Element e) {
                if ("vi".equals(e.getAttributeValue("lang"))) {
                    texts.add(HtmlPage.text(e));
                }
                collect(e, texts);
            }
        }
    }
}
