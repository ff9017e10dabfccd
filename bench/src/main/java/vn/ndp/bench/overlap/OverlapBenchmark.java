package vn.ndp.bench.overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;

/**
 * One overlap check against a corpus of {@code platforms} synthetic platforms
 * (generated here at run time from Vietnamese administrative vocabulary, never
 * stored). Sample-time mode, so JMH reports percentiles: the goal is p95 at
 * most 50 ms for 10,000 platforms. Each invocation checks the next of a set of
 * realistic descriptions (with and without diacritics, English, abbreviations).
 * Run: {@code ./ndp bench overlap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OverlapBenchmark {

    static final String[] SUBJECTS = {"văn bản", "hồ sơ công việc", "thủ tục hành chính", "đất đai", "hộ tịch",
        "bảo hiểm xã hội", "y tế", "bệnh viện", "tiêm chủng", "giáo dục", "học sinh", "thuế", "hóa đơn",
        "ngân sách", "tài sản công", "đấu giá", "đấu thầu", "giao thông", "camera", "môi trường", "quan trắc",
        "du lịch", "nông sản", "thủy sản", "rừng", "khí tượng", "xây dựng", "quy hoạch", "lao động", "việc làm",
        "người có công", "thi đua khen thưởng", "cán bộ công chức", "phản ánh hiện trường", "địa chỉ số",
        "bản đồ", "dữ liệu dân cư", "doanh nghiệp", "hợp tác xã", "thư viện", "di tích", "thể thao", "báo chí",
        "an toàn thông tin", "chữ ký số", "thanh toán", "hội nghị truyền hình", "thư điện tử", "báo cáo", "thống kê"};
    static final String[] KINDS = {"Hệ thống quản lý", "Cơ sở dữ liệu", "Nền tảng", "Cổng thông tin", "Phần mềm",
        "Ứng dụng", "Hệ thống thông tin", "Trung tâm giám sát"};
    static final String[] PLACES = {"tỉnh", "thành phố", "quốc gia", "cấp xã", "ngành", "của Bộ"};
    static final String[] VERBS = {"tiếp nhận", "xử lý", "theo dõi", "tra cứu", "cập nhật", "tổng hợp", "chia sẻ",
        "công khai", "cấp phép", "giám sát", "thống kê", "lưu trữ", "kết nối", "số hóa", "đăng ký"};
    static final String[] WHO = {"người dân", "doanh nghiệp", "cán bộ", "cơ quan nhà nước", "sở, ngành",
        "ủy ban nhân dân cấp xã", "bệnh viện", "trường học"};

    static final List<PlatformDescription> QUERIES = List.of(
            PlatformDescription.named("He thong quan ly van ban va dieu hanh",
                    "quan ly van ban den, van ban di, ho so cong viec, ky so cho cac so nganh cua tinh"),
            PlatformDescription.named("Cổng dịch vụ công của tỉnh",
                    "Tiếp nhận, giải quyết hồ sơ TTHC trực tuyến, thanh toán phí, lệ phí"),
            PlatformDescription.named("Online asset auction system",
                    "Runs public asset auctions online: bidder registration, online bidding and results."),
            new PlatformDescription("CSDL đất đai", "Hồ sơ địa chính, bản đồ địa chính, giá đất",
                    List.of("cập nhật biến động đất đai", "tra cứu thửa đất", "quản lý giá đất"), "người dân",
                    "BNNMT", null),
            PlatformDescription.named("Hệ thống quản lý nuôi trồng thủy sản",
                    "Theo dõi diện tích ao nuôi, con giống, dịch bệnh thủy sản cho người nuôi."),
            PlatformDescription.named("Nền tảng quốc gia về quản lý rừng",
                    "Giám sát diện tích rừng, cảnh báo cháy rừng bằng ảnh vệ tinh, kết nối LGSP, chia sẻ dữ liệu "
                            + "với các bộ, ngành và địa phương; cung cấp dịch vụ công trực tuyến cấp phép khai thác"));

    @Param({"10000"})
    int platforms;

    OverlapDetector detector;
    int next;

    @Setup(Level.Trial)
    public void generate() {
        List<CorpusEntry> corpus = corpus("SYN", platforms, 20250701, CorpusEntry.Kind.LOCAL);
        detector = OverlapDetector.of(OverlapSettings.defaults(), corpus::forEach);
    }

    /**
     * {@code count} generated platforms with codes {@code prefix-0}, {@code prefix-1}..., the same for the same
     * seed. Every description holds "dữ liệu", a word each platform shares: the costly case for an index update,
     * which reweighs the entries sharing a word whose frequency it changes.
     */
    static List<CorpusEntry> corpus(String prefix, int count, long seed, CorpusEntry.Kind kind) {
        Random random = new Random(seed);
        List<CorpusEntry> corpus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = pick(random, SUBJECTS);
            String other = pick(random, SUBJECTS);
            String name = pick(random, KINDS) + " " + subject + " " + pick(random, PLACES) + " " + (i % 97);
            String description = pick(random, VERBS) + " " + subject + ", " + pick(random, VERBS) + " " + other
                    + " cho " + pick(random, WHO) + "; " + pick(random, VERBS) + " " + pick(random, SUBJECTS)
                    + " và " + pick(random, VERBS) + " dữ liệu " + pick(random, SUBJECTS) + ".";
            List<String> functions = List.of(pick(random, VERBS) + " " + subject, pick(random, VERBS) + " " + other);
            corpus.add(new CorpusEntry(prefix + "-" + i, name, null, description, null, functions, "SYN",
                    "government", kind));
        }
        return corpus;
    }

    @Benchmark
    public OverlapReport check() {
        PlatformDescription query = QUERIES.get(next);
        next = (next + 1) % QUERIES.size();
        return detector.check(query);
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
