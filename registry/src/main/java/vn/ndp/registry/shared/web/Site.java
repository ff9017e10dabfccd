package vn.ndp.registry.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.servlet.support.RequestContextUtils;
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
        List<Param> keep = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_KEPT.contains(name)) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        keep.add(new Param(name, value));
                    }
                }
            }
        });
        String asOf = validDate(request.getParameter("asOf"));
        return new Site(asOf, locale.getLanguage(), path,
                switchTo(path, request, "vi"), switchTo(path, request, "en"), List.copyOf(keep));
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

    private static String switchTo(String path, HttpServletRequest request, String language) {
        Links links = Links.to(path);
        for (var entry : request.getParameterMap().entrySet()) {
            if (!entry.getKey().equals("lang") && entry.getValue().length > 0) {
                links = links.with(entry.getKey(), entry.getValue()[0]);
            }
        }
        return links.with("lang", language).href();
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
