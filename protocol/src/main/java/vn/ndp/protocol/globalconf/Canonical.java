package vn.ndp.protocol.globalconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The one order every list in the global configuration is kept in, so that equal content gives equal bytes. */
final class Canonical {

    private Canonical() {
    }

    static <T extends Comparable<? super T>> List<T> sortedDistinct(List<T> items, String what) {
        List<T> sorted = new ArrayList<>(items == null ? List.of() : items);
        sorted.forEach(item -> Objects.requireNonNull(item, what));
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).compareTo(sorted.get(i)) == 0) {
                throw new IllegalArgumentException("Duplicate " + what + ": " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    static <T, K extends Comparable<? super K>> List<T> sortedByUniqueKey(List<T> items, Function<T, K> key, String what) {
        List<T> sorted = new ArrayList<>(items == null ? List.of() : items);
        sorted.forEach(item -> Objects.requireNonNull(item, what));
        sorted.sort((a, b) -> key.apply(a).compareTo(key.apply(b)));
        for (int i = 1; i < sorted.size(); i++) {
            if (key.apply(sorted.get(i - 1)).compareTo(key.apply(sorted.get(i))) == 0) {
                throw new IllegalArgumentException("Duplicate " + what + ": " + key.apply(sorted.get(i)));
            }
        }
        return List.copyOf(sorted);
    }
}
