package vn.ndp.registry.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how long one local platform's index update takes against a full rebuild, over a synthetic corpus of
 * {@code -Dndp.overlap.measure=SIZE} generated platforms ({@link SyntheticCorpus}). A measurement, not a
 * check of speed: it asserts only that the updates happened. Off unless the property is given:
 * {@code ./mvnw -o -pl registry test -Dtest=IndexUpdateMeasurementTests -Dndp.overlap.measure=100000}.
 */
@EnabledIfSystemProperty(named = "ndp.overlap.measure", matches = "\\d+")
class IndexUpdateMeasurementTests {

    @Test
    void oneLocalPlatformsUpdateIsMeasuredAgainstAFullRebuild() {
        int size = Integer.parseInt(System.getProperty("ndp.overlap.measure"));
        List<CorpusEntry> national = SyntheticCorpus.generate("GEN", size, 1, CorpusEntry.Kind.NATIONAL);
        List<CorpusEntry> local = SyntheticCorpus.generate("LOCAL", 60, 2, CorpusEntry.Kind.LOCAL);
        OverlapDetector detector = new OverlapDetector(List.of(national::forEach), OverlapSettings.defaults(),
                Runnable::run);

        long[] rebuilds = new long[3];
        for (int i = 0; i < rebuilds.length; i++) {
            long started = System.nanoTime();
            detector.refresh();
            rebuilds[i] = System.nanoTime() - started;
        }
        long[] adds = time(local, e -> detector.update(e.code(), () -> Optional.of(e)));
        List<CorpusEntry> changed = new ArrayList<>();
        for (CorpusEntry e : local) {
            changed.add(new CorpusEntry(e.code(), e.nameVi() + " cấp xã", e.nameEn(), e.descriptionVi(),
                    e.descriptionEn(), List.of("tra cứu hồ sơ"), e.ownerCode(), e.category(), e.kind()));
        }
        long[] replaces = time(changed, e -> detector.update(e.code(), () -> Optional.of(e)));
        long[] removes = time(changed, e -> detector.update(e.code(), Optional::empty));
        long checkStarted = System.nanoTime();
        OverlapReport report = detector.check(PlatformDescription.named("Cổng dịch vụ công cấp tỉnh", null));
        long check = System.nanoTime() - checkStarted;

        System.out.printf("overlap index, %,d synthetic platforms: full rebuild median %.1f ms (of %d); "
                + "one local platform added median %.2f ms, p90 %.2f ms; replaced median %.2f ms, p90 %.2f ms; "
                + "removed median %.2f ms, p90 %.2f ms (of %d each); one check after them %.2f ms%n", size,
                median(rebuilds), rebuilds.length, median(adds), p90(adds), median(replaces), p90(replaces),
                median(removes), p90(removes), local.size(), check / 1e6);
        assertThat(detector.corpusSize()).isEqualTo(size);
        assertThat(report.corpusSize()).isEqualTo(size);
    }

    private static long[] time(List<CorpusEntry> entries, java.util.function.Consumer<CorpusEntry> update) {
        long[] times = new long[entries.size()];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            update.accept(entries.get(i));
            times[i] = System.nanoTime() - started;
        }
        return times;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p90(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.9)] / 1e6;
    }
}
