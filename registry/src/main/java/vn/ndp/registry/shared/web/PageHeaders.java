package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ndp.registry.shared.ResultPage;

/**
 * The page of a list that the API returns as a plain JSON array, in headers:
 * {@code X-Total-Count}, {@code X-Page}, {@code X-Page-Size} and {@code Link}
 * (rel=next, prev) to the same request with another {@code page}.
 */
public final class PageHeaders {

    private PageHeaders() {
    }

    public static HttpHeaders of(HttpServletRequest request, ResultPage<?> result) {
        int page = result.page();
        int pages = result.pages();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", String.valueOf(result.total()));
        headers.set("X-Page", String.valueOf(page));
        headers.set("X-Page-Size", String.valueOf(result.size()));
        List<String> links = new ArrayList<>();
        if (page < pages) {
            links.add("<" + pageLink(request, page + 1) + ">; rel=\"next\"");
        }
        if (page > 1) {
            links.add("<" + pageLink(request, Math.min(page - 1, pages)) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return headers;
    }

    private static String pageLink(HttpServletRequest request, int page) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build().toUriString();
    }
}
