package vn.ndp.registry.shared;

import java.util.List;
import java.util.function.Function;

/**
 * Which page of a list, 1-based, and how many rows a page has; the bounds are
 * those of the support queue, so every paged list answers the same way.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 100_000;
    /** The page sizes a list page offers. */
    public static final List<Integer> SIZES = List.of(10, DEFAULT_SIZE, 50, 100, MAX_SIZE);

    public Paging {
        if (page < 1 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page 1.." + MAX_PAGE + " and size 1.." + MAX_SIZE + ", were " + page
                    + " and " + size);
        }
    }

    /** The first page of {@code size} rows. */
    public static Paging first(int size) {
        return new Paging(1, size);
    }

    /** Reads parameters {@code page} and {@code size}; bad values are reported to {@code invalid}. */
    public static Paging parse(Function<String, String> param, int defaultSize, InvalidParameters invalid) {
        return new Paging(invalid.integer("page", param.apply("page"), 1, 1, MAX_PAGE),
                invalid.integer("size", param.apply("size"), defaultSize, 1, MAX_SIZE));
    }

    public int offset() {
        return (page - 1) * size;
    }
}
