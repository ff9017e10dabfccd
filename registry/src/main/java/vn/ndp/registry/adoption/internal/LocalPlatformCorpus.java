package vn.ndp.registry.adoption.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapCorpus;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/** Provinces' local platforms in the register (removed ones left out), so every overlap check sees them. */
@Component
class LocalPlatformCorpus implements OverlapCorpus {

    private final LocalPlatformRepository repository;

    LocalPlatformCorpus(LocalPlatformRepository repository) {
        this.repository = repository;
    }

    @Override
    public void forEach(Consumer<CorpusEntry> consumer) {
        for (LocalPlatform p : repository.active()) {
            consumer.accept(entry(p));
        }
    }

    /** The local platform as the overlap check compares with it now; empty once it is removed. */
    Optional<CorpusEntry> current(UUID id) {
        return repository.find(id).filter(p -> !p.removed()).map(LocalPlatformCorpus::entry);
    }

    private static CorpusEntry entry(LocalPlatform p) {
        return new CorpusEntry(p.code(), p.nameVi(), p.nameEn(), p.description(), null, p.functions(),
                p.provinceCode(), Wire.name(p.category()), CorpusEntry.Kind.LOCAL,
                "/adoption/provinces/" + p.provinceCode() + "/local-platforms/" + p.id());
    }
}
