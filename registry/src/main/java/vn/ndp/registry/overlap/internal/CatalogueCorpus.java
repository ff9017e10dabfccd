package vn.ndp.registry.overlap.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapCorpus;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/** Every platform listed in the national catalogue today, whatever its status. */
@Component
class CatalogueCorpus implements OverlapCorpus {

    private final Catalog catalog;
    private final Clock clock;

    CatalogueCorpus(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void forEach(Consumer<CorpusEntry> consumer) {
        catalog.forEachListedOn(LocalDate.now(clock), p -> consumer.accept(entry(p)));
    }

    /** The platform as the overlap check compares with it now; empty when it is not listed in the catalogue today. */
    Optional<CorpusEntry> current(String code) {
        LocalDate today = LocalDate.now(clock);
        return catalog.find(code).filter(p -> p.listedOn(today)).map(CatalogueCorpus::entry);
    }

    static CorpusEntry entry(Platform p) {
        return new CorpusEntry(p.code(), p.nameVi(), p.nameEn(), p.descriptionVi(), p.descriptionEn(), List.of(),
                p.ownerCode(), Wire.name(p.category()), CorpusEntry.Kind.NATIONAL, "/platforms/" + p.code());
    }
}
