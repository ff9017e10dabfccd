package vn.ndp.registry.support;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;

/**
 * A question to the support queue: filters, sort, page (1-based) and size. The
 * reader's scope is not part of it; {@link SupportDesk#find} adds it. Built
 * from request parameters by {@link #parse}, which reports every bad parameter
 * at once.
 *
 * @param platformCode requests about this platform
 * @param agencyCode requests raised by this agency or an agency merged into it
 * @param overdueOnly only requests past their due date while the operator has the next move
 * @param q words in the subject, diacritics and case ignored
 * @param sort null: the reader's usual order ({@link SupportDesk#find})
 */
public record RequestQuery(
        SupportStatus status,
        Priority priority,
        String platformCode,
        String agencyCode,
        boolean overdueOnly,
        String q,
        Sort sort,
        Paging paging) {

    /** The order of the list. */
    public enum Sort {
        /** Active requests first, the earliest due first: the operator's working order. */
        DUE,
        /** The most recently changed first. */
        UPDATED
    }

    public RequestQuery {
        platformCode = InvalidParameters.stripped(platformCode);
        agencyCode = InvalidParameters.stripped(agencyCode);
        q = InvalidParameters.stripped(q);
    }

    /**
     * Parses request parameters {@code status}, {@code priority}, {@code platform}, {@code agency},
     * {@code overdue} (true/false), {@code q}, {@code sort} (due/updated), {@code page} and {@code size};
     * unknown platforms and agencies and bad values become one 400 naming each parameter.
     */
    public static RequestQuery parse(Function<String, String> param, Predicate<String> platformExists,
            Predicate<String> agencyExists, int defaultSize) {
        InvalidParameters p = new InvalidParameters();
        String platform = InvalidParameters.stripped(param.apply("platform"));
        if (platform != null && !platformExists.test(platform)) {
            p.reject("platform", "no platform has the code '" + platform + "'; see /api/v1/platforms.");
            platform = null;
        }
        String agency = InvalidParameters.stripped(param.apply("agency"));
        if (agency != null && !agencyExists.test(agency)) {
            p.reject("agency", "no agency has the code '" + agency + "'; see /api/v1/agencies.");
            agency = null;
        }
        String q = p.search("q", param.apply("q"));
        Boolean overdue = p.check("overdue", param.apply("overdue"), RequestQuery::bool, "is not true or false.");
        RequestQuery query = new RequestQuery(
                p.choice("status", param.apply("status"), SupportStatus.class),
                p.choice("priority", param.apply("priority"), Priority.class),
                platform, agency, Boolean.TRUE.equals(overdue), q,
                p.choice("sort", param.apply("sort"), Sort.class),
                Paging.parse(param, defaultSize, p));
        p.throwIfAny();
        return query;
    }

    /** The same question limited to overdue requests, most overdue first unless another sort was asked for. */
    public RequestQuery overdue() {
        return new RequestQuery(status, priority, platformCode, agencyCode, true, q, sort == null ? Sort.DUE : sort,
                paging);
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> Boolean.TRUE;
            case "false", "0", "off", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
