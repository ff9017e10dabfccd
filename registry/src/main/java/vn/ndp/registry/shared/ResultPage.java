package vn.ndp.registry.shared;

import java.util.List;
import java.util.function.BiFunction;

/** One page of a list, with the number of rows that match in all. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    public ResultPage {
        items = List.copyOf(items);
    }

    /**
     * The page {@code paging} asks for among {@code total} matching rows; {@code rows} (limit, offset) is asked only
     * when the page is not past the end.
     */
    public static <T> ResultPage<T> fetch(Paging paging, long total, BiFunction<Integer, Integer, List<T>> rows) {
        List<T> items = total <= paging.offset() ? List.of() : rows.apply(paging.size(), paging.offset());
        return new ResultPage<>(items, total, paging.page(), paging.size());
    }

    public static <T> ResultPage<T> empty(Paging paging) {
        return new ResultPage<>(List.of(), 0, paging.page(), paging.size());
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The position of the first row on the page, 1-based; 0 when the page is empty. */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** The position of the last row on the page. */
    public long last() {
        return (long) (page - 1) * size + items.size();
    }
}
