package vn.ndp.registry.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ResultPage;

/**
 * Page links around the current page of a list: the first, a window of two
 * neighbours on each side, the last, and gaps between. Page 1 is the link
 * without a {@code page} parameter. On a page past the end of the list,
 * {@code previous} is the last page's link.
 */
public record Pagination(int page, int pages, String previous, String next, List<PageLink> links) {

    public record PageLink(int number, String href, boolean current, boolean gap) {
    }

    /**
     * Puts into {@code model} the page of a list the request asks for: {@code result}, its items under
     * {@code itemsName} and the page links ({@code pages}). When the request's parameters are invalid ({@code query}
     * throws {@link ErrorCode#INVALID_PARAMETER}) nothing was queried: the refusal goes in as {@code filterError}
     * for the page's {@code fragments/pagination :: filterErrors}, with an empty list.
     */
    public static <T> void intoModel(Model model, String itemsName, Links current, Supplier<ResultPage<T>> query) {
        intoModel(model, itemsName, current, query, items -> items);
    }

    /** The same, with the page's items shown as {@code shown} makes them (rows with what a table needs). */
    public static <T> void intoModel(Model model, String itemsName, Links current, Supplier<ResultPage<T>> query,
            Function<List<T>, List<?>> shown) {
        model.addAttribute("sizes", Paging.SIZES);
        model.addAttribute("defaultSize", Paging.DEFAULT_SIZE);
        try {
            ResultPage<T> found = query.get();
            model.addAttribute("result", found);
            model.addAttribute(itemsName, shown.apply(found.items()));
            model.addAttribute("pages", of(found.page(), found.pages(), current));
        } catch (RegistryException e) {
            if (e.code() != ErrorCode.INVALID_PARAMETER) {
                throw e;
            }
            model.addAttribute("filterError", e);
            model.addAttribute("result", null);
            model.addAttribute(itemsName, List.of());
            model.addAttribute("pages", null);
        }
    }

    public static Pagination of(int page, int pages, Links current) {
        List<PageLink> links = new ArrayList<>();
        int last = 0;
        for (int n : new TreeSet<>(window(page, pages))) {
            if (last != 0 && n - last > 1) {
                links.add(new PageLink(0, null, false, true));
            }
            links.add(new PageLink(n, current.with("page", n == 1 ? null : n).href(), n == page, false));
            last = n;
        }
        int previous = Math.min(page - 1, pages);
        return new Pagination(page, pages,
                page > 1 ? current.with("page", previous == 1 ? null : previous).href() : null,
                page < pages ? current.with("page", page + 1).href() : null, links);
    }

    private static List<Integer> window(int page, int pages) {
        List<Integer> numbers = new ArrayList<>(List.of(1, pages));
        for (int n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
