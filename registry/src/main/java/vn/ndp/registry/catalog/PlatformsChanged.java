package vn.ndp.registry.catalog;

import java.util.List;

/** Platforms were written (imported, recognised, edited) and the catalogue's index is current again. */
public record PlatformsChanged(List<String> codes) {

    public PlatformsChanged {
        codes = List.copyOf(codes);
    }
}
