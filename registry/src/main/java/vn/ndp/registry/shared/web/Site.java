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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 */
public record Site(String asOf, String language, String path, String viHref, String enHref, List<Param> keep) {

    public static final String MODEL_NAME = "site";
    private static final Set<String> NOT_KEPT = Set.of("asOf", "page", "lang");

    public record Param(String name, String value) {
    }

    public static Site of(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        Locale locale = RequestContextUtils.getLocale(request);
        // A page answering a posted form (a refusal) has the form's fields as parameters: the CSRF token and what was
        // typed, never to be put in a link. Its links keep only its address's own query, and switching the language
        // goes back to the page the form was on.
        boolean posted = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        Map<String, List<String>> parameters = posted ? queryOf(request.getQueryString()) : parametersOf(request);
        List<Param> keep = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name)) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        keep.add(new Param(name, value));
                    }
                }
            }
        });
        String asOf = validDate(parameters.getOrDefault("asOf", List.of()).stream().findFirst().orElse(null));
        Links here = Links.to(path);
        for (var entry : parameters.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                here = here.with(entry.getKey(), entry.getValue().getFirst());
            }
        }
        if (posted) {
            here = formPage(request, contextPath).orElse(here);
        }
        return new Site(asOf, locale.getLanguage(), path, here.with("lang", "vi").href(), here.with("lang", "en").href(),
                List.copyOf(keep));
    }

    private static Map<String, List<String>> parametersOf(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, java.util.Arrays.asList(values)));
        return parameters;
    }

    /** The parameters of a query string, decoded. */
    private static Map<String, List<String>> queryOf(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().forEach((name, values) ->
                parameters.put(decode(name), values.stream().map(v -> v == null ? "" : decode(v)).toList()));
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The page of this site a form was posted from (its Referer, same host), with its query; empty when unknown. */
    private static Optional<Links> formPage(HttpServletRequest request, String contextPath) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        URI from;
        try {
            from = new URI(referer);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String pagePath = from.getPath();
        if (from.getHost() == null || !from.getHost().equalsIgnoreCase(request.getServerName()) || pagePath == null
                || !pagePath.startsWith(contextPath.isEmpty() ? "/" : contextPath)) {
            return Optional.empty();
        }
        Links page = Links.to(pagePath.substring(contextPath.length()));
        for (var entry : queryOf(from.getRawQuery()).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                page = page.with(entry.getKey(), entry.getValue().getFirst());
            }
        }
        return Optional.of(page);
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
