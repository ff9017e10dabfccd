package vn.ndp.registry.adoption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.accounts.ApiCalls;

/**
 * Local platforms as the API takes them, for tests that share one database: each named with a {@link #word()} no
 * other test uses, so that a test finds its own platform and not another test's on the same topic.
 */
public final class LocalPlatformFixtures {

    static final String API = "/api/v1/adoption/provinces/";

    private LocalPlatformFixtures() {
    }

    /** A word no other test uses, to name a test's platforms with. */
    public static String word() {
        return "xq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A platform about a topic no national platform covers, named with {@code word}. */
    public static Map<String, Object> cemeteries(String word) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameVi", "Hệ thống quản lý nghĩa trang " + word);
        body.put("description", "Quản lý phần mộ, đăng ký an táng và hỏa táng tại các nghĩa trang nhân dân " + word
                + ".");
        body.put("functions", List.of("Đăng ký an táng " + word, "Tra cứu phần mộ " + word));
        body.put("category", "society");
        body.put("status", "in_use");
        body.put("department", "Sở Xây dựng");
        return body;
    }

    /** Another topic no national platform covers, sharing no words with {@link #cemeteries(String)}. */
    static Map<String, Object> streetTrees(String word) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameVi", "Phần mềm quản lý cây xanh đô thị " + word);
        body.put("description", "Kiểm kê, cắt tỉa, trồng mới cây xanh trên đường phố " + word + ".");
        body.put("functions", List.of("Kiểm kê cây xanh " + word, "Lịch cắt tỉa cây " + word));
        body.put("category", "society");
        return body;
    }

    /** A local integration platform (LGSP): it duplicates the national NDXP. */
    static Map<String, Object> lgsp() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameVi", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)");
        body.put("description", "Tích hợp, chia sẻ dữ liệu giữa các hệ thống thông tin của tỉnh, kết nối trục NDXP"
                + " quốc gia.");
        body.put("functions", List.of("Tích hợp, chia sẻ dữ liệu", "Kết nối các cơ sở dữ liệu"));
        body.put("category", "government");
        return body;
    }

    /** {@code body} with the given keys set to the given values (key, value, key, value...). */
    static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            changed.put((String) keyValues[i], keyValues[i + 1]);
        }
        return changed;
    }

    /** The names of the local platforms {@code province} has registered, as the API lists them. */
    static List<String> names(ApiCalls api, String province) {
        List<String> names = new ArrayList<>();
        api.get(null, API + province + "/local-platforms", 200).forEach(p -> names.add(p.get("nameVi").asString()));
        return names;
    }

    /**
     * Registers {@code body} in {@code province}, confirmed with a reason unless it says otherwise: a province's
     * earlier platform on the same topic (another test's) makes a new one a duplicate of its own that needs a reason.
     */
    public static JsonNode register(ApiCalls api, String token, String province, Map<String, Object> body) {
        Map<String, Object> confirmed = new LinkedHashMap<>(body);
        confirmed.putIfAbsent("saveAnyway", true);
        confirmed.putIfAbsent("reason", "Hệ thống riêng của tỉnh (kiểm thử).");
        return api.post(token, API + province + "/local-platforms", confirmed, 201);
    }
}
