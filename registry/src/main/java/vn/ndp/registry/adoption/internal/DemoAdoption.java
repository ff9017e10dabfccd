package vn.ndp.registry.adoption.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.adoption.AdoptionPlan;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.DocumentKind;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.adoption.LocalPlatformRevision;
import vn.ndp.registry.adoption.LocalPlatforms;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.ProvinceProposal;
import vn.ndp.registry.adoption.Responsibility;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.overlap.OverlapDetector;

/**
 * {@code ./ndp demo}: sample adoption plans for 2022–2024 of 26 of the 63
 * former provinces and for 2025–2026 of 14 of the 34 current ones, with
 * responsibilities, a few local platforms and province proposals. Every row is
 * marked sample and shown as "Dữ liệu mẫu". Drawn from a fixed seed, so every
 * demo shows the same data; written once (a restart finds it and adds nothing).
 */
@Component
@ConditionalOnProperty(name = "ndp.demo", havingValue = "true")
class DemoAdoption {

    private static final Logger log = LoggerFactory.getLogger(DemoAdoption.class);
    static final long SEED = 186_2022L;
    static final String AUTHOR = "sample";
    private static final List<String> PLATFORMS = List.of("VNEID", "DVCQG", "NDXP", "TRUC-LTVB-QG", "HTTTBC-CP",
            "DIA-CHI-SO", "SSKDT", "VHR", "MANG-DAU-THAU-QG", "EMAIL-THONG-BAO-CQNN", "CONG-DU-LIEU-QG");
    private static final List<String> DEPARTMENTS = List.of("Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
            "Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Tư pháp", "Công an tỉnh");
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi");
    private static final List<String> GIVEN = List.of("Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà",
            "Đức Huy", "Thị Lan", "Hữu Phúc", "Ngọc Trâm", "Văn Sơn");
    private static final List<String> TITLES = List.of("Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng",
            "Chuyên viên chính");

    private final PlanRepository plans;
    private final LocalPlatformRepository localRepository;
    private final ProvinceProposalRepository proposals;
    private final AdoptionDesk desk;
    private final LocalPlatforms localPlatforms;
    private final OverlapDetector overlap;
    private final TransactionTemplate transaction;

    DemoAdoption(PlanRepository plans, LocalPlatformRepository localRepository, ProvinceProposalRepository proposals,
            AdoptionDesk desk, LocalPlatforms localPlatforms, OverlapDetector overlap,
            TransactionTemplate transaction) {
        this.plans = plans;
        this.localRepository = localRepository;
        this.proposals = proposals;
        this.desk = desk;
        this.localPlatforms = localPlatforms;
        this.overlap = overlap;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        if (plans.anySample()) {
            return;
        }
        int[] written = new int[3];
        transaction.executeWithoutResult(status -> {
            Random random = new Random(SEED);
            written[0] += plansFor(pick(desk.provincesOn(LocalDate.of(2024, 12, 31)), 26, random), 2022, 2024,
                    random);
            written[0] += plansFor(pick(desk.provincesOn(LocalDate.of(2025, 7, 1)), 14, random), 2025, 2026, random);
            written[1] = localPlatforms(random);
            written[2] = proposals();
        });
        overlap.refresh();
        log.info("Demo adoption: {} sample plans, {} sample local platforms, {} sample proposals", written[0],
                written[1], written[2]);
    }

    private static List<Agency> pick(List<Agency> provinces, int count, Random random) {
        List<Agency> sorted = new ArrayList<>(provinces);
        sorted.sort(Comparator.comparing(Agency::code));
        List<Agency> picked = new ArrayList<>();
        while (picked.size() < count && !sorted.isEmpty()) {
            picked.add(sorted.remove(random.nextInt(sorted.size())));
        }
        return picked;
    }

    /** Each province's plans from {@code from} to {@code to}; its platforms advance year by year. */
    private int plansFor(List<Agency> provinces, int from, int to, Random random) {
        int count = 0;
        for (Agency province : provinces) {
            List<String> chosen = new ArrayList<>(PLATFORMS);
            java.util.Collections.shuffle(chosen, random);
            chosen = chosen.subList(0, 2 + random.nextInt(4));
            int roll = random.nextInt(100);
            DocumentKind kind = roll < 65 ? DocumentKind.PLAN : roll < 85 ? DocumentKind.DECISION : DocumentKind.NONE;
            int startYear = from + (random.nextInt(4) == 0 ? 1 : 0);
            for (int year = startYear; year <= to; year++) {
                List<PlatformAdoption> adoptions = new ArrayList<>();
                for (String platform : chosen) {
                    adoptions.add(new PlatformAdoption(platform, status(year - startYear, random),
                            person(random), year == to ? "Hoàn thành kết nối, đưa vào sử dụng toàn tỉnh." : null,
                            null));
                }
                LocalDate date = LocalDate.of(year, 1 + random.nextInt(3), 1 + random.nextInt(28));
                if (province.validFrom() != null && date.isBefore(province.validFrom())) {
                    date = province.validFrom().plusDays(random.nextInt(60));
                }
                String number = switch (kind) {
                    case PLAN -> (10 + random.nextInt(300)) + "/KH-UBND";
                    case DECISION -> (100 + random.nextInt(900)) + "/QĐ-UBND";
                    case NONE -> null;
                };
                plans.insert(new AdoptionPlan(UUID.randomUUID(), province.code(), year, kind, number,
                        kind == DocumentKind.NONE ? null : date,
                        kind == DocumentKind.PLAN ? "Kế hoạch chuyển đổi số năm " + year + " (dữ liệu mẫu)"
                                : kind == DocumentKind.DECISION ? "Triển khai nền tảng số quốc gia năm " + year
                                        + " (dữ liệu mẫu)" : null,
                        null, null, adoptions, true, AUTHOR, date.atStartOfDay().atOffset(ZoneOffset.ofHours(7)), 0),
                        AUTHOR);
                count++;
            }
        }
        return count;
    }

    private static AdoptionStatus status(int yearsIn, Random random) {
        int roll = random.nextInt(100) - yearsIn * 30;
        if (roll < 5 && yearsIn > 0 && random.nextInt(10) == 0) {
            return AdoptionStatus.STOPPED;
        }
        return roll < 25 ? AdoptionStatus.IN_USE : roll < 60 ? AdoptionStatus.DEPLOYING : AdoptionStatus.PLANNED;
    }

    private static Responsibility person(Random random) {
        String name = FAMILY.get(random.nextInt(FAMILY.size())) + " " + GIVEN.get(random.nextInt(GIVEN.size()));
        int n = random.nextInt(100);
        return new Responsibility(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), name,
                TITLES.get(random.nextInt(TITLES.size())), String.format("0900 000 %03d", n),
                "mau" + n + "@sample.example");
    }

    private int localPlatforms(Random random) {
        record Local(String province, String name, String description, List<String> functions, Category category) {
        }
        List<Local> samples = List.of(
                new Local("P-HA-NOI", "Ứng dụng công dân số thành phố", "Ứng dụng trên điện thoại cho người dân:"
                        + " phản ánh hiện trường, tra cứu hồ sơ, thông tin giao thông.",
                        List.of("Phản ánh hiện trường", "Tra cứu hồ sơ thủ tục hành chính"), Category.SOCIETY),
                new Local("P-DA-NANG-2025", "Nền tảng tích hợp, chia sẻ dữ liệu thành phố (LGSP)", "Tích hợp, chia"
                        + " sẻ dữ liệu giữa các hệ thống thông tin của thành phố và kết nối NDXP.",
                        List.of("Tích hợp, chia sẻ dữ liệu", "Kết nối trục quốc gia"), Category.GOVERNMENT),
                new Local("P-HO-CHI-MINH-2025", "Hệ thống thông tin giải quyết thủ tục hành chính thành phố",
                        "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính, kết nối Cổng Dịch vụ công quốc gia.",
                        List.of("Tiếp nhận hồ sơ trực tuyến", "Thanh toán phí, lệ phí"), Category.GOVERNMENT),
                new Local("P-QUANG-NINH", "Trung tâm điều hành thông minh tỉnh", "Giám sát, điều hành đô thị thông"
                        + " minh: camera giao thông, an ninh trật tự, môi trường.",
                        List.of("Giám sát camera", "Bảng điều khiển chỉ số kinh tế - xã hội"), Category.GOVERNMENT),
                new Local("P-THANH-HOA", "Cổng thông tin du lịch tỉnh", "Giới thiệu điểm đến, lưu trú, lễ hội của"
                        + " tỉnh cho du khách.", List.of("Bản đồ điểm đến", "Đặt dịch vụ lưu trú"), Category.ECONOMY),
                new Local("P-LAM-DONG-2025", "Sàn giao dịch nông sản tỉnh", "Kết nối nông dân, hợp tác xã với người"
                        + " mua; truy xuất nguồn gốc nông sản.", List.of("Giao dịch nông sản", "Truy xuất nguồn gốc"),
                        Category.ECONOMY));
        int count = 0;
        for (Local l : samples) {
            LocalPlatform.Draft draft = new LocalPlatform.Draft(l.name(), null, l.description(), l.functions(),
                    l.category(), PlatformType.PLATFORM, random.nextBoolean() ? AdoptionStatus.IN_USE
                            : AdoptionStatus.DEPLOYING, null, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
            LocalPlatforms.Check check = localPlatforms.check(l.province(), draft);
            OffsetDateTime registered = OffsetDateTime.of(2024, 5, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7));
            LocalPlatform sample = new LocalPlatform(UUID.randomUUID(), l.province(), l.name(), null,
                    l.description(), l.functions(), l.category(), PlatformType.PLATFORM, draft.status(), null,
                    draft.department(), check.verdict(), check.nationalCodes(),
                    check.needsConfirmation() ? "Dữ liệu mẫu: địa phương đã đầu tư trước khi có nền tảng quốc gia."
                            : null, true, AUTHOR, registered, AUTHOR, registered, null, 0);
            localRepository.insert(sample);
            localRepository.appendRevision(sample.id(), 0, registered, AUTHOR, LocalPlatformRevision.Cause.REGISTERED,
                    null, LocalPlatformRevision.changes(null, sample));
            count++;
        }
        return count;
    }

    private int proposals() {
        OffsetDateTime april2022 = OffsetDateTime.of(2022, 4, 12, 9, 0, 0, 0, ZoneOffset.ofHours(7));
        List<ProvinceProposal> samples = List.of(
                new ProvinceProposal(UUID.randomUUID(), "P-QUANG-NGAI", "Nền tảng quản lý, giám sát tàu cá (mẫu)",
                        "Theo dõi hành trình tàu cá, cảnh báo vượt ranh giới vùng biển.",
                        "Nhu cầu chung của các tỉnh ven biển; đề xuất đặt hàng theo Quyết định 186/QĐ-BTTTT.",
                        ProvinceProposal.Status.SUBMITTED, null, null, null, true, AUTHOR, april2022, 0),
                new ProvinceProposal(UUID.randomUUID(), "P-LAO-CAI", "Nền tảng du lịch thông minh (mẫu)",
                        "Thông tin điểm đến, vé điện tử, phản ánh của du khách.",
                        "Các tỉnh du lịch đang tự xây dựng những hệ thống tương tự.",
                        ProvinceProposal.Status.ACCEPTED, "Phù hợp, giao bộ chủ quản nghiên cứu (dữ liệu mẫu).",
                        AUTHOR, april2022.plusMonths(2), true, AUTHOR, april2022.plusDays(20), 1),
                new ProvinceProposal(UUID.randomUUID(), "P-BAC-GIANG", "Phần mềm quản lý văn bản riêng (mẫu)",
                        null, "Tỉnh muốn dùng phần mềm riêng.", ProvinceProposal.Status.DECLINED,
                        "Đã có Trục liên thông văn bản quốc gia; dùng nền tảng hiện có (dữ liệu mẫu).", AUTHOR,
                        april2022.plusMonths(3), true, AUTHOR, april2022.plusMonths(1), 1));
        for (ProvinceProposal p : samples) {
            proposals.insert(p);
            if (p.status() != ProvinceProposal.Status.SUBMITTED) {
                proposals.decideIfVersion(p.id(), 0, p.status(), p.decisionReason(), p.decidedBy(), p.decidedAt());
            }
        }
        return samples.size();
    }
}
