package vn.ndp.registry.overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated platforms for tests of the index at sizes the hand-written fixtures do not reach: names built from a
 * kind, a subject, a qualifier and a purpose, and one sentence shared by every description (a word every platform has,
 * the costly case for a single-entry update). Modelled on {@code ./ndp bench catalog}'s generator but not the same:
 * owners differ and descriptions do not name them. Not real platforms; generated at run time, never stored.
 */
final class SyntheticCorpus {

    private static final String[][] KINDS = {
        {"Hệ thống thông tin", "Information system for"}, {"Nền tảng số", "Digital platform for"},
        {"Nền tảng", "Platform for"}, {"Cơ sở dữ liệu", "Database of"},
        {"Cơ sở dữ liệu quốc gia về", "National database of"}, {"Cổng thông tin điện tử", "Web portal for"},
        {"Cổng dịch vụ công", "Public service portal for"}, {"Ứng dụng", "Application for"},
        {"Phần mềm quản lý", "Management software for"}, {"Hệ thống quản lý", "Management system for"},
    };
    private static final String[][] SUBJECTS = {
        {"văn bản và điều hành", "documents and administration"},
        {"dịch vụ công trực tuyến", "online public services"}, {"dân cư", "population"},
        {"hóa đơn điện tử", "electronic invoices"}, {"đất đai", "land"},
        {"giáo dục và đào tạo", "education and training"}, {"y tế", "health"},
        {"bảo hiểm xã hội", "social insurance"}, {"thuế", "taxation"}, {"giao thông vận tải", "transport"},
        {"tài nguyên và môi trường", "natural resources and environment"}, {"nông nghiệp", "agriculture"},
        {"thương mại điện tử", "e-commerce"}, {"du lịch", "tourism"}, {"lao động, việc làm", "labour and employment"},
        {"hộ tịch", "civil status"}, {"đăng ký doanh nghiệp", "business registration"},
        {"đầu tư công", "public investment"}, {"văn hóa, thể thao", "culture and sports"},
        {"khoa học và công nghệ", "science and technology"},
        {"thanh tra, khiếu nại, tố cáo", "inspection and complaints"},
        {"cán bộ, công chức, viên chức", "civil servants"}, {"tư pháp", "justice"}, {"hải quan", "customs"},
        {"ngân sách nhà nước", "state budget"}, {"xây dựng", "construction"}, {"chữ ký số", "digital signatures"},
        {"dữ liệu mở", "open data"}, {"định danh điện tử", "electronic identification"},
        {"thanh toán trực tuyến", "online payment"},
    };
    private static final String[][] QUALIFIERS = {
        {"", ""}, {"dùng chung", "(shared)"}, {"cấp tỉnh", "(provincial)"}, {"cấp xã", "(commune level)"},
        {"quốc gia", "(national)"}, {"tích hợp", "(integrated)"}, {"trên thiết bị di động", "(mobile)"},
        {"thông minh", "(smart)"},
    };
    private static final String[] PURPOSES = {
        "phục vụ người dân và doanh nghiệp", "phục vụ chỉ đạo, điều hành của lãnh đạo",
        "chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
        "hỗ trợ cán bộ xử lý hồ sơ trên môi trường mạng", "cung cấp số liệu thống kê định kỳ",
        "tiếp nhận phản ánh, kiến nghị", "lưu trữ hồ sơ điện tử", "kết nối với Cổng Dịch vụ công quốc gia",
    };
    private static final String[] OWNERS = {"BTC", "BYT", "BCA", "BTP", "VPCP", "HNI", "HCM", "DNG"};

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
            String owner = OWNERS[random.nextInt(OWNERS.length)];
            String nameVi = (k[0] + " " + subject[0] + " " + qualifier[0]).strip();
            String nameEn = (k[1] + " " + subject[1] + " " + qualifier[1]).strip();
            String descriptionVi = "Dữ liệu sinh tự động để đo hiệu năng, không phải nền tảng thật. " + nameVi
                    + ", kết nối với hệ thống " + other[0] + ", " + PURPOSES[random.nextInt(PURPOSES.length)] + ".";
            String descriptionEn = "Generated for benchmark, not a real platform. " + nameEn + ", linked with "
                    + other[1] + ".";
            entries.add(new CorpusEntry(String.format("%s-%06d", prefix, n), nameVi + " " + n, nameEn + " " + n,
                    descriptionVi, descriptionEn, List.of(), owner, "government", kind));
        }
        return entries;
    }

    private static String[] pick(Random random, String[][] options) {
        return options[random.nextInt(options.length)];
    }
}
