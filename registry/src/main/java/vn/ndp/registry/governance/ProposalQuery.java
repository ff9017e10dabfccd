package vn.ndp.registry.governance;

import java.util.function.Function;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;

/**
 * A question to the proposal list: status, words in the proposed name or the
 * code (diacritics and case ignored) and the page, the most recently changed
 * first. The reader's scope is not part of it; {@link RecognitionDesk#find}
 * adds it.
 */
public record ProposalQuery(ProposalStatus status, String q, Paging paging) {

    public ProposalQuery {
        q = InvalidParameters.stripped(q);
    }

    /** Parses {@code status}, {@code q}, {@code page} and {@code size}; bad values become one 400 naming each. */
    public static ProposalQuery parse(Function<String, String> param, int defaultSize) {
        InvalidParameters invalid = new InvalidParameters();
        String q = invalid.search("q", param.apply("q"));
        ProposalQuery query = new ProposalQuery(invalid.choice("status", param.apply("status"), ProposalStatus.class),
                q, Paging.parse(param, defaultSize, invalid));
        invalid.throwIfAny();
        return query;
    }
}
