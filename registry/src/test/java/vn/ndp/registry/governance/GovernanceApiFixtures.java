package vn.ndp.registry.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * What the governance API tests set up and read alike, as a Finance ministry editor, a reviewer and an administrator,
 * each with a token of their own: a recognised platform, a change asked for and approved, a count by owner, a list
 * entry; and the proposal fields and evaluation they send.
 */
final class GovernanceApiFixtures {

    /** A Finance ministry (BTC) editor's token. */
    final String finance;

    /** A reviewer's token. */
    final String reviewer;

    /** An administrator's token. */
    final String admin;

    private final ApiCalls api;

    GovernanceApiFixtures(ApiCalls api, TestAccounts accounts) {
        this.api = api;
        finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        reviewer = accounts.token(Role.REVIEWER, null);
        admin = accounts.token(Role.ADMIN, null);
    }

    /** A platform code no other test uses. */
    static String newCode() {
        return "GOVTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The fields of a proposal named {@code name} that can be submitted. */
    static Map<String, String> fields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name_vi", name);
        fields.put("name_en", "Test platform");
        fields.put("description_vi", "Nền tảng dùng chung để kiểm thử quy trình công nhận.");
        fields.put("category", "government");
        fields.put("type", "platform");
        fields.put("scopes", "central;province");
        fields.put("operator_email", "vanhanh@example.gov.vn");
        return fields;
    }

    /** An evaluation of a proposal at {@code version} with every criterion met. */
    static Map<String, Object> evaluation(int version) {
        List<Map<String, String>> results = new ArrayList<>();
        for (String criterion : GovernanceSettings.defaults().criteria()) {
            results.add(Map.of("criterion", criterion, "result", "meets", "comment", "Đạt"));
        }
        return Map.of("version", version, "results", results, "securityLevel", 3, "securityDossierApproved", true,
                "summary", "Đáp ứng đủ tiêu chí");
    }

    /** A Finance platform recognised by a decision of 05/01/2026 (so listed from then); its code. */
    String recognised() {
        return recognised("2026-01-05");
    }

    /**
     * Drafts and submits, as {@link #finance}, a proposal for a new code; evaluates it, as {@link #reviewer}, with
     * every criterion met, and recognises it by a decision of {@code decisionDate} (so it is listed from then); the
     * platform's code.
     */
    String recognised(String decisionDate) {
        String code = newCode();
        JsonNode p = api.post(finance, "/api/v1/proposals", Map.of("code", code, "fields",
                fields("Nền tảng kiểm thử " + code)), 201);
        String id = p.get("id").asString();
        p = api.post(finance, "/api/v1/proposals/" + id + "/submit", Map.of("version", p.get("version").asInt()), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation", evaluation(p.get("version").asInt()), 200);
        api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", p.get("version").asInt(),
                "decision", "recognise", "decisionNumber", "45/QĐ-BKHCN", "decisionDate", decisionDate), 200);
        return code;
    }

    /** {@link #ask(String, String, int, Map, String, int)} as {@link #finance}. */
    JsonNode ask(String code, int version, Map<String, String> fields, String effectiveOn, int status) {
        return ask(finance, code, version, fields, effectiveOn, status);
    }

    /**
     * Asks, as {@code editor}, for {@code code}'s fields to change (from {@code effectiveOn}, when not null); the
     * answer, of the expected status.
     */
    JsonNode ask(String editor, String code, int version, Map<String, String> fields, String effectiveOn,
            int status) {
        Map<String, Object> body = new HashMap<>(Map.of("version", version, "fields", fields, "reason",
                "Theo Quyết định chuyển giao"));
        if (effectiveOn != null) {
            body.put("effectiveOn", effectiveOn);
        }
        return api.post(editor, "/api/v1/platforms/" + code + "/changes", body, status);
    }

    /** Approves, as {@link #reviewer}, the {@code pending} change request; the answer, of the expected status. */
    JsonNode approve(JsonNode pending, int status) {
        return api.post(reviewer, "/api/v1/changes/" + pending.get("id").asString() + "/decision",
                Map.of("version", pending.get("version").asInt(), "action", "approve", "note", "Đồng ý"), status);
    }

    /** Asks, as {@link #finance}, for {@code code}'s owner (version 0) to become {@code owner}; approves it today. */
    void transfer(String code, String owner) {
        approve(ask(code, 0, Map.of("owner", owner), null, 200).get("pending"), 200);
    }

    /** How many platforms the statistics count for {@code owner} as of {@code asOf}. */
    long ownerCount(String owner, String asOf) {
        for (JsonNode bucket : api.get(null, "/api/v1/stats/platforms?by=owner&asOf=" + asOf, 200).get("buckets")) {
            if (bucket.get("key").asString().equals(owner)) {
                return bucket.get("count").asLong();
            }
        }
        return 0;
    }

    /**
     * The entry of {@code code} in a list version published by {@link #admin}, dated {@code date}, of the given
     * status, or null; its document number names the code, the date and the status, so that each is a new one.
     */
    JsonNode listEntry(String date, String status, String code) {
        String number = "Số " + code + "-" + date + "-" + status + "/BKHCN-CĐSQG";
        String id = api.post(admin, "/api/v1/lists", Map.of("title", "Công văn " + number, "documentNumber", number,
                "documentDate", date, "issuer", "Bộ Khoa học và Công nghệ", "note", "Kiểm thử ngày hiệu lực",
                "statuses", List.of(status)), 201).get("id").asString();
        for (JsonNode entry : api.get(null, "/api/v1/lists/" + id, 200).get("platforms")) {
            if (entry.get("platformCode").asString().equals(code)) {
                return entry;
            }
        }
        return null;
    }
}
