package vn.ndp.registry.overlap;

import java.util.List;
import vn.ndp.registry.catalog.Category;

/**
 * What someone intends to build or adopt, as much as they know of it. A name
 * or a description is needed; every other part is optional.
 */
public record PlatformDescription(
        String name,
        String description,
        List<String> functions,
        String users,
        String owner,
        Category category) {

    public PlatformDescription {
        functions = functions == null ? List.of()
                : functions.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
    }

    public static PlatformDescription named(String name, String description) {
        return new PlatformDescription(name, description, List.of(), null, null, null);
    }

    public boolean isEmpty() {
        return (name == null || name.isBlank()) && (description == null || description.isBlank());
    }
}
