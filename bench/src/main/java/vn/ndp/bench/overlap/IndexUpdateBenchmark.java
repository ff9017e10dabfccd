package vn.ndp.bench.overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import vn.ndp.registry.overlap.OverlapSettings;

/**
 * One local platform's save applied to the overlap index ({@link OverlapDetector#update}: added, replaced,
 * removed) against a full rebuild ({@link OverlapDetector#refresh}), over {@code platforms} generated national
 * platforms and {@value #LOCAL} generated local ones ({@link OverlapBenchmark#corpus}, made at run time, never
 * stored). ADR 0011: a save updates the index instead of rebuilding it. Sample-time mode for the updates, so JMH
 * reports percentiles; single-shot for the rebuild. Each update measured leaves the index as the next one needs
 * it: an invocation setup (not timed) takes the platform out before it is added and puts it in before it is
 * removed. Run with the check benchmark: {@code ./ndp bench overlap}; alone, at another size:
 * {@code ./ndp bench jmh IndexUpdateBenchmark -p platforms=20000}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexUpdateBenchmark {

    static final int LOCAL = 60;

    /** The index over the national and local platforms; a round-robin over the local ones. */
    @State(Scope.Benchmark)
    public static class Index {

        @Param({"100000"})
        int platforms;

        OverlapDetector detector;
        List<CorpusEntry> local;
        /** The local platforms as changed: another name, another function (most words kept). */
        List<CorpusEntry> changed;
        boolean[] isChanged;
        int next;

        @Setup(Level.Trial)
        public void build() {
            List<CorpusEntry> stored = new ArrayList<>(
                    OverlapBenchmark.corpus("GEN", platforms, 1, CorpusEntry.Kind.NATIONAL));
            local = OverlapBenchmark.corpus("LOCAL", LOCAL, 2, CorpusEntry.Kind.LOCAL);
            stored.addAll(local);
            changed = local.stream().map(e -> new CorpusEntry(e.code(), e.nameVi() + " cấp xã", e.nameEn(),
                    e.descriptionVi(), e.descriptionEn(), List.of("tra cứu hồ sơ"), e.ownerCode(), e.category(),
                    e.kind())).toList();
            isChanged = new boolean[LOCAL];
            detector = OverlapDetector.of(OverlapSettings.defaults(), stored::forEach);
        }

        /** The local platform the next invocation works on. */
        int turn() {
            int n = next;
            next = (next + 1) % LOCAL;
            return n;
        }

        void put(int n) {
            CorpusEntry entry = isChanged[n] ? changed.get(n) : local.get(n);
            detector.update(entry.code(), () -> Optional.of(entry));
        }

        void takeOut(int n) {
            detector.update(local.get(n).code(), Optional::empty);
        }
    }

    /** Before each add: the platform is not in the index. */
    @State(Scope.Benchmark)
    public static class Absent extends Index {

        int platform;

        @Setup(Level.Invocation)
        public void takeOutNext() {
            platform = turn();
            takeOut(platform);
        }
    }

    /** Before each removal: the platform is in the index. */
    @State(Scope.Benchmark)
    public static class Present extends Index {

        int platform;

        @Setup(Level.Invocation)
        public void putNext() {
            platform = turn();
            put(platform);
        }
    }

    @Benchmark
    public void addOneLocalPlatform(Absent index) {
        index.put(index.platform);
    }

    /** Alternately the changed and the first version of each local platform, in its place. */
    @Benchmark
    public void replaceOneLocalPlatform(Index index) {
        int n = index.turn();
        index.isChanged[n] = !index.isChanged[n];
        index.put(n);
    }

    @Benchmark
    public void removeOneLocalPlatform(Present index) {
        index.takeOut(index.platform);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int rebuildTheWholeIndex(Index index) {
        index.detector.refresh();
        return index.detector.corpusSize();
    }
}
