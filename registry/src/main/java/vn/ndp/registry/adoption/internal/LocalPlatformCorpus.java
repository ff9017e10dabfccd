package vn.ndp.registry.adoption.internal;

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
            consumer.accept(new CorpusEntry(p.code(), p.nameVi(), p.nameEn(), p.description(), null, p.functions(),
                    p.provinceCode(), Wire.name(p.category()), CorpusEntry.Kind.LOCAL));
        }
    }
}
