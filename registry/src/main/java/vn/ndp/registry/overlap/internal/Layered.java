package vn.ndp.registry.overlap.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable map from feature or code to value that a change copies only in
 * part: a base map from the last full build and the keys changed since, which
 * are folded into a new base once they are a sizeable share of it. So one
 * entry's change costs about the keys it touches, not the size of the map.
 */
final class Layered<V> {

    private static final int MIN_FOLD = 4_096;

    private final Map<String, V> base;
    /** Keys changed since {@code base}; a null value means the key was taken out. */
    private final Map<String, V> top;

    private Layered(Map<String, V> base, Map<String, V> top) {
        this.base = base;
        this.top = top;
    }

    /** Takes over {@code base}, which the caller no longer changes. */
    static <V> Layered<V> of(Map<String, V> base) {
        return new Layered<>(base, Map.of());
    }

    V get(String key) {
        if (top.isEmpty()) {
            return base.get(key);
        }
        V changed = top.get(key);
        if (changed != null || top.containsKey(key)) {
            return changed;
        }
        return base.get(key);
    }

    /** This map with {@code changes} applied; a null value takes the key out. */
    Layered<V> with(Map<String, V> changes) {
        Map<String, V> changed = new HashMap<>(top);
        changed.putAll(changes);
        if (changed.size() < Math.max(MIN_FOLD, base.size() / 64)) {
            return new Layered<>(base, changed);
        }
        Map<String, V> folded = new HashMap<>(base);
        changed.forEach((key, value) -> {
            if (value == null) {
                folded.remove(key);
            } else {
                folded.put(key, value);
            }
        });
        return of(folded);
    }
}
