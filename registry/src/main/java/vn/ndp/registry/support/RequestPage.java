package vn.ndp.registry.support;

import java.util.List;

/** One page of the support queue, with the number of requests that match in all. */
public record RequestPage(List<SupportRequest> items, long total, int page, int size) {

    public RequestPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
