package vn.ndp.registry.overlap;

import java.util.List;

/**
 * The result of one check: the overall verdict (that of the best match, or
 * distinct) and the matches, best first.
 */
public record OverlapReport(Verdict verdict, List<Match> matches, int corpusSize) {

    public OverlapReport {
        matches = List.copyOf(matches);
    }

    /** One existing platform the description resembles. {@code terms} are as written in that platform. */
    public record Match(CorpusEntry platform, double score, Verdict verdict, List<Reason> reasons, List<String> terms) {

        public Match {
            reasons = List.copyOf(reasons);
            terms = List.copyOf(terms);
        }
    }

    /**
     * Why they match. For {@link Kind#FUNCTION}, {@code function} is the
     * described function that matches; {@code terms} are the shared words as
     * the existing platform writes them.
     */
    public record Reason(Kind kind, String function, List<String> terms) {

        public Reason {
            terms = List.copyOf(terms);
        }

        public enum Kind {
            /** The names share these words. */
            NAME,
            /** A described function matches the platform. */
            FUNCTION,
            /** The descriptions share these words. */
            DESCRIPTION,
            /** The same agency owns both. */
            SAME_OWNER
        }
    }
}
