package vn.ndp.registry.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ndp.registry.shared.CalendarDates;

/**
 * What the site layout needs on every page: the as-of date the visitor chose
 * (carried through links), the current language and links that switch it, and
 * the hidden fields that keep the current filters when the as-of date changes.
 *
 * @param asOf the requested as-of date as yyyy-MM-dd, or null when absent or invalid
 * @param path the page's path (the failed page's path on an error page)
 * @param keep the current parameters other than asOf, page and lang
 * @param dated whether the page's data is as of {@code asOf} ({@link DatedPage}): only then does the layout offer the
 *     as-of field and say which day the data is as of
 */
public record Site(String asOf, String language, String path, String viHref, String enHref, List<Param> keep,
        boolean dated) {

    public static final String MODEL_NAME = "site";
    private static final Set<String> NOT_KEPT = Set.of("asOf", "page", "lang");

    public record Param(String name, String value) {
    }

    /** The layout of a page whose data does not depend on the as-of date (which its links still carry). */
    public static Site of(HttpServletRequest request) {
        return of(request, false);
    }

    public static Site of(HttpServletRequest request, boolean dated) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        Map<String, List<String>> parameters;
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            parameters = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        } else {
            // A page answering a posted form (a refusal): its parameters are the form's fields, the CSRF token and
            // what was typed, never to be put in a link, and its address may take no GET. Its links are those of the
            // page the form was on (the Referer, within this site), else of its own address and query.
            URI from = formPage(request.getHeader("Referer"), contextPath);
            if (from != null) {
                path = from.getPath().substring(contextPath.length());
            }
            parameters = queryOf(from != null ? from.getRawQuery() : request.getQueryString());
        }
        List<Param> keep = new ArrayList<>();
        Links here = Links.to(path);
        for (var entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                if (value != null && !value.isBlank() && !NOT_KEPT.contains(entry.getKey())) {
                    keep.add(new Param(entry.getKey(), value));
                }
            }
            if (!entry.getValue().isEmpty()) {
                here = here.with(entry.getKey(), entry.getValue().getFirst());
            }
        }
        String asOf = validDate(here.get("asOf"));
        return new Site(asOf, RequestContextUtils.getLocale(request).getLanguage(), path,
                here.with("lang", "vi").href(), here.with("lang", "en").href(), List.copyOf(keep), dated);
    }

    /** The parameters of a raw query string, decoded. */
    private static Map<String, List<String>> queryOf(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().forEach((name, values) ->
                    parameters.put(decode(name), values.stream().map(v -> v == null ? "" : decode(v)).toList()));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * The page a form was posted from, by its Referer: only its path and query are used, so whichever host the
     * browser named (behind a proxy, the registry's own may differ), the links stay on this site; null when there is
     * none or it is outside the site's context path.
     */
    private static URI formPage(String referer, String contextPath) {
        if (referer == null) {
            return null;
        }
        try {
            URI from = new URI(referer);
            String pagePath = from.getPath();
            return pagePath != null && pagePath.startsWith(contextPath + "/") ? from : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The path with the current as-of date, if any: {@code /platforms?asOf=2024-07-03}. */
    public String link(String target) {
        return Links.to(target).with("asOf", asOf).href();
    }

    public LocalDate asOfDate() {
        return asOf == null ? null : LocalDate.parse(asOf);
    }

    /** This page with the same filters, as of today. */
    public String resetHref() {
        Links links = Links.to(path);
        for (Param p : keep) {
            links = links.with(p.name(), p.value());
        }
        return links.href();
    }

    public boolean english() {
        return "en".equals(language);
    }

    private static String validDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CalendarDates.parse(value).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
