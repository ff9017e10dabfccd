package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An immutable link to a page with query parameters, for GET forms rendered
 * as links: {@code Links.to("/platforms").with("owner", "BTC").without("page")}.
 * Blank values are left out; {@link #href()} percent-encodes.
 */
public final class Links {

    private final String path;
    private final List<Site.Param> params;

    private Links(String path, List<Site.Param> params) {
        this.path = path;
        this.params = List.copyOf(params);
    }

    public static Links to(String path) {
        return new Links(path, List.of());
    }

    /** A link to {@code path} with the parameters {@code names} as the request has them: the list being shown. */
    public static Links from(String path, HttpServletRequest request, List<String> names) {
        Links links = to(path);
        for (String name : names) {
            links = links.with(name, request.getParameter(name));
        }
        return links;
    }

    /** Sets (replaces) a parameter; a null or blank value removes it. */
    public Links with(String name, Object value) {
        List<Site.Param> next = new ArrayList<>(params);
        next.removeIf(p -> p.name().equals(name));
        if (value != null && !value.toString().isBlank()) {
            next.add(new Site.Param(name, value.toString()));
        }
        return new Links(path, next);
    }

    /** The same parameters on another path. */
    public Links at(String otherPath) {
        return new Links(otherPath, params);
    }

    public String get(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Site.Param::value).findFirst().orElse(null);
    }

    public Links without(String name) {
        return with(name, null);
    }

    /** The link, every value strictly percent-encoded (so "&", "=" and "+" in a value stay in it). */
    public String href() {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        Object[] values = new Object[params.size()];
        for (int i = 0; i < params.size(); i++) {
            builder.queryParam(params.get(i).name(), "{v" + i + "}");
            values[i] = params.get(i).value();
        }
        return builder.encode().buildAndExpand(values).toUriString();
    }

    @Override
    public String toString() {
        return href();
    }
}
