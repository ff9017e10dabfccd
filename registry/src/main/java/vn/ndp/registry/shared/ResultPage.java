package vn.ndp.registry.shared;

import java.util.List;

/** One page of a list, with the number of rows that match in all. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    public ResultPage {
        items = List.copyOf(items);
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
