package vn.ndp.registry.overlap;

import java.util.List;
import java.util.Locale;
import vn.ndp.registry.shared.ShownLanguage;

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
        String link) {

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

    /** The name in the reader's language: the English one on an English page, where there is one. */
    public String name(Locale locale) {
        return ShownLanguage.name(locale, nameVi, nameEn);
    }

    /** The {@code lang} of {@link #name(Locale)} where it is not the page's: "vi" or null ({@link ShownLanguage}). */
    public String lang(Locale locale) {
        return ShownLanguage.lang(locale, nameVi, nameEn);
    }
}
