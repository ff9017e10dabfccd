package vn.ndp.registry.governance;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.accounts.ApiCalls;

/** What the governance API tests set up and read alike: a recognised platform, a count by owner, a list entry. */
final class GovernanceApiFixtures {

    private GovernanceApiFixtures() {
    }

    /**
     * Drafts and submits, as {@code editor}, a proposal for {@code code} named {@code name}; evaluates it, as {@code
     * reviewer}, with every criterion met, and recognises it by a decision of {@code decisionDate} (so it is listed
     * from then); the platform's code.
     */
    static String recognised(ApiCalls api, String editor, String reviewer, String code, String name,
            String decisionDate) {
        JsonNode p = api.post(editor, "/api/v1/proposals", Map.of("code", code, "fields",
                GovernanceApiIntegrationTests.fields(name)), 201);
        String id = p.get("id").asString();
        p = api.post(editor, "/api/v1/proposals/" + id + "/submit", Map.of("version", p.get("version").asInt()), 200);
        p = api.post(reviewer, "/api/v1/proposals/" + id + "/evaluation",
                GovernanceApiIntegrationTests.evaluation(p.get("version").asInt()), 200);
        api.post(reviewer, "/api/v1/proposals/" + id + "/decision", Map.of("version", p.get("version").asInt(),
                "decision", "recognise", "decisionNumber", "45/QĐ-BKHCN", "decisionDate", decisionDate), 200);
        return code;
    }

    /** How many platforms the statistics count for {@code owner} as of {@code asOf}. */
    static long ownerCount(ApiCalls api, String owner, String asOf) {
        for (JsonNode bucket : api.get(null, "/api/v1/stats/platforms?by=owner&asOf=" + asOf, 200).get("buckets")) {
            if (bucket.get("key").asString().equals(owner)) {
                return bucket.get("count").asLong();
            }
        }
        return 0;
    }

    /**
     * The entry of {@code code} in a list version published by {@code admin}, dated {@code date}, of the given
     * status, or null; its document number names the code, the date and the status, so that each is a new one.
     */
    static JsonNode listEntry(ApiCalls api, String admin, String date, String status, String code) {
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
