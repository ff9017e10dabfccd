package vn.ndp.registry.overlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.ndp.registry.overlap.internal.Analyzer;
import vn.ndp.registry.overlap.internal.Lexicon;
import vn.ndp.registry.overlap.internal.Matching;
import vn.ndp.registry.overlap.internal.OverlapIndex;
import vn.ndp.registry.shared.FirstBuild;

/**
 * Finds the existing platforms a described platform duplicates or overlaps,
 * ranked, with reasons. The corpus is read from every {@link OverlapCorpus}
 * when the application starts (on its own thread while the rest of the
 * application is created; the application accepts no request before it is
 * done); call {@link #refresh()} after platforms are imported, or
 * {@link #update} after one entry is added, changed or taken out.
 * Checks are lock-free: a refresh builds a new index and swaps it in, an
 * update derives a new index from the current one and swaps that in.
 */
@Service
public class OverlapDetector implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OverlapDetector.class);

    private final List<OverlapCorpus> corpora;
    private final OverlapSettings settings;
    private final Analyzer analyzer;
    private volatile OverlapIndex index;
    private final FirstBuild firstBuild;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final Executor refresher;
    private volatile boolean closed;
    /** One full build at a time. */
    private final Object fullBuild = new Object();
    /** Swaps of the index; held briefly, never while a full build reads the corpora. */
    private final Object swaps = new Object();
    /** Single-entry changes made while a full build is under way, for it to apply too; null when none is. */
    private List<UnaryOperator<OverlapIndex>> changesDuringBuild;

    @Autowired
    OverlapDetector(ObjectProvider<OverlapCorpus> corpora, OverlapSettings settings) {
        this(corpora.orderedStream().toList(), settings, background(), FirstBuild.ownThread("overlap-index-build"));
    }

    /** Over the given corpora, rebuilding on {@code refresher} when the catalogue changes. */
    OverlapDetector(List<OverlapCorpus> corpora, OverlapSettings settings, Executor refresher) {
        this(corpora, settings, refresher, null);
    }

    /** @param firstBuilder where the first index is built; null to build it before the constructor returns */
    OverlapDetector(List<OverlapCorpus> corpora, OverlapSettings settings, Executor refresher,
            Executor firstBuilder) {
        this.corpora = List.copyOf(corpora);
        this.settings = settings;
        this.analyzer = new Analyzer(Lexicon.standard());
        this.refresher = refresher;
        this.firstBuild = FirstBuild.start(this::refresh, firstBuilder);
    }

    /** A detector outside Spring, over the given corpora (benchmarks, the evaluation, tests). */
    public static OverlapDetector of(OverlapSettings settings, OverlapCorpus... corpora) {
        return new OverlapDetector(List.of(corpora), settings, background());
    }

    private static Executor background() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("overlap-refresh").daemon(true).factory());
    }

    /** Holds the start back until the first index is built, so that no check compares with an empty corpus. */
    @Override
    public void afterSingletonsInstantiated() {
        index();
    }

    /** The current index, once the first one is built (a failed first build fails every check, and the start). */
    private OverlapIndex index() {
        firstBuild.join();
        return index;
    }

    /** The description compared with every platform in the corpus. */
    public OverlapReport check(PlatformDescription description) {
        return check(description, null);
    }

    /**
     * The description of a changed platform, compared with every other platform: its own entry, as last saved, is
     * left out before the best {@code topN} are taken, so that it takes no place a real match should have.
     */
    public OverlapReport check(PlatformDescription description, String platformCode) {
        return new Matching(index(), settings).check(description, platformCode);
    }

    /**
     * Many entries changed (an import): rebuild in the background, so that an import of thousands of platforms
     * does not wait for it; checks use the previous index until the new one is swapped in. Changes that arrive
     * during a rebuild are coalesced into one more rebuild. A few changed entries go through {@link #update}.
     */
    public void refreshLater() {
        if (!closed && refreshPending.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refreshInBackground);
            } catch (RejectedExecutionException e) {
                // closed between the check and the hand-off: the change is committed, and nothing is left to rebuild
                refreshPending.set(false);
            }
        }
    }

    private void refreshInBackground() {
        refreshPending.set(false);
        if (closed) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("Could not rebuild the overlap index; checks use the previous one", e);
            }
        }
    }

    /**
     * The application is closing: a rebuild still waiting is dropped, and one under way is interrupted. A command
     * that ends right after an import (`ndp import`) closed the database's pool under the rebuild, which then failed
     * with a stack trace on the console.
     */
    @Override
    public void destroy() {
        closed = true;
        if (refresher instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /**
     * Reads the corpora again and swaps in a new index. Entries changed through {@link #update} while it reads
     * and builds are changed in the new index too before it is swapped in, so that it loses none of them.
     */
    public void refresh() {
        synchronized (fullBuild) {
            synchronized (swaps) {
                changesDuringBuild = new ArrayList<>();
            }
            try {
                long started = System.nanoTime();
                List<CorpusEntry> entries = new ArrayList<>();
                for (OverlapCorpus corpus : corpora) {
                    corpus.forEach(entries::add);
                }
                OverlapIndex built = OverlapIndex.build(analyzer, settings, entries);
                synchronized (swaps) {
                    for (UnaryOperator<OverlapIndex> change : changesDuringBuild) {
                        built = change.apply(built);
                    }
                    index = built;
                }
                log.info("Overlap index built: {} platforms in {} ms", entries.size(),
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                synchronized (swaps) {
                    changesDuringBuild = null;
                }
            }
        }
    }

    /**
     * One entry of a corpus was added, changed or taken out: reads it as it is now with {@code current} and puts
     * it into the index in place of the entry with its code, or takes that entry out when {@code current} finds
     * none. Costs the entry and the entries sharing its words, not a rebuild; the next check sees the change.
     * The read happens while no other change is swapped in, so two changes of one entry land in the order they
     * were read and the index ends with the later one.
     *
     * @param code the entry's code ({@link CorpusEntry#code()})
     * @param current the entry as its corpus has it now; empty when it is no longer there
     */
    public void update(String code, Supplier<Optional<CorpusEntry>> current) {
        index();
        synchronized (swaps) {
            Optional<CorpusEntry> entry = current.get();
            entry.filter(e -> !e.code().equals(code)).ifPresent(e -> {
                throw new IllegalArgumentException("Entry " + e.code() + " read for code " + code);
            });
            UnaryOperator<OverlapIndex> change = entry.<UnaryOperator<OverlapIndex>>map(e -> i -> i.with(e))
                    .orElse(i -> i.without(code));
            index = change.apply(index);
            if (changesDuringBuild != null) {
                changesDuringBuild.add(change);
            }
        }
    }

    /** How many existing platforms a check compares with. */
    public int corpusSize() {
        return index().size();
    }

    public OverlapSettings settings() {
        return settings;
    }
}
