package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapSettings;

class OverlapIndexTests {

    static final OverlapSettings SETTINGS = OverlapSettings.defaults();
    static final Analyzer ANALYZER = new Analyzer(Lexicon.standard());

    static CorpusEntry entry(String code, String name, String description) {
        return new CorpusEntry(code, name, null, description, null, List.of(), "BTP", "government",
                CorpusEntry.Kind.LOCAL);
    }

    static final List<String> WORDS = List.of("đấu giá", "tài sản", "văn bản", "hồ sơ", "đất đai", "thuế",
            "y tế", "bệnh viện", "giáo dục", "học sinh", "du lịch", "thủy sản", "tàu cá", "camera", "giao thông",
            "phản ánh", "hiện trường", "thanh toán", "hóa đơn", "hộ tịch", "cư trú", "môi trường", "quan trắc");

    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(i % 4 == 3 ? ". " : " ");
        }
        return text.toString();
    }

    Map<String, Double> query(String text, double boost) {
        Map<String, Double> raw = new HashMap<>();
        OverlapIndex.addField(raw, ANALYZER.analyze(text), boost, SETTINGS);
        return raw;
    }

    @Test
    void everyEntryScoresTheSameBitsAfterAddsReplacementsAndRemovalsAsAfterAFullBuild() {
        Random random = new Random(42);
        List<CorpusEntry> corpus = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            corpus.add(entry("P" + i, words(random, 3), words(random, 12)));
        }
        OverlapIndex changing = OverlapIndex.build(ANALYZER, SETTINGS, corpus);
        for (int step = 0; step < 200; step++) {
            int which = random.nextInt(corpus.size() + 20);
            if (step % 3 == 2 && which < corpus.size()) {
                changing = changing.without(corpus.remove(which).code());
            } else {
                CorpusEntry changed = entry(which < corpus.size() ? corpus.get(which).code() : "N" + step,
                        words(random, 3), words(random, 10));
                corpus.removeIf(e -> e.code().equals(changed.code()));
                corpus.add(changed);
                changing = changing.with(changed);
            }
        }
        OverlapIndex index = changing;
        OverlapIndex rebuilt = OverlapIndex.build(ANALYZER, SETTINGS, corpus);

        assertThat(index.size()).isEqualTo(rebuilt.size()).isEqualTo(corpus.size());
        for (int q = 0; q < 25; q++) {
            String name = words(random, 3);
            Map<String, Double> raw = query(name + " " + words(random, 6), 1.0);
            Map<String, Double> nameRaw = query(name, 1.0);
            raw.keySet().forEach(f -> assertThat(index.idf(f)).isEqualTo(rebuilt.idf(f)));
            List<OverlapIndex.Scored> all = index.search(index.weigh(raw), index.weigh(nameRaw), 0, corpus.size(), null);
            assertThat(all).as("query %d", q).isNotEmpty()
                    .isEqualTo(rebuilt.search(rebuilt.weigh(raw), rebuilt.weigh(nameRaw), 0, corpus.size(), null));
        }
    }

    static final List<String> ENGLISH = List.of("auction", "assets", "documents", "land", "tax", "health",
            "hospital", "education", "tourism", "fishing", "traffic", "payment", "invoice", "residence");

    /** An entry with every field: names in both languages, functions and a description. */
    static CorpusEntry fullEntry(String code, Random random) {
        StringBuilder nameEn = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            nameEn.append(ENGLISH.get(random.nextInt(ENGLISH.size()))).append(' ');
        }
        return new CorpusEntry(code, words(random, 3), nameEn.toString().strip(), words(random, 12), null,
                List.of(words(random, 2), words(random, 2)), "BTP", "government", CorpusEntry.Kind.NATIONAL);
    }

    /** Every entry with a score for each query, best first, as the index ranks them, and the top five. */
    List<List<OverlapIndex.Scored>> answers(OverlapIndex index, List<String> queries, String excluding) {
        List<List<OverlapIndex.Scored>> answers = new ArrayList<>();
        for (String text : queries) {
            Map<String, Double> raw = query(text.replace('|', ' '), 1.0);
            Map<String, Double> nameRaw = query(text.substring(0, text.indexOf('|')), 1.0);
            answers.add(index.search(index.weigh(raw), index.weigh(nameRaw), 0, index.size(), excluding));
            answers.add(index.search(index.weigh(raw), index.weigh(nameRaw), 0.05, 5, excluding));
        }
        return answers;
    }

    @Test
    void aReplacedEntryAnswersExactlyAsAnIndexBuiltFromScratchWithTheNewEntry() {
        Random random = new Random(7);
        List<CorpusEntry> corpus = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            corpus.add(fullEntry("P" + i, random));
        }
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < 12; q++) {
            queries.add(words(random, 3) + "|" + words(random, 6));
        }
        queries.add("Hệ thống quản lý hộ tịch điện tử|Đăng ký khai sinh, kết hôn trực tuyến");
        OverlapIndex index = OverlapIndex.build(ANALYZER, SETTINGS, corpus);
        CorpusEntry first = corpus.getFirst();
        List<CorpusEntry> replacements = List.of(
                new CorpusEntry(first.code(), first.nameVi(), first.nameEn(), first.descriptionVi() + " "
                        + first.descriptionVi(), null, first.functions(), "BTP", "government",
                        CorpusEntry.Kind.NATIONAL),
                new CorpusEntry("P1", "Hệ thống quản lý hộ tịch điện tử", "Electronic civil status registry",
                        "Đăng ký khai sinh, kết hôn, khai tử trực tuyến.", null, List.of("cấp bản sao trích lục"),
                        "BTP", "government", CorpusEntry.Kind.LOCAL),
                new CorpusEntry("P2", "Cổng thông tin", null, "", null, List.of(), "BTP", "government",
                        CorpusEntry.Kind.LOCAL),
                fullEntry("P3", random),
                fullEntry("P199", random));

        for (CorpusEntry replacement : replacements) {
            OverlapIndex replaced = index.with(replacement);
            corpus.replaceAll(e -> e.code().equals(replacement.code()) ? replacement : e);
            OverlapIndex rebuilt = OverlapIndex.build(ANALYZER, SETTINGS, corpus);

            assertThat(replaced.size()).isEqualTo(rebuilt.size()).isEqualTo(corpus.size());
            assertThat(answers(replaced, queries, null)).as("replacing %s", replacement.code())
                    .isEqualTo(answers(rebuilt, queries, null))
                    .isEqualTo(answers(index.without(replacement.code()).with(replacement), queries, null));
            assertThat(answers(replaced, queries, "P1")).isEqualTo(answers(rebuilt, queries, "P1"));
            index = replaced;
        }
        assertThat(answers(index, queries, null).getLast()).as("the civil status registry is found")
                .extracting(scored -> scored.entry().code()).first().isEqualTo("P1");
    }

    @Test
    void puttingInAnEntryEqualToTheOneHeldKeepsTheIndex() {
        CorpusEntry auction = entry("A", "Hệ thống đấu giá tài sản", "Đấu giá tài sản công.");
        OverlapIndex index = OverlapIndex.build(ANALYZER, SETTINGS, List.of(auction));

        assertThat(index.with(auction)).isSameAs(index);
        assertThat(index.without("missing")).isSameAs(index);
    }
}
