/**
 * Overlap check: before a platform is proposed, adopted or built, find the
 * existing platforms it duplicates or overlaps. {@link vn.ndp.registry.overlap.OverlapDetector}
 * compares a {@link vn.ndp.registry.overlap.PlatformDescription} with every
 * {@link vn.ndp.registry.overlap.CorpusEntry} that the registered
 * {@link vn.ndp.registry.overlap.OverlapCorpus corpora} supply (the national
 * catalogue now; provinces' local platforms can add a corpus of their own) and
 * returns ranked matches with a score, a {@link vn.ndp.registry.overlap.Verdict}
 * and readable reasons.
 * <p>
 * Matching is built for Vietnamese: text with or without diacritics, in
 * Vietnamese or English, with administrative abbreviations (CSDL, TTHC, LGSP ...)
 * and synonyms, compares as the same words; generic words every platform
 * shares ("hệ thống", "nền tảng", "quốc gia") carry no weight. The word lists
 * are resources in {@code classpath:overlap/}, the cut-offs are settings under
 * {@code ndp.overlap}. Served at {@code POST /api/v1/overlap/check} and on the
 * page {@code /overlap}; {@code ./ndp eval overlap} measures it against the
 * labelled set in {@code overlap/evaluation.json}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overlap check")
package vn.ndp.registry.overlap;
