package vn.ndp.registry.adoption;

import java.util.function.Function;
import java.util.function.Predicate;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;

/**
 * A question to the province proposal list: status, words in the proposed
 * name (diacritics and case ignored), a province and the page, the most
 * recently changed first. The reader's scope is not part of it;
 * {@link ProvinceProposals#find} adds it.
 *
 * @param provinceCode proposals of this province and of the provinces merged into it
 */
public record ProvinceProposalQuery(ProvinceProposal.Status status, String q, String provinceCode, Paging paging) {

    public ProvinceProposalQuery {
        q = InvalidParameters.stripped(q);
        provinceCode = InvalidParameters.stripped(provinceCode);
    }

    /** The latest proposals of a province, for its page. */
    public static ProvinceProposalQuery ofProvince(String provinceCode, int size) {
        return new ProvinceProposalQuery(null, null, provinceCode, Paging.first(size));
    }

    /**
     * Parses {@code status}, {@code q}, {@code province}, {@code page} and {@code size}; unknown provinces and bad
     * values become one 400 naming each parameter.
     */
    public static ProvinceProposalQuery parse(Function<String, String> param, Predicate<String> provinceExists,
            int defaultSize) {
        InvalidParameters invalid = new InvalidParameters();
        String q = invalid.search("q", param.apply("q"));
        String province = InvalidParameters.stripped(param.apply("province"));
        if (province != null && !provinceExists.test(province)) {
            invalid.reject("province", "no province has the code '" + province + "'; see /api/v1/agencies"
                    + " for codes.");
            province = null;
        }
        ProvinceProposalQuery query = new ProvinceProposalQuery(
                invalid.choice("status", param.apply("status"), ProvinceProposal.Status.class), q, province,
                Paging.parse(param, defaultSize, invalid));
        invalid.throwIfAny();
        return query;
    }
}
