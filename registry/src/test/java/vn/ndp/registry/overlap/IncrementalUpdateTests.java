package vn.ndp.registry.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One entry added, changed or taken out through {@link OverlapDetector#update}, without a rebuild. */
class IncrementalUpdateTests {

    static final PlatformDescription FISHING = PlatformDescription.named("Hệ thống giám sát tàu cá",
            "Giám sát vị trí tàu cá trên biển.");

    static final CorpusEntry VESSELS = new CorpusEntry("LOCAL-0000000A", "Hệ thống giám sát tàu cá", null,
            "Theo dõi vị trí tàu cá trên biển.", null, List.of("cảnh báo tàu vượt ranh giới"), "KGG", "economy",
            CorpusEntry.Kind.LOCAL);

    /** The corpus as a database would hold it: what the detector reads when it rebuilds. */
    final List<CorpusEntry> stored = new CopyOnWriteArrayList<>(OverlapDetectorTests.CORPUS);
    final OverlapDetector detector = new OverlapDetector(List.of(stored::forEach), OverlapSettings.defaults(),
            Runnable::run);

    void save(CorpusEntry entry) {
        stored.removeIf(e -> e.code().equals(entry.code()));
        stored.add(entry);
        detector.update(entry.code(), () -> read(entry.code()));
    }

    void remove(String code) {
        stored.removeIf(e -> e.code().equals(code));
        detector.update(code, () -> read(code));
    }

    Optional<CorpusEntry> read(String code) {
        return stored.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    @Test
    void anAddedLocalPlatformIsReportedByTheVeryNextCheck() {
        assertThat(detector.check(FISHING).verdict()).isEqualTo(Verdict.DISTINCT);

        save(VESSELS);

        OverlapReport report = detector.check(FISHING);
        assertThat(report.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(report.matches().getFirst().platform()).isEqualTo(VESSELS);
        assertThat(report.corpusSize()).isEqualTo(OverlapDetectorTests.CORPUS.size() + 1);
    }

    @Test
    void aChangedLocalPlatformIsComparedAsItIsNowAndNoLongerAsItWas() {
        save(VESSELS);
        CorpusEntry renamed = new CorpusEntry(VESSELS.code(), "Hệ thống quản lý nuôi trồng thủy sản", null,
                "Theo dõi ao nuôi, con giống, dịch bệnh thủy sản.", null, List.of(), "KGG", "economy",
                CorpusEntry.Kind.LOCAL);

        save(renamed);

        OverlapReport fishing = detector.check(FISHING);
        assertThat(fishing.verdict()).isNotEqualTo(Verdict.DUPLICATE);
        assertThat(fishing.matches()).extracting(OverlapReport.Match::platform).doesNotContain(VESSELS);
        OverlapReport farming = detector.check(PlatformDescription.named("Phần mềm quản lý nuôi trồng thủy sản",
                "Quản lý ao nuôi và dịch bệnh thủy sản."));
        assertThat(farming.matches().getFirst().platform()).isEqualTo(renamed);
        assertThat(farming.corpusSize()).isEqualTo(OverlapDetectorTests.CORPUS.size() + 1);
    }

    @Test
    void aRemovedPlatformIsNoLongerReported() {
        save(VESSELS);
        assertThat(detector.check(FISHING).verdict()).isEqualTo(Verdict.DUPLICATE);

        remove(VESSELS.code());

        OverlapReport report = detector.check(FISHING);
        assertThat(report.verdict()).isEqualTo(Verdict.DISTINCT);
        assertThat(report.matches()).extracting(m -> m.platform().code()).doesNotContain(VESSELS.code());
        assertThat(report.corpusSize()).isEqualTo(OverlapDetectorTests.CORPUS.size());
    }

    @Test
    void removingAnEntryTheIndexDoesNotHoldChangesNothing() {
        remove("LOCAL-FFFFFFFF");

        assertThat(detector.corpusSize()).isEqualTo(OverlapDetectorTests.CORPUS.size());
    }

    @Test
    void changesMadeWhileAFullRebuildReadsTheCorpusAreNotLostWhenTheRebuiltIndexIsSwappedIn() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<CorpusEntry> snapshot = new ArrayList<>(stored);
        OverlapDetector slow = new OverlapDetector(List.of(consumer -> {
            if (Thread.currentThread().getName().equals("rebuild")) {
                reading.countDown();
                await(release);
            }
            snapshot.forEach(consumer);
        }), OverlapSettings.defaults(), Runnable::run);
        FutureTask<Void> rebuild = new FutureTask<>(slow::refresh, null);
        Thread.ofPlatform().name("rebuild").start(rebuild);
        assertThat(reading.await(30, TimeUnit.SECONDS)).as("the rebuild is reading the corpus").isTrue();

        slow.update(VESSELS.code(), () -> Optional.of(VESSELS));
        slow.update("AUCTION", Optional::empty);
        assertThat(slow.check(FISHING).verdict()).as("visible before the rebuild ends").isEqualTo(Verdict.DUPLICATE);
        release.countDown();
        rebuild.get(30, TimeUnit.SECONDS);

        OverlapReport fishing = slow.check(FISHING);
        assertThat(fishing.matches().getFirst().platform()).as("the rebuild read the corpus before the save")
                .isEqualTo(VESSELS);
        assertThat(slow.check(PlatformDescription.named("Hệ thống quản lý đấu giá tài sản", null)).matches())
                .extracting(m -> m.platform().code()).doesNotContain("AUCTION");
        assertThat(slow.corpusSize()).isEqualTo(OverlapDetectorTests.CORPUS.size());
    }

    @Test
    void afterAnySeriesOfChangesChecksReportExactlyWhatAFullRebuildOfTheSameCorpusReports() {
        List<CorpusEntry> national = SyntheticCorpus.generate("GEN", 400, 7, CorpusEntry.Kind.NATIONAL);
        stored.addAll(national);
        detector.refresh();
        List<CorpusEntry> local = SyntheticCorpus.generate("LOCAL", 60, 11, CorpusEntry.Kind.LOCAL);
        local.forEach(this::save);
        save(VESSELS);
        for (int i = 0; i < 20; i++) {
            CorpusEntry before = local.get(i * 3);
            save(new CorpusEntry(before.code(), before.nameVi() + " cấp xã", before.nameEn(),
                    "Tiếp nhận phản ánh hiện trường của người dân.", null, List.of("tra cứu hồ sơ"),
                    before.ownerCode(), before.category(), before.kind()));
        }
        for (int i = 0; i < 15; i++) {
            remove(local.get(i * 4 + 1).code());
        }
        remove(national.get(5).code());
        remove("LAND");
        save(OverlapDetectorTests.platform("AUCTION", "Hệ thống đấu giá trực tuyến", "Đấu giá tài sản công.", "BTP"));

        OverlapDetector rebuilt = OverlapDetector.of(OverlapSettings.defaults(), stored::forEach);
        List<PlatformDescription> checks = new ArrayList<>(List.of(FISHING,
                PlatformDescription.named("Nền tảng đấu giá tài sản trực tuyến", "Đấu giá tài sản công qua mạng."),
                PlatformDescription.named("CSDL đất đai", "Hồ sơ địa chính, bản đồ địa chính, giá đất"),
                PlatformDescription.named("Cổng dịch vụ công của tỉnh", "Tiếp nhận hồ sơ thủ tục hành chính"),
                PlatformDescription.named("Online public services portal", null),
                new PlatformDescription("Hệ thống tiếp nhận phản ánh hiện trường", "phản ánh của người dân",
                        List.of("tra cứu hồ sơ"), "người dân", "HNI", null)));
        stored.stream().filter(e -> e.code().startsWith("LOCAL")).limit(10)
                .forEach(e -> checks.add(PlatformDescription.named(e.nameVi(), e.descriptionVi())));

        assertThat(detector.corpusSize()).isEqualTo(stored.size());
        for (PlatformDescription check : checks) {
            assertThat(detector.check(check)).as(check.name()).isEqualTo(rebuilt.check(check));
        }
        assertThat(detector.check(FISHING).matches()).as("the checks compare with changed entries").isNotEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
