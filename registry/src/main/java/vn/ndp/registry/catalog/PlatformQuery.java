package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;

/**
 * A catalogue search: free text, facet filters, the date the question is asked
 * as of (null = today), page (1-based), size and sort. Built from request
 * parameters by {@link #parse}, which reports every bad parameter at once.
 */
public record PlatformQuery(
        String q,
        String owner,
        Category category,
        PlatformType type,
        LifecycleStatus status,
        Scope scope,
        LocalDate asOf,
        int page,
        int size,
        Sort sort) {

    /** Every parameter {@link #parse} reads: a resource searching with it takes these and no other. */
    public static final List<String> PARAMETERS =
            List.of("q", "owner", "category", "type", "status", "scope", "asOf", "page", "size", "sort");

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public enum Sort {
        RELEVANCE, NAME, CODE
    }

    public PlatformQuery {
        q = InvalidParameters.stripped(q);
        owner = InvalidParameters.stripped(owner);
        sort = sort == null ? (q == null ? Sort.NAME : Sort.RELEVANCE) : sort;
    }

    public static PlatformQuery all(LocalDate asOf) {
        return new PlatformQuery(null, null, null, null, null, null, asOf, 1, MAX_SIZE, Sort.NAME);
    }

    /** The first {@code size} platforms that match {@code words}, best first: a form's platform search. */
    public static PlatformQuery words(String words, LocalDate asOf, int size) {
        return new PlatformQuery(words, null, null, null, null, null, asOf, 1, size, null);
    }

    /**
     * Parses a search's request parameters; unknown owners and bad values become one 400 naming each parameter. An
     * empty {@code asOf} is today, as a search form sends it (the API refuses it before, in
     * {@code StrictQueryParameters}).
     */
    public static PlatformQuery parse(Function<String, String> param, Predicate<String> agencyExists) {
        InvalidParameters p = new InvalidParameters();
        String q = p.search("q", param.apply("q"));
        String owner = param.apply("owner");
        if (owner != null && !owner.isBlank() && !agencyExists.test(owner.strip())) {
            p.reject("owner", "no agency has the code '" + owner + "'; see /api/v1/agencies.");
            owner = null;
        }
        Category category = p.choice("category", param.apply("category"), Category.class);
        PlatformType type = p.choice("type", param.apply("type"), PlatformType.class);
        LifecycleStatus status = p.choice("status", param.apply("status"), LifecycleStatus.class);
        Scope scope = p.choice("scope", param.apply("scope"), Scope.class);
        LocalDate asOf = p.date("asOf", param.apply("asOf"));
        Paging paging = Paging.parse(param, DEFAULT_SIZE, MAX_SIZE, p);
        PlatformQuery query = new PlatformQuery(q, owner, category, type, status, scope, asOf, paging.page(),
                paging.size(), p.choice("sort", param.apply("sort"), Sort.class));
        p.throwIfAny();
        return query;
    }

    public PlatformQuery withPage(int newPage, int newSize) {
        return new PlatformQuery(q, owner, category, type, status, scope, asOf, newPage, newSize, sort);
    }
}
