package vn.ndp.registry.overlap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ndp.overlap}: the score cut-offs for the verdicts, how
 * many matches to return, how much each part of a description counts, input
 * limits and the anonymous rate limit.
 *
 * @param duplicateScore score (0–1) from which a match is a duplicate
 * @param overlapScore score from which a match is overlapping
 * @param reportScore lowest score still listed (as distinct) so people see near misses
 * @param topN most matches returned
 * @param nameBoost weight of the name relative to the description
 * @param functionsBoost weight of the listed functions relative to the description
 * @param functionMatch share of a function's weight that must match for it to be a reason
 * @param syllableWeight weight of a single syllable relative to a pair of syllables (a word)
 * @param nameWeight how far agreeing names raise the score towards the names' similarity (0–1)
 */
@ConfigurationProperties("ndp.overlap")
public record OverlapSettings(
        @DefaultValue("0.45") double duplicateScore,
        @DefaultValue("0.2") double overlapScore,
        @DefaultValue("0.1") double reportScore,
        @DefaultValue("5") int topN,
        @DefaultValue("2.0") double nameBoost,
        @DefaultValue("1.5") double functionsBoost,
        @DefaultValue("0.5") double functionMatch,
        @DefaultValue("0.3") double syllableWeight,
        @DefaultValue("0.5") double nameWeight,
        @DefaultValue Limits limits,
        @DefaultValue RateLimit rateLimit) {

    /** Longest accepted inputs. */
    public record Limits(
            @DefaultValue("300") int name,
            @DefaultValue("5000") int description,
            @DefaultValue("50") int functions,
            @DefaultValue("300") int function,
            @DefaultValue("1000") int users,
            @DefaultValue("200") int owner) {
    }

    /**
     * Anonymous checks per client address: a token bucket of {@code capacity}
     * checks, refilled at {@code perMinute}; {@code clients} caps how many
     * addresses are tracked at once.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30") int capacity,
            @DefaultValue("30") int perMinute,
            @DefaultValue("10000") int clients) {
    }

    /** The shipped defaults, for use outside Spring (benchmarks, evaluation). */
    public static OverlapSettings defaults() {
        return new OverlapSettings(0.45, 0.2, 0.1, 5, 2.0, 1.5, 0.5, 0.3, 0.5,
                new Limits(300, 5000, 50, 300, 1000, 200), new RateLimit(true, 30, 30, 10000));
    }
}
