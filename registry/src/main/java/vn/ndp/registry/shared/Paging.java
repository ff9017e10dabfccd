package vn.ndp.registry.shared;

import java.util.List;
import java.util.function.Function;

/**
 * Which page of a list, 1-based, and how many rows a page has. Every paged list
 * reads them through {@link #parse}, so bad values are refused the same way; a
 * list may allow fewer rows per page than {@link #MAX_SIZE} (the catalogue: 100).
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
        return parse(param, defaultSize, MAX_SIZE, invalid);
    }

    /**
     * As {@link #parse(Function, int, InvalidParameters)}, for a list of at most {@code maxSize} rows a page (no more
     * than {@link #MAX_SIZE}).
     */
    public static Paging parse(Function<String, String> param, int defaultSize, int maxSize,
            InvalidParameters invalid) {
        return new Paging(invalid.integer("page", param.apply("page"), 1, 1, MAX_PAGE),
                invalid.integer("size", param.apply("size"), defaultSize, 1, maxSize));
    }

    public int offset() {
        return (page - 1) * size;
    }
}
