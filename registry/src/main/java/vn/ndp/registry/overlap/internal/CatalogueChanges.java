package vn.ndp.registry.overlap.internal;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ndp.registry.catalog.PlatformsChanged;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;

/**
 * Keeps the overlap index in step with the catalogue. A recognition or an edit writes one platform: its entry is
 * updated in place, and the next check sees it. An import writes many: the index is rebuilt in the background, as
 * one update per platform would cost more than the rebuild.
 */
@Component
class CatalogueChanges {

    /** Up to this many platforms changed at once are updated one by one. */
    static final int ONE_BY_ONE = 20;

    private final OverlapDetector detector;
    private final Function<String, Optional<CorpusEntry>> current;

    @Autowired
    CatalogueChanges(OverlapDetector detector, CatalogueCorpus corpus) {
        this(detector, corpus::current);
    }

    /** {@code current}: a platform as the catalogue corpus has it now, empty when it is not listed. */
    CatalogueChanges(OverlapDetector detector, Function<String, Optional<CorpusEntry>> current) {
        this.detector = detector;
        this.current = current;
    }

    @EventListener
    void on(PlatformsChanged changed) {
        if (changed.codes().size() <= ONE_BY_ONE) {
            changed.codes().forEach(code -> detector.update(code, () -> current.apply(code)));
        } else {
            detector.refreshLater();
        }
    }
}
