package vn.ndp.bench.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a platform import file of generated rows for the benchmark. The rows
 * are not real platforms and say so: codes {@code GEN-000001...}, source
 * "generated for benchmark", the tag {@code generated}. They are made at
 * benchmark time in a temporary directory and never kept in the repository.
 * Owners are spread over the real agency codes of the shipped reference data.
 */
final class SyntheticPlatforms {

    static final String SOURCE = "generated for benchmark";

    private static final String HEADER = "code,name_vi,name_en,owner_code,category,type,scope,status,description_vi,"
            + "description_en,operator,legal_basis,website,developer,tags,source,listed_from";

    /** Kinds of system, Vietnamese and English. */
    private static final String[][] KINDS = {
        {"Hệ thống thông tin", "Information system for"},
        {"Nền tảng số", "Digital platform for"},
        {"Nền tảng", "Platform for"},
        {"Cơ sở dữ liệu", "Database of"},
        {"Cơ sở dữ liệu quốc gia về", "National database of"},
        {"Cổng thông tin điện tử", "Web portal for"},
        {"Cổng dịch vụ công", "Public service portal for"},
        {"Ứng dụng", "Application for"},
        {"Phần mềm quản lý", "Management software for"},
        {"Hệ thống quản lý", "Management system for"},
    };

    /** What a system is about, Vietnamese and English. */
    private static final String[][] SUBJECTS = {
        {"văn bản và điều hành", "documents and administration"},
        {"dịch vụ công trực tuyến", "online public services"},
        {"dân cư", "population"},
        {"hóa đơn điện tử", "electronic invoices"},
        {"đất đai", "land"},
        {"giáo dục và đào tạo", "education and training"},
        {"y tế", "health"},
        {"bảo hiểm xã hội", "social insurance"},
        {"thuế", "taxation"},
        {"giao thông vận tải", "transport"},
        {"tài nguyên và môi trường", "natural resources and environment"},
        {"nông nghiệp", "agriculture"},
        {"thương mại điện tử", "e-commerce"},
        {"du lịch", "tourism"},
        {"lao động, việc làm", "labour and employment"},
        {"hộ tịch", "civil status"},
        {"đăng ký doanh nghiệp", "business registration"},
        {"đầu tư công", "public investment"},
        {"văn hóa, thể thao", "culture and sports"},
        {"khoa học và công nghệ", "science and technology"},
        {"thanh tra, khiếu nại, tố cáo", "inspection and complaints"},
        {"cán bộ, công chức, viên chức", "civil servants"},
        {"tư pháp", "justice"},
        {"hải quan", "customs"},
        {"ngân sách nhà nước", "state budget"},
        {"xây dựng", "construction"},
        {"chữ ký số", "digital signatures"},
        {"dữ liệu mở", "open data"},
        {"định danh điện tử", "electronic identification"},
        {"thanh toán trực tuyến", "online payment"},
    };

    /** How it is run, Vietnamese and English. */
    private static final String[][] QUALIFIERS = {
        {"", ""},
        {"dùng chung", "(shared)"},
        {"cấp tỉnh", "(provincial)"},
        {"cấp xã", "(commune level)"},
        {"quốc gia", "(national)"},
        {"tích hợp", "(integrated)"},
        {"trên thiết bị di động", "(mobile)"},
        {"thông minh", "(smart)"},
    };

    private static final String[] PURPOSES = {
        "phục vụ người dân và doanh nghiệp",
        "phục vụ chỉ đạo, điều hành của lãnh đạo",
        "chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
        "hỗ trợ cán bộ xử lý hồ sơ trên môi trường mạng",
        "cung cấp số liệu thống kê định kỳ",
        "tiếp nhận phản ánh, kiến nghị",
        "lưu trữ hồ sơ điện tử",
        "kết nối với Cổng Dịch vụ công quốc gia",
    };

    private static final String[] CATEGORIES = {"government", "economy", "society"};
    private static final String[] TYPES = {"platform", "information_system", "application", "national_database"};
    private static final String[] SCOPES = {"central", "province", "commune", "central;province",
        "province;commune", "central;province;commune"};
    private static final String[] STATUSES = {"proposed", "potential", "recognised", "trial", "in_use", "in_use",
        "in_use", "suspended", "retired"};

    private SyntheticPlatforms() {
    }

    /** An agency of the reference data; {@code validTo} is its last day, or null while it exists. */
    record Agency(String code, String nameVi, LocalDate validTo) {

        /**
         * The listing date of a platform it owns: none for an agency that exists, a year before its last day for one
         * that has ended, as an import takes a platform for such an agency only when it was listed before the end
         * (and the search then follows the agency's succession to its owner today).
         */
        String listedFrom() {
            return validTo == null ? "" : validTo.minusYears(1).toString();
        }
    }

    /** The agencies of the shipped reference data (registry jar, {@code reference/agencies.csv}), ended ones too. */
    static List<Agency> referenceAgencies() {
        try (InputStream in = SyntheticPlatforms.class.getResourceAsStream("/reference/agencies.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/agencies.csv is not on the class path (registry jar)");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<Agency> agencies = new ArrayList<>();
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String validTo = row.get("valid_to");
                agencies.add(new Agency(row.get("code"), row.get("name_vi"),
                        validTo.isBlank() ? null : LocalDate.parse(validTo)));
            }
            return agencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code rows} generated platforms as UTF-8 CSV; the same seed gives the same file. */
    static void write(Path file, int rows, List<Agency> agencies, long seed) throws IOException {
        Random random = new Random(seed);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER);
            out.write('\n');
            for (int n = 1; n <= rows; n++) {
                String[] kind = pick(random, KINDS);
                String[] subject = pick(random, SUBJECTS);
                String[] qualifier = pick(random, QUALIFIERS);
                Agency owner = agencies.get(random.nextInt(agencies.size()));
                String nameVi = join(kind[0], subject[0], qualifier[0]);
                String nameEn = join(kind[1], subject[1], qualifier[1]);
                String[] other = pick(random, SUBJECTS);
                String descriptionVi = "Dữ liệu sinh tự động để đo hiệu năng, không phải nền tảng thật. " + nameVi
                        + " của " + owner.nameVi() + ", kết nối với hệ thống " + other[0] + ", "
                        + PURPOSES[random.nextInt(PURPOSES.length)] + ".";
                String descriptionEn = "Generated for benchmark, not a real platform. " + nameEn + ", linked with "
                        + other[1] + ".";
                String code = String.format("GEN-%06d", n);
                StringJoiner row = new StringJoiner(",", "", "\n");
                row.add(code)
                        .add(csv(nameVi + " " + n))
                        .add(csv(nameEn + " " + n))
                        .add(owner.code())
                        .add(CATEGORIES[random.nextInt(CATEGORIES.length)])
                        .add(TYPES[random.nextInt(TYPES.length)])
                        .add(SCOPES[random.nextInt(SCOPES.length)])
                        .add(STATUSES[random.nextInt(STATUSES.length)])
                        .add(csv(descriptionVi))
                        .add(csv(descriptionEn))
                        .add(csv("Trung tâm Công nghệ thông tin (sinh tự động)"))
                        .add("")
                        .add("https://example.invalid/" + code.toLowerCase())
                        .add("")
                        .add("generated;benchmark")
                        .add(SOURCE)
                        .add(owner.listedFrom());
                out.write(row.toString());
            }
        }
    }

    private static String[] pick(Random random, String[][] options) {
        return options[random.nextInt(options.length)];
    }

    private static String join(String... parts) {
        StringJoiner joiner = new StringJoiner(" ");
        for (String part : parts) {
            if (!part.isEmpty()) {
                joiner.add(part);
            }
        }
        return joiner.toString();
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
