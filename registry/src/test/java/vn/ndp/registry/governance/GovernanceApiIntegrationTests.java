package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.registry.governance.GovernanceApiFixtures.evaluation;
import static vn.ndp.registry.governance.GovernanceApiFixtures.fields;
import static vn.ndp.registry.governance.GovernanceApiFixtures.newCode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.VietnamTime;

/**
 * The governance workflow through the JSON API, as the people who use it:
 * a Finance ministry editor, a Health ministry editor, a province editor and a
 * reviewer of the national authority, each with their own API token.
 */
@RegistryIntegrationTest
class GovernanceApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    AuditLog audit;

    GovernanceApiFixtures governance;
    String finance;
    String health;
    String province;
    String reviewer;

    @BeforeEach
    void tokens() {
        governance = new GovernanceApiFixtures(api, accounts);
        finance = governance.finance;
        health = accounts.token(Role.MINISTRY_EDITOR, "BYT");
        province = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        reviewer = governance.reviewer;
    }

    JsonNode draft(String token, String code, Map<String, String> fields) {
        return api.post(token, "/api/v1/proposals", Map.of("code", code, "fields", fields), 201);
    }

    @Test
    void editorProposesReviewerEvaluatesAndRecognisesAndThePlatformIsListedAndSearchable() {
        String code = newCode();
        JsonNode p = draft(finance, code, fields("Nền tảng học liệu số " + code));
        String id = p.get("id").asString();
        assertThat(p.get("status").asString()).isEqualTo("draft");
        assertThat(p.get("agencyCode").asString()).isEqualTo("BTC");

        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource(EvidenceDocumentsTests.pdf()) {
            @Override
            public String getFilename() {
                return "Thuyết minh.pdf";
            }
        });
        p = client.post().uri("/api/v1/proposals/" + id + "/documents?version=" + p.get("version").asInt())
                .header("Authorization", "Bearer " + finance).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(upload).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(p.get("documents").get(0).get("contentType").asString()).isEqualTo("application/pdf");
        String documentHref = p.get("documents").get(0).get("href").asString();

        p = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", p.get("version").asInt()), 200);
        assertThat(p.get("status").asString()).isEqualTo("submitted");
        assertThat(api.get(reviewer, "/api/v1/proposals", 200).findValuesAsString("code")).contains(code);

        client.get().uri(documentHref).header("Authorization", "Bearer " + reviewer).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");

        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation", evaluation(p.get("version").asInt()), 200);
        assertThat(p.get("status").asString()).isEqualTo("under_evaluation");
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", p.get("version").asInt(),
                "decision", "recognise", "decisionNumber", "2618/QĐ-BKHCN", "decisionDate", "2026-01-05"), 200);
        assertThat(p.get("status").asString()).isEqualTo("recognised");
        assertThat(p.get("decision").get("issuer").asString()).isEqualTo("Bộ Khoa học và Công nghệ");

        JsonNode platform = api.get(null, "/api/v1/platforms/" + code, 200);
        assertThat(platform.toString()).contains("recognised", "2618/QĐ-BKHCN", "BTC");
        JsonNode search = api.get(null, "/api/v1/platforms?q=hoc lieu so " + code.toLowerCase(Locale.ROOT), 200);
        assertThat(search.get("items").get(0).get("code").asString()).isEqualTo(code);

        JsonNode history = api.get(null, "/api/v1/platforms/" + code + "/history", 200);
        assertThat(history.get("revisions").get(0).get("cause").asString()).isEqualTo("recognised");
        assertThat(history.get("changedSinceRecognition")).isEmpty();
    }

    @Test
    void everyTransitionLeavesItsAuditEvent() {
        String code = newCode();
        JsonNode p = draft(finance, code, fields("Nền tảng nhật ký " + code));
        String id = p.get("id").asString();
        p = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 0), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/return",
                Map.of("version", 1, "reason", "Bổ sung hồ sơ"),
                200);
        assertThat(p.get("status").asString()).isEqualTo("returned");
        p = api.put(finance, "/api/v1/proposals/" + id,
                Map.of("version", 2, "fields", fields("Nền tảng nhật ký đã sửa " + code)), 200);
        p = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 3), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation", evaluation(4), 200);
        api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", 5, "decision",
                "recognise_as_potential", "decisionNumber", "9/QĐ-BKHCN", "decisionDate", "2026-01-06"), 200);
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 0, "action", "suspend",
                "reason", "Chưa bảo đảm an toàn", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 1, "action", "reinstate",
                "reason", "Đã khắc phục", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);
        Map<String, Object> keep = new LinkedHashMap<>(Map.of("version", 2, "action", "keep"));
        keep.put("evaluation", evaluation(0));
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", keep, 200);
        api.post(reviewer, "/api/v1/platforms/" + code + "/standing", Map.of("version", 3, "action", "revoke",
                "reason", "Ngừng vận hành", "legalBasis", "Quyết định 1230/QĐ-BTTTT"), 200);

        List<AuditEvent> proposalEvents = events("proposal:" + code);
        assertThat(proposalEvents).containsExactly(AuditEvent.PROPOSAL_DRAFTED, AuditEvent.PROPOSAL_SUBMITTED,
                AuditEvent.PROPOSAL_RETURNED, AuditEvent.PROPOSAL_EDITED, AuditEvent.PROPOSAL_SUBMITTED,
                AuditEvent.EVALUATION_RECORDED);
        assertThat(events("platform:" + code)).containsExactly(AuditEvent.PLATFORM_RECOGNISED_AS_POTENTIAL,
                AuditEvent.PLATFORM_SUSPENDED, AuditEvent.PLATFORM_REINSTATED, AuditEvent.REEVALUATION_COMPLETED,
                AuditEvent.PLATFORM_REVOKED);
        JsonNode history = api.get(null, "/api/v1/platforms/" + code + "/history", 200);
        assertThat(history.get("revisions").findValuesAsString("cause"))
                .containsExactly("revoked", "reevaluated", "reinstated", "suspended", "recognised");
    }

    @Test
    void theAgencysNoticeOfARejectionNamesTheProposedPlatformByItsNameWithItsCodeAndSaysWhy() {
        String code = newCode();
        String home = accounts.token(Role.MINISTRY_EDITOR, "BNV");
        JsonNode p = draft(home, code, fields("Hệ thống bị từ chối " + code));
        String id = p.get("id").asString();
        p = api.post(home, "/api/v1/proposals/" + id + "/submit", Map.of("version", 0), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation", evaluation(p.get("version").asInt()), 200);
        api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", p.get("version").asInt(),
                "decision", "reject", "reason", "Không đáp ứng tiêu chí"), 200);

        JsonNode notices = api.get(home, "/api/v1/notifications", 200).get("items");
        assertThat(notices.findValuesAsString("bodyVi"))
                .contains("Nền tảng Hệ thống bị từ chối " + code + " (" + code + ") không được công nhận."
                        + " Lý do: Không đáp ứng tiêu chí");
        assertThat(notices.findValuesAsString("bodyEn"))
                .as("a name that says it is a platform is not called one twice")
                .contains("The Test platform (" + code + ") has not been recognised."
                        + " Reason: Không đáp ứng tiêu chí");
    }

    @Test
    void aProposalIsAnsweredWithTheMomentsEveryLaterReadShows() {
        JsonNode drafted = draft(finance, newCode(), fields("Hệ thống thời điểm"));
        String id = drafted.get("id").asString();
        JsonNode submitted = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 0), 200);

        JsonNode read = api.get(finance, "/api/v1/proposals/" + id, 200);
        assertThat(drafted.get("createdAt").asString()).as("UTC, to the microsecond, as stored")
                .isEqualTo(read.get("createdAt").asString()).endsWith("Z");
        assertThat(submitted.get("submittedAt").asString()).isEqualTo(read.get("submittedAt").asString());
        assertThat(submitted.get("updatedAt").asString()).isEqualTo(read.get("updatedAt").asString());
    }

    @Test
    void aDraftWithNoFieldYetIsReadListedAndWithdrawn() {
        JsonNode p = api.post(finance, "/api/v1/proposals", Map.of("code", newCode(), "fields", Map.of()), 201);
        String id = p.get("id").asString();
        assertThat(api.get(finance, "/api/v1/proposals/" + id, 200).get("id").asString()).isEqualTo(id);
        assertThat(ApiCalls.ids(api.page(finance, "/api/v1/proposals?size=100"))).contains(id);
        api.post(finance, "/api/v1/proposals/" + id + "/withdraw", Map.of("version", p.get("version").asInt()), 200);
    }

    @Test
    void aBodyThatIsNotJsonOrDoesNotFitIsAProblemSayingWhere() {
        JsonNode broken = api.post(finance, "/api/v1/proposals", "{\"code\": ", 400);
        assertThat(broken.get("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(broken.get("detail").asString()).startsWith("The body is not valid JSON (line 1, column");

        JsonNode wrong = api.post(finance, "/api/v1/proposals", "{\"code\": \"X-1\", \"fields\": [\"name\"]}", 400);
        assertThat(wrong.get("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("fields");
        assertThat(wrong.get("detail").asString()).isEqualTo("fields: must be an object.").doesNotContain("java", "tools.");
    }

    @Test
    void aProposedCodeAlreadyListedIsRefusedNamingThePlatform() {
        JsonNode problem = api.post(health, "/api/v1/proposals", Map.of("code", "SSKDT", "fields",
                fields("Sổ sức khỏe mới")), 400);
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("code");
            assertThat(error.get("message").asString()).contains("Sổ sức khỏe điện tử");
        });
    }

    @Test
    void aSecurityDossierCannotBeApprovedOnADayStillToCome() {
        String code = newCode();
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Map<String, String> ahead = new LinkedHashMap<>(fields("Nền tảng kiểm thử " + code));
        ahead.put("security_dossier_date", today.plusDays(1).toString());
        JsonNode problem = api.post(finance, "/api/v1/proposals", Map.of("code", code, "fields", ahead), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("security_dossier_date");
        assertThat(problem.get("errors").findValuesAsString("message")).singleElement().asString()
                .contains("must not be after today");

        ahead.put("security_dossier_date", today.toString());
        draft(finance, code, ahead);

        String listed = governance.recognised();
        JsonNode refused = api.post(finance, "/api/v1/platforms/" + listed + "/changes", Map.of("version", 0,
                "fields", Map.of("security_dossier_date", today.plusDays(1).toString())), 400);
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("security_dossier_date");
    }

    @Test
    void aRecognitionDecisionCannotBeDatedAfterToday() {
        String code = newCode();
        JsonNode p = draft(finance, code, fields("Nền tảng kiểm thử " + code));
        String id = p.get("id").asString();
        p = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", p.get("version").asInt()), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation", evaluation(p.get("version").asInt()), 200);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        JsonNode problem = api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version",
                p.get("version").asInt(), "decision", "recognise", "decisionNumber", "7/QĐ-BKHCN",
                "decisionDate", today.plusDays(1).toString()), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("decision_date");
        api.get(null, "/api/v1/platforms/" + code, 404);

        api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", p.get("version").asInt(),
                "decision", "recognise", "decisionNumber", "7/QĐ-BKHCN", "decisionDate", today.toString()), 200);
        api.get(null, "/api/v1/platforms/" + code, 200);
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        String code = newCode();
        JsonNode p = draft(finance, code, fields("Nền tảng " + code));
        String id = p.get("id").asString();
        JsonNode problem = api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", 0, "decision",
                "recognise", "decisionNumber", "1/QĐ", "decisionDate", "2026-01-05"), 409);
        assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 0), 200);
        problem = api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", 1, "decision",
                "recognise", "decisionNumber", "1/QĐ", "decisionDate", "2026-01-05"), 409);
        assertThat(problem.get("detail").asString()).contains("needs a recorded evaluation first");
        api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 1), 409);
        assertThat(api.get(finance, "/api/v1/proposals/" + id, 200).get("status").asString()).isEqualTo("submitted");
        api.get(null, "/api/v1/platforms/" + code, 404);

        String listed = governance.recognised();
        JsonNode refused = api.post(reviewer, "/api/v1/platforms/" + listed + "/standing", Map.of("version", 0,
                "action", "reinstate", "reason", "x", "legalBasis", "y"), 409);
        assertThat(refused.get("detail").asString()).contains("allowed only from [suspended]");
    }

    @Test
    void aFinanceEditorCannotActOnAHealthProposalByChangingTheId() {
        String code = newCode();
        JsonNode p = draft(health, code, fields("Nền tảng y tế " + code));
        String id = p.get("id").asString();
        JsonNode problem = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", 0), 403);
        assertThat(problem.get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        api.get(finance, "/api/v1/proposals/" + id, 403);
        api.put(finance, "/api/v1/proposals/" + id, Map.of("version", 0, "fields", fields("Đã bị sửa")), 403);
        assertThat(api.get(finance, "/api/v1/proposals", 200).findValuesAsString("code")).doesNotContain(code);
        JsonNode unchanged = api.get(health, "/api/v1/proposals/" + id, 200);
        assertThat(unchanged.get("status").asString()).isEqualTo("draft");
        assertThat(unchanged.get("fields").get("name_vi").asString()).isEqualTo("Nền tảng y tế " + code);
        assertThat(unchanged.get("version").asInt()).isZero();
    }

    @Test
    void aFinanceEditorCannotChangeAHealthPlatformAndAProvinceEditorCannotPropose() {
        int version = api.get(null, "/api/v1/platforms/SSKDT", 200).get("version").asInt();
        api.post(finance, "/api/v1/platforms/SSKDT/changes", Map.of("version", version, "fields",
                Map.of("operator_phone", "0243 000 000")), 403);
        assertThat(api.get(null, "/api/v1/platforms/SSKDT", 200).get("version").asInt()).isEqualTo(version);
        api.post(province, "/api/v1/proposals", Map.of("code", newCode(), "fields", fields("Đề xuất của tỉnh")),
                403);
        api.post(finance, "/api/v1/proposals/" + UUID.randomUUID() + "/evaluation", evaluation(0), 403);
    }

    @Test
    void contactChangesApplyAtOnceAndRecognitionFieldsWaitForReview() {
        String code = governance.recognised();
        JsonNode outcome = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("operator_phone", "024 3943 0000", "security_level", "4"), "reason", "Nâng cấp"), 200);
        assertThat(outcome.get("applied").findValuesAsString("field")).containsExactly("operator_phone");
        assertThat(outcome.get("pending").get("changes").findValuesAsString("field")).containsExactly("security_level");
        JsonNode platform = api.get(null, "/api/v1/platforms/" + code, 200);
        assertThat(platform.toString()).contains("024 3943 0000");
        assertThat(platform.toString()).doesNotContain("\"securityLevel\":4");

        String change = outcome.get("pending").get("id").asString();
        api.post(finance, "/api/v1/changes/" + change + "/decision", Map.of("version", 0, "action", "approve"), 403);
        JsonNode approved = api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 0,
                "action", "approve", "note", "Đồng ý"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 1, "action", "decline",
                "note", "x"), 409);

        JsonNode history = api.get(null, "/api/v1/platforms/" + code + "/history", 200);
        assertThat(history.get("changedSinceRecognition").findValuesAsString("field"))
                .containsExactlyInAnyOrder("operator_phone", "security_level");
        assertThat(events("platform:" + code)).contains(AuditEvent.PLATFORM_CHANGED, AuditEvent.CHANGE_REQUESTED,
                AuditEvent.CHANGE_APPROVED);
    }

    @Test
    void aChangeRequestIdenticalToAPendingOneIsAConflictNamingIt() {
        String code = governance.recognised();
        Map<String, Object> body = Map.of("version", 0, "fields", Map.of("security_level", "4"), "reason", "Nâng cấp");
        String pending = api.post(finance, "/api/v1/platforms/" + code + "/changes", body, 200).get("pending")
                .get("id").asString();

        JsonNode problem = api.post(finance, "/api/v1/platforms/" + code + "/changes", body, 409);
        assertThat(problem.get("code").asString()).isEqualTo("CHANGE_REQUEST_PENDING");
        assertThat(problem.get("detail").asString()).contains(pending);
    }

    @Test
    void aVersionThePlatformHasNotReachedIsAnInvalidParameterNotAConflictAndChangesNothing() {
        String code = governance.recognised();
        JsonNode problem = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 7, "fields",
                Map.of("operator_email", "ahead@example.gov.vn")), 400);

        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("is 7, but Platform " + code + " is at version 0: send the version you read.");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).toString())
                .doesNotContain("ahead@example.gov.vn");
    }

    @Test
    void theSecondOfTwoWritersGetsAConflictNamingWhatChangedInBetween() {
        String code = governance.recognised();
        api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("operator_email", "first@example.gov.vn")), 200);
        JsonNode problem = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("operator_email", "second@example.gov.vn")), 409);
        assertThat(problem.get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("operator_email");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("first@example.gov.vn");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).toString()).contains("first@example.gov.vn")
                .doesNotContain("second@example.gov.vn");

        JsonNode p = draft(finance, newCode(), fields("Hai người sửa"));
        String id = p.get("id").asString();
        api.put(finance, "/api/v1/proposals/" + id, Map.of("version", 0, "fields", fields("Người thứ nhất")),
                200);
        api.put(finance, "/api/v1/proposals/" + id, Map.of("version", 0, "fields", fields("Người thứ hai")),
                409);
        assertThat(api.get(finance, "/api/v1/proposals/" + id, 200).get("fields").get("name_vi").asString())
                .isEqualTo("Người thứ nhất");
    }

    @Test
    void badUploadsAreRefusedAndNothingIsAttached() {
        JsonNode p = draft(finance, newCode(), fields("Tải tệp"));
        String id = p.get("id").asString();
        for (var bad : List.of(Map.entry("virus.pdf", new byte[] {'M', 'Z', 0, 0}),
                Map.entry("script.html", "<script>alert(1)</script>".getBytes()),
                Map.entry("big.pdf", big()))) {
            MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
            upload.add("file", new ByteArrayResource(bad.getValue()) {
                @Override
                public String getFilename() {
                    return bad.getKey();
                }
            });
            JsonNode problem = client.post().uri("/api/v1/proposals/" + id + "/documents?version=0")
                    .header("Authorization", "Bearer " + finance).contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(upload).exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            assertThat(problem.get("code").asString()).as(bad.getKey()).isEqualTo("DOCUMENT_REJECTED");
        }
        JsonNode unchanged = api.get(finance, "/api/v1/proposals/" + id, 200);
        assertThat(unchanged.get("documents")).isEmpty();
        assertThat(unchanged.get("version").asInt()).isZero();
    }

    @Test
    void markupInEveryTextFieldIsStoredAsTyped() {
        String script = "<script>alert('x')</script><b>đậm</b>";
        Map<String, String> fields = fields(script);
        for (String text : List.of("name_en", "description_vi", "description_en", "operator_name",
                "operator_contact", "developer", "tags")) {
            fields.put(text, script);
        }
        JsonNode p = draft(finance, newCode(), fields);
        assertThat(p.get("fields").get("name_vi").asString()).isEqualTo(script);
        assertThat(p.get("fields").get("developer").asString()).isEqualTo(script);
    }

    @Test
    void invalidFieldsAreNamedOneByOne() {
        Map<String, String> fields = fields("Sai");
        fields.put("category", "cloud");
        fields.put("security_level", "9");
        fields.put("website", "javascript:alert(1)");
        fields.put("owner", "BYT");
        fields.put("colour", "red");
        JsonNode problem = api.post(finance, "/api/v1/proposals", Map.of("code", "bad code!", "fields", fields), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).contains("colour");
        problem = api.post(finance, "/api/v1/proposals", Map.of("code", "bad code!", "fields",
                new LinkedHashMap<>(Map.of("category", "cloud", "security_level", "9", "website",
                        "javascript:alert(1)", "owner", "BYT"))), 400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("code", "category", "security_level", "website", "owner");
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};

    /** A change request as multipart: the JSON part 'change' and a part 'files' per document. */
    JsonNode changeWithEvidence(String token, String code, Map<String, Object> change, Map<String, byte[]> files,
            int status) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("change", new HttpEntity<>(change, json));
        files.forEach((name, content) -> body.add("files", file(name, content)));
        return client.post().uri("/api/v1/platforms/" + code + "/changes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode attachToChange(String token, String change, int version, String name, byte[] content, int status) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", file(name, content));
        return client.post().uri("/api/v1/changes/" + change + "/documents?version=" + version)
                .header("Authorization", "Bearer " + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    JsonNode changeRequest(String token, String code, String change) {
        for (JsonNode c : api.get(token, "/api/v1/platforms/" + code + "/changes", 200)) {
            if (c.get("id").asString().equals(change)) {
                return c;
            }
        }
        throw new AssertionError("change request " + change + " is not listed for " + code);
    }

    @Test
    void anEditorGivesEvidenceWithAChangeAddsMoreWhilePendingAndTheReviewerDownloadsItBeforeDeciding() {
        String code = governance.recognised();
        JsonNode outcome = changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("security_level",
                "4", "operator_phone", "024 3943 1111"), "reason", "Hồ sơ cấp độ 4 đã được phê duyệt"),
                Map.of("Quyết định phê duyệt HSĐX cấp độ 4.pdf", EvidenceDocumentsTests.pdf()), 200);
        assertThat(outcome.get("applied").findValuesAsString("field")).containsExactly("operator_phone");
        JsonNode pending = outcome.get("pending");
        String change = pending.get("id").asString();
        assertThat(pending.get("documents").findValuesAsString("fileName"))
                .containsExactly("Quyết định phê duyệt HSĐX cấp độ 4.pdf");
        assertThat(pending.get("version").asInt()).isZero();

        JsonNode more = attachToChange(finance, change, 0, "so-do-mang.png", PNG, 201);
        assertThat(more.get("documents").findValuesAsString("contentType"))
                .containsExactly("application/pdf", "image/png");
        assertThat(more.get("version").asInt()).isEqualTo(1);

        JsonNode queued = null;
        for (JsonNode c : api.get(reviewer, "/api/v1/changes", 200)) {
            if (c.get("id").asString().equals(change)) {
                queued = c;
            }
        }
        assertThat(queued).isNotNull();
        assertThat(queued.get("documents")).hasSize(2);
        String href = queued.get("documents").get(1).get("href").asString();
        byte[] downloaded = client.get().uri(href).header("Authorization", "Bearer " + reviewer).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*so-do-mang\\.png.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(PNG);

        JsonNode stale = api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 0,
                "action", "approve"), 409);
        assertThat(stale.get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 1, "action", "approve"), 200);

        JsonNode decided = changeRequest(finance, code, change);
        assertThat(decided.get("status").asString()).isEqualTo("approved");
        assertThat(decided.get("documents").findValuesAsString("fileName"))
                .containsExactly("Quyết định phê duyệt HSĐX cấp độ 4.pdf", "so-do-mang.png");
        client.get().uri(decided.get("documents").get(0).get("href").asString())
                .header("Authorization", "Bearer " + finance).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*");
        assertThat(events("platform:" + code).stream().filter(e -> e == AuditEvent.EVIDENCE_UPLOADED)).hasSize(2);
    }

    @Test
    void theAnswerToAChangeRequestWithEvidenceShowsItExactlyAsItIsReadBackLater() {
        String code = governance.recognised();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("so-do-mang.png", PNG);
        files.put("Quyết định phê duyệt.pdf", EvidenceDocumentsTests.pdf());
        files.put("Bien ban nghiem thu.pdf", EvidenceDocumentsTests.pdf());
        JsonNode pending = changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("security_level",
                "4"), "reason", "Hồ sơ cấp độ 4 đã được phê duyệt"), files, 200).get("pending");

        assertThat(pending.get("documents").findValuesAsString("fileName")).as("in the order they were given")
                .containsExactly("so-do-mang.png", "Quyết định phê duyệt.pdf", "Bien ban nghiem thu.pdf");
        assertThat(pending).isEqualTo(changeRequest(finance, code, pending.get("id").asString()));
    }

    @Test
    void evidenceCannotBeAddedToADecidedChangeRequest() {
        String code = governance.recognised();
        String change = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("security_level", "4")), 200).get("pending").get("id").asString();
        api.post(reviewer, "/api/v1/changes/" + change + "/decision", Map.of("version", 0, "action", "decline",
                "note", "Thiếu quyết định phê duyệt hồ sơ"), 200);

        JsonNode problem = attachToChange(finance, change, 1, "Quyết định phê duyệt.pdf",
                EvidenceDocumentsTests.pdf(), 409);
        assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problem.get("detail").asString()).contains("was declined", "only while a request is pending");
        JsonNode unchanged = changeRequest(finance, code, change);
        assertThat(unchanged.get("documents")).isEmpty();
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);
        assertThat(events("platform:" + code)).doesNotContain(AuditEvent.EVIDENCE_UPLOADED);
    }

    @Test
    void evidenceOfTheWrongTypeOrOverTheLimitIsRefusedAndNothingChanges() {
        String code = governance.recognised();
        JsonNode problem = changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("security_level",
                "4", "operator_phone", "024 3943 2222")), Map.of("chuong-trinh.pdf", new byte[] {'M', 'Z', 0, 0}),
                422);
        assertThat(problem.get("code").asString()).isEqualTo("DOCUMENT_REJECTED");
        assertThat(problem.get("detail").asString()).contains("chuong-trinh.pdf", "not a PDF");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).get("version").asInt()).isZero();
        assertThat(api.get(finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();

        String change = api.post(finance, "/api/v1/platforms/" + code + "/changes", Map.of("version", 0, "fields",
                Map.of("security_level", "4")), 200).get("pending").get("id").asString();
        problem = attachToChange(finance, change, 0, "big.pdf", big(), 422);
        assertThat(problem.get("detail").asString()).contains("the limit is 10485760 bytes (10 MB)");
        problem = attachToChange(finance, change, 0, "trang.html", "<script>alert(1)</script>".getBytes(), 422);
        assertThat(problem.get("detail").asString()).contains("only [pdf, docx, xlsx, png, jpeg]");
        JsonNode unchanged = changeRequest(finance, code, change);
        assertThat(unchanged.get("documents")).isEmpty();
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(events("platform:" + code)).doesNotContain(AuditEvent.EVIDENCE_UPLOADED);
    }

    @Test
    void aContactChangeAloneTakesNoDocuments() {
        String code = governance.recognised();
        JsonNode problem = changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("operator_phone",
                "024 3943 3333")), Map.of("cong-van.pdf", EvidenceDocumentsTests.pdf()), 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("files");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("changed at once");
        assertThat(api.get(null, "/api/v1/platforms/" + code, 200).toString()).doesNotContain("024 3943 3333");
    }

    @Test
    void aChangeSentAsNeitherJsonNorMultipartIsAProblemNamingWhatToSendAndChangesNothing() {
        String code = governance.recognised();
        JsonNode problem = client.post().uri("/api/v1/platforms/" + code + "/changes")
                .header("Authorization", "Bearer " + finance).contentType(MediaType.TEXT_PLAIN)
                .body("security_level=4").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(problem.get("detail").asString()).contains("'text/plain'").contains("application/json")
                .contains("multipart/form-data");
        assertThat(api.get(finance, "/api/v1/platforms/" + code + "/changes", 200)).isEmpty();
    }

    @Test
    void aMethodTheAddressDoesNotTakeIsAProblemNamingTheMethodsItDoes() {
        String code = governance.recognised();
        JsonNode problem = client.delete().uri("/api/v1/platforms/" + code + "/changes")
                .header("Authorization", "Bearer " + finance).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("Allow", ".*GET.*")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(problem.get("detail").asString()).startsWith("DELETE is not allowed here; use ")
                .contains("GET").contains("POST");
    }

    @Test
    void theOperatorsOfThePlatformDownloadTheDocumentsOfItsChangeRequestsAndOtherOperatorsDoNot() {
        String code = governance.recognised();
        changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("security_level", "4")),
                Map.of("Quyết định phê duyệt.pdf", EvidenceDocumentsTests.pdf()), 200);
        String operator = accounts.token(Role.OPERATOR, null, code);
        String otherOperator = accounts.token(Role.OPERATOR, null, "VNEID");

        String href = api.get(operator, "/api/v1/platforms/" + code + "/changes", 200).get(0).get("documents").get(0)
                .get("href").asString();

        byte[] downloaded = client.get().uri(href).header("Authorization", "Bearer " + operator).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(EvidenceDocumentsTests.pdf());
        assertThat(api.get(otherOperator, href, 404).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherMinistrysEditorCannotAttachToOrDownloadFromAChangeRequestByChangingTheId() {
        String code = governance.recognised();
        JsonNode pending = changeWithEvidence(finance, code, Map.of("version", 0, "fields", Map.of("security_level",
                "4")), Map.of("Quyết định phê duyệt.pdf", EvidenceDocumentsTests.pdf()), 200).get("pending");
        String change = pending.get("id").asString();
        String href = pending.get("documents").get(0).get("href").asString();

        JsonNode problem = attachToChange(health, change, 0, "gia-mao.pdf", EvidenceDocumentsTests.pdf(), 404);
        assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem.get("detail").asString()).isEqualTo("No change request has the id " + change + ".");
        problem = api.get(health, href, 404);
        assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
        api.get(health, "/api/v1/platforms/" + code + "/changes", 403);

        JsonNode unchanged = changeRequest(finance, code, change);
        assertThat(unchanged.get("documents").findValuesAsString("fileName"))
                .containsExactly("Quyết định phê duyệt.pdf");
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(events("platform:" + code).stream().filter(e -> e == AuditEvent.EVIDENCE_UPLOADED)).hasSize(1);
    }

    private List<AuditEvent> events(String subject) {
        return audit.find(new AuditLog.Filter(null, null, subject, null, null), 100, 0).stream()
                .map(AuditLog.Entry::event).toList().reversed();
    }

    private static byte[] big() {
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        byte[] pdf = EvidenceDocumentsTests.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        return big;
    }
}
