package vn.ndp.registry.overlap;

import java.util.List;
import vn.ndp.registry.shared.Bilingual;

/**
 * An existing platform the overlap check compares with: a national platform
 * from the catalogue, a province's local platform, or an evaluation fixture.
 * {@code link} is the path of its page on the site, which only its corpus
 * knows (null: none).
 */
public record CorpusEntry(
        String code,
        String nameVi,
        String nameEn,
        String descriptionVi,
        String descriptionEn,
        List<String> functions,
        String ownerCode,
        String category,
        Kind kind,
        String link) implements Bilingual {

    /** An entry without a page of its own (an evaluation fixture, a test's). */
    public CorpusEntry(String code, String nameVi, String nameEn, String descriptionVi, String descriptionEn,
            List<String> functions, String ownerCode, String category, Kind kind) {
        this(code, nameVi, nameEn, descriptionVi, descriptionEn, functions, ownerCode, category, kind, null);
    }

    public enum Kind {
        /** A platform in the national catalogue. */
        NATIONAL,
        /** A platform a province or ministry runs for itself. */
        LOCAL,
        /** Written for the evaluation set only; never part of a running registry's corpus. */
        EVALUATION_FIXTURE
    }

    public CorpusEntry {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
