package vn.ndp.registry.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One field's value before and after a change, both in the field's text form (null when empty). {@code F} names the
 * field the way its register does: {@code PlatformField} in the catalogue, the wire name for a province's local
 * platforms, {@code ListField} in the official lists.
 */
public record FieldChange<F>(F field, String before, String after) {

    /**
     * The fields whose text differs between two versions of a thing, in the order of {@code fields}, as they were and
     * as they are. Without an earlier version ({@code before} null) every field that has a value, each from null.
     */
    public static <F, T> List<FieldChange<F>> between(Iterable<F> fields, T before, T after,
            BiFunction<F, T, String> text) {
        List<FieldChange<F>> changes = new ArrayList<>();
        for (F field : fields) {
            String was = before == null ? null : text.apply(field, before);
            String is = text.apply(field, after);
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange<>(field, was, is));
            }
        }
        return changes;
    }

    /** The same change, with its field named by {@code name} (for example by its wire name in an API answer). */
    public <G> FieldChange<G> map(Function<? super F, ? extends G> name) {
        return new FieldChange<>(name.apply(field), before, after);
    }
}
