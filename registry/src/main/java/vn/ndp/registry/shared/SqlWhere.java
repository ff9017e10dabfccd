package vn.ndp.registry.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The WHERE clause of a filtered list: each filter that is set adds its condition, with its value as a bound
 * parameter, and a filter left null adds nothing. The same clause serves a page's rows and its count.
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code column} is one of {@code values}; nothing when {@code values} is null (no restriction). */
    public SqlWhere anyOf(String column, Collection<String> values) {
        return values == null ? this : add(column + " = any(?)", (Object) values.toArray(String[]::new));
    }

    /** {@code column} equals {@code value} (an enum by its name); nothing when it is null. */
    public SqlWhere is(String column, Object value) {
        return value == null ? this : add(column + " = ?", value instanceof Enum<?> e ? e.name() : value);
    }

    /** Every word of {@code words} is in one of {@code columns}, case and diacritics ignored; nothing when null. */
    public SqlWhere words(String words, String... columns) {
        if (words != null) {
            FoldedSearch.allWords(words, conditions, params, columns);
        }
        return this;
    }

    /** Any condition, its {@code ?} bound to {@code values}. */
    public SqlWhere add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** The conditions joined by {@code and}; {@code true} without any. */
    public String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /** The conditions' parameters, then {@code more} (e.g. a page's limit and offset). */
    public List<Object> params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
