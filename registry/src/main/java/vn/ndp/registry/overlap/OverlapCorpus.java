package vn.ndp.registry.overlap;

import java.util.function.Consumer;

/**
 * A source of existing platforms to compare with. The catalogue supplies the
 * national platforms; another module (local platforms of provinces) adds its
 * own by declaring a bean of this type and calling
 * {@link OverlapDetector#update} after one of its entries changes (or
 * {@link OverlapDetector#refresh()} after many). Keep the bean separate from
 * any service that calls the detector, so the two do not depend on each other.
 */
@FunctionalInterface
public interface OverlapCorpus {

    /** Hands every current entry to the consumer. */
    void forEach(Consumer<CorpusEntry> consumer);
}
