package vn.ndp.registry.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OverlapDetectorTests {

    static CorpusEntry platform(String code, String name, String description, String owner) {
        return new CorpusEntry(code, name, null, description, null, List.of(), owner, "government",
                CorpusEntry.Kind.NATIONAL);
    }

    static final List<CorpusEntry> CORPUS = List.of(
            platform("AUCTION", "Hệ thống quản lý đấu giá tài sản", "Tổ chức đấu giá tài sản công trực tuyến.", "BTP"),
            platform("DOCS", "Trục liên thông văn bản quốc gia", "Gửi, nhận văn bản điện tử giữa các cơ quan.", "VPCP"),
            platform("PORTAL", "Cổng Dịch vụ công quốc gia", "Công khai thủ tục hành chính, dịch vụ công trực tuyến.",
                    "VPCP"),
            platform("HEALTH", "Nền tảng hồ sơ sức khỏe điện tử", "Lưu thông tin sức khỏe, lịch sử khám chữa bệnh.",
                    "BYT"),
            platform("LAND", "Hệ thống thông tin đất đai quốc gia", "Hồ sơ địa chính, bản đồ địa chính, giá đất.",
                    "BNNMT"),
            platform("TAX", "Hệ thống quản lý thuế tập trung", "Kê khai, nộp thuế điện tử cho doanh nghiệp.", "BTC"));

    final OverlapDetector detector = OverlapDetector.of(OverlapSettings.defaults(), CORPUS::forEach);

    @Test
    void aRephrasedDuplicateIsRankedFirstAndCalledADuplicate() {
        OverlapReport report = detector.check(PlatformDescription.named("Nền tảng đấu giá tài sản trực tuyến",
                "Đấu giá tài sản công qua mạng."));
        assertThat(report.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(report.matches().getFirst().platform().code()).isEqualTo("AUCTION");
        assertThat(report.corpusSize()).isEqualTo(CORPUS.size());
    }

    @Test
    void aChangedPlatformIsComparedWithEveryOtherPlatformItsOwnEntryTakingNoPlaceAmongTheBest() {
        // its own entry, as last saved, would score highest and push the fifth real match out of the top five
        List<CorpusEntry> corpus = new ArrayList<>(CORPUS.stream().filter(p -> !p.code().equals("AUCTION")).toList());
        corpus.add(new CorpusEntry("SELF", "Hệ thống đấu giá tài sản của tỉnh", null, "Đấu giá tài sản công trực tuyến.",
                null, List.of(), "P-HUE", "government", CorpusEntry.Kind.LOCAL));
        List<String> national = List.of("AUCTION-1", "AUCTION-2", "AUCTION-3", "AUCTION-4", "AUCTION-5");
        List<String> owners = List.of("BTP", "BTC", "BCA", "BXD", "BNNMT");
        for (int i = 0; i < national.size(); i++) {
            corpus.add(platform(national.get(i), "Hệ thống đấu giá tài sản của " + owners.get(i),
                    "Đấu giá tài sản công trực tuyến.", owners.get(i)));
        }
        OverlapDetector withSelf = OverlapDetector.of(OverlapSettings.defaults(), corpus::forEach);
        PlatformDescription changed = PlatformDescription.named("Hệ thống đấu giá tài sản của tỉnh",
                "Đấu giá tài sản công trực tuyến.");
        assertThat(OverlapSettings.defaults().topN()).isEqualTo(national.size());
        assertThat(withSelf.check(changed).matches().getFirst().platform().code()).isEqualTo("SELF");

        OverlapReport report = withSelf.check(changed, "SELF");

        assertThat(report.matches()).extracting(m -> m.platform().code()).containsExactlyInAnyOrderElementsOf(national);
    }

    /**
     * The score folds diacritics, but a reason cites only words both texts wrote: "Cổng" is not "công" (of "công dân",
     * which a synonym list maps), and "Công" of "Bộ Công an" is no word of "citizens"; a description typed without
     * diacritics still has its words cited, and "citizen" still cites "công dân", the phrase it stands for.
     */
    @Test
    void reasonsCiteOnlyWordsBothTextsWrote() {
        List<CorpusEntry> corpus = List.of(
                platform("APP", "Ứng dụng công dân số thành phố",
                        "Tiếp nhận hồ sơ thủ tục hành chính trực tuyến của thành phố.", "P-X"),
                platform("VNEID", "Hệ thống định danh điện tử", "Định danh và xác thực điện tử, do Bộ Công an quản lý.",
                        "BCA"));
        OverlapDetector withApp = OverlapDetector.of(OverlapSettings.defaults(), corpus::forEach);

        OverlapReport.Match app = match(withApp.check(PlatformDescription.named("Cổng dịch vụ công tỉnh",
                "tiếp nhận hồ sơ thủ tục hành chính trực tuyến")), "APP");
        assertThat(app.reasons()).extracting(OverlapReport.Reason::kind).doesNotContain(OverlapReport.Reason.Kind.NAME);
        assertThat(app.terms()).contains("thủ tục hành chính trực tuyến").doesNotContain("công dân");

        OverlapReport english = withApp.check(PlatformDescription.named("Citizen identity app",
                "digital identity for citizens and authentication"));
        assertThat(match(english, "VNEID").terms()).contains("xác thực").doesNotContain("Công");
        assertThat(match(english, "APP").terms()).contains("công dân");

        OverlapReport.Match unaccented = match(withApp.check(PlatformDescription.named("cong dich vu cong tinh",
                "tiep nhan ho so thu tuc hanh chinh truc tuyen")), "APP");
        assertThat(unaccented.terms()).contains("thủ tục hành chính trực tuyến").doesNotContain("công dân");
    }

    static OverlapReport.Match match(OverlapReport report, String code) {
        return report.matches().stream().filter(m -> m.platform().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void diacriticsDoNotChangeTheScore() {
        double with = detector.check(PlatformDescription.named("Hệ thống quản lý văn bản liên thông", null))
                .matches().getFirst().score();
        double without = detector.check(PlatformDescription.named("he thong quan ly van ban lien thong", null))
                .matches().getFirst().score();
        assertThat(without).isEqualTo(with);
    }

    @Test
    void englishFindsTheVietnamesePlatform() {
        OverlapReport report = detector.check(PlatformDescription.named("Online asset auction system", null));
        assertThat(report.matches().getFirst().platform().code()).isEqualTo("AUCTION");
        assertThat(report.verdict().flagged()).isTrue();
    }

    @Test
    void genericWordsAloneDoNotMakeAnOverlap() {
        OverlapReport report = detector.check(PlatformDescription.named("Hệ thống quản lý thông tin quốc gia",
                "Nền tảng số quốc gia, hệ thống thông tin điện tử dùng chung."));
        assertThat(report.verdict()).isEqualTo(Verdict.DISTINCT);
        assertThat(report.matches()).isEmpty();
    }

    @Test
    void anUnrelatedPlatformIsDistinct() {
        OverlapReport report = detector.check(PlatformDescription.named("Hệ thống quản lý nuôi trồng thủy sản",
                "Theo dõi ao nuôi, con giống, dịch bệnh thủy sản."));
        assertThat(report.verdict()).isEqualTo(Verdict.DISTINCT);
    }

    @Test
    void matchesComeBestFirstWithScoresBetweenZeroAndOne() {
        OverlapReport report = detector.check(new PlatformDescription("Cổng dịch vụ công của tỉnh",
                "Tiếp nhận hồ sơ thủ tục hành chính, gửi văn bản điện tử", List.of(), null, null, null));
        List<Double> scores = report.matches().stream().map(OverlapReport.Match::score).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(scores).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat(report.matches().getFirst().platform().code()).isEqualTo("PORTAL");
    }

    @Test
    void reasonsNameTheSharedWordsAsTheExistingPlatformWritesThem() {
        OverlapReport.Match match = detector.check(new PlatformDescription("CSDL dat dai tinh",
                "ho so dia chinh, gia dat", List.of("tra cứu thửa đất", "cập nhật bản đồ địa chính"), null, "BNNMT",
                null)).matches().getFirst();
        assertThat(match.platform().code()).isEqualTo("LAND");
        assertThat(match.terms()).contains("đất đai").anySatisfy(t -> assertThat(t).contains("địa chính"));
        assertThat(match.reasons()).extracting(OverlapReport.Reason::kind)
                .contains(OverlapReport.Reason.Kind.NAME, OverlapReport.Reason.Kind.FUNCTION,
                        OverlapReport.Reason.Kind.SAME_OWNER);
        assertThat(match.reasons()).filteredOn(r -> r.kind() == OverlapReport.Reason.Kind.FUNCTION)
                .extracting(OverlapReport.Reason::function).contains("cập nhật bản đồ địa chính");
    }

    @Test
    void cutOffsComeFromTheSettings() {
        OverlapSettings d = OverlapSettings.defaults();
        OverlapSettings strict = new OverlapSettings(0.99, 0.98, d.reportScore(), d.topN(), d.nameBoost(),
                d.functionsBoost(), d.functionMatch(), d.syllableWeight(), d.nameWeight(), d.limits(), d.rateLimit());
        OverlapReport report = OverlapDetector.of(strict, CORPUS::forEach)
                .check(PlatformDescription.named("Nền tảng đấu giá tài sản trực tuyến", null));
        assertThat(report.matches().getFirst().platform().code()).isEqualTo("AUCTION");
        assertThat(report.verdict()).isEqualTo(Verdict.DISTINCT);
    }

    @Test
    void refreshPicksUpNewPlatforms() {
        java.util.List<CorpusEntry> growing = new java.util.ArrayList<>(CORPUS);
        OverlapDetector live = OverlapDetector.of(OverlapSettings.defaults(), c -> growing.forEach(c));
        PlatformDescription fishing = PlatformDescription.named("Hệ thống giám sát tàu cá", "Giám sát vị trí tàu cá.");
        assertThat(live.check(fishing).verdict()).isEqualTo(Verdict.DISTINCT);
        growing.add(new CorpusEntry("VMS", "Hệ thống giám sát tàu cá", null, "Theo dõi vị trí tàu cá trên biển.", null,
                List.of(), "BNNMT", "economy", CorpusEntry.Kind.LOCAL));
        live.refresh();
        assertThat(live.check(fishing).matches().getFirst().platform().code()).isEqualTo("VMS");
    }

    @Test
    void aRebuildAskedForLaterRunsInTheBackgroundAndRequestsWaitingForItAreCoalesced() {
        List<CorpusEntry> growing = new ArrayList<>(CORPUS);
        Queue<Runnable> refresher = new ArrayDeque<>();
        OverlapDetector live = new OverlapDetector(List.of(c -> growing.forEach(c)), OverlapSettings.defaults(),
                refresher::add);
        int before = live.corpusSize();
        growing.add(new CorpusEntry("VMS", "Hệ thống giám sát tàu cá", null, "Theo dõi vị trí tàu cá trên biển.", null,
                List.of(), "BNNMT", "economy", CorpusEntry.Kind.NATIONAL));

        live.refreshLater();
        live.refreshLater();
        assertThat(refresher).hasSize(1);
        assertThat(live.corpusSize()).as("checks use the previous index until the rebuild").isEqualTo(before);

        refresher.remove().run();
        assertThat(live.corpusSize()).isEqualTo(before + 1);
        live.refreshLater();
        assertThat(refresher).as("a later change rebuilds again").hasSize(1);
    }

    @Test
    void aRebuildStillWaitingWhenTheApplicationClosesIsDroppedWithoutReadingTheCorpus() {
        AtomicInteger reads = new AtomicInteger();
        Queue<Runnable> refresher = new ArrayDeque<>();
        OverlapDetector closing = new OverlapDetector(List.of(c -> {
            reads.incrementAndGet();
            CORPUS.forEach(c);
        }), OverlapSettings.defaults(), refresher::add);
        closing.refreshLater();

        closing.destroy();
        refresher.remove().run();

        assertThat(reads).as("only the first build read the corpus").hasValue(1);
        closing.refreshLater();
        assertThat(refresher).as("no rebuild is queued once closed").isEmpty();
    }

    @Test
    void aFailedRebuildIsLoggedAndChecksKeepThePreviousIndex() {
        AtomicInteger reads = new AtomicInteger();
        Queue<Runnable> refresher = new ArrayDeque<>();
        OverlapDetector live = new OverlapDetector(List.of(c -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("database unavailable");
            }
            CORPUS.forEach(c);
        }), OverlapSettings.defaults(), refresher::add);
        live.refreshLater();

        refresher.remove().run();

        assertThat(reads).hasValue(2);
        assertThat(live.corpusSize()).isEqualTo(CORPUS.size());
        live.refreshLater();
        assertThat(refresher).as("a later change tries again").hasSize(1);
    }

    @Test
    void aCheckMadeWhileTheFirstIndexIsBuiltElsewhereWaitsForItAndComparesWithTheWholeCorpus() throws Exception {
        Queue<Runnable> firstBuilder = new ArrayDeque<>();
        OverlapDetector starting = new OverlapDetector(List.of(CORPUS::forEach), OverlapSettings.defaults(),
                Runnable::run, firstBuilder::add);
        assertThat(firstBuilder).as("the constructor leaves the first build to its executor").hasSize(1);

        FutureTask<OverlapReport> check = new FutureTask<>(() -> starting.check(
                PlatformDescription.named("Nền tảng đấu giá tài sản trực tuyến", null)));
        Thread.ofPlatform().start(check);
        firstBuilder.remove().run();

        OverlapReport report = check.get(30, TimeUnit.SECONDS);
        assertThat(report.corpusSize()).isEqualTo(CORPUS.size());
        assertThat(report.matches().getFirst().platform().code()).isEqualTo("AUCTION");
        assertThat(starting.corpusSize()).isEqualTo(CORPUS.size());
    }

    @Test
    void aFailedFirstBuildFailsTheStartInsteadOfLeavingAnEmptyIndex() {
        OverlapDetector broken = new OverlapDetector(List.of(c -> {
            throw new IllegalStateException("database unavailable");
        }), OverlapSettings.defaults(), Runnable::run, Runnable::run);

        assertThatThrownBy(broken::afterSingletonsInstantiated).hasRootCauseMessage("database unavailable");
        assertThatThrownBy(broken::corpusSize).hasRootCauseMessage("database unavailable");
    }
}
