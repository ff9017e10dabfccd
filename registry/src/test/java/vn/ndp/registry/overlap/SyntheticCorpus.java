package vn.ndp.registry.overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated platforms for {@link IncrementalUpdateTests}, more than the hand-written fixtures: names built from a
 * kind, a subject and a qualifier, and one sentence shared by every description (a word every platform has, the
 * costly case for a single-entry update). A small vocabulary modelled on the benchmark catalogue's
 * ({@code bench/.../catalog/SyntheticPlatforms}); the bench times these updates at scale with its own generator
 * ({@code bench/.../overlap/IndexUpdateBenchmark}), which registry tests cannot depend on. Not real platforms;
 * generated at run time, never stored.
 */
final class SyntheticCorpus {

    private static final String[][] KINDS = {
        {"Hệ thống thông tin", "Information system for"}, {"Nền tảng số", "Digital platform for"},
        {"Cơ sở dữ liệu", "Database of"}, {"Cổng dịch vụ công", "Public service portal for"},
        {"Phần mềm quản lý", "Management software for"},
    };
    private static final String[][] SUBJECTS = {
        {"văn bản và điều hành", "documents and administration"}, {"dân cư", "population"},
        {"hóa đơn điện tử", "electronic invoices"}, {"đất đai", "land"}, {"y tế", "health"},
        {"bảo hiểm xã hội", "social insurance"}, {"giao thông vận tải", "transport"}, {"hộ tịch", "civil status"},
        {"đăng ký doanh nghiệp", "business registration"}, {"thanh toán trực tuyến", "online payment"},
    };
    private static final String[][] QUALIFIERS = {
        {"", ""}, {"dùng chung", "(shared)"}, {"cấp tỉnh", "(provincial)"}, {"cấp xã", "(commune level)"},
    };
    private static final String[] PURPOSES = {
        "phục vụ người dân và doanh nghiệp", "chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
        "tiếp nhận phản ánh, kiến nghị", "kết nối với Cổng Dịch vụ công quốc gia",
    };
    private static final String[] OWNERS = {"BTC", "BYT", "BCA", "HNI"};

    private SyntheticCorpus() {
    }

    /** {@code count} entries with codes {@code prefix-000001}..., the same for the same seed. */
    static List<CorpusEntry> generate(String prefix, int count, long seed, CorpusEntry.Kind kind) {
        Random random = new Random(seed);
        List<CorpusEntry> entries = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String[] k = pick(random, KINDS);
            String[] subject = pick(random, SUBJECTS);
            String[] qualifier = pick(random, QUALIFIERS);
            String[] other = pick(random, SUBJECTS);
            String nameVi = (k[0] + " " + subject[0] + " " + qualifier[0]).strip();
            String nameEn = (k[1] + " " + subject[1] + " " + qualifier[1]).strip();
            String descriptionVi = "Dữ liệu sinh tự động để kiểm thử, không phải nền tảng thật. " + nameVi
                    + ", kết nối với hệ thống " + other[0] + ", " + PURPOSES[random.nextInt(PURPOSES.length)] + ".";
            String descriptionEn = "Generated for a test, not a real platform. " + nameEn + ", linked with "
                    + other[1] + ".";
            entries.add(new CorpusEntry(String.format("%s-%06d", prefix, n), nameVi + " " + n, nameEn + " " + n,
                    descriptionVi, descriptionEn, List.of(), OWNERS[random.nextInt(OWNERS.length)], "government",
                    kind));
        }
        return entries;
    }

    private static String[] pick(Random random, String[][] options) {
        return options[random.nextInt(options.length)];
    }
}
