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

    @Test
    void puttingInAnEntryEqualToTheOneHeldKeepsTheIndex() {
        CorpusEntry auction = entry("A", "Hệ thống đấu giá tài sản", "Đấu giá tài sản công.");
        OverlapIndex index = OverlapIndex.build(ANALYZER, SETTINGS, List.of(auction));

        assertThat(index.with(auction)).isSameAs(index);
        assertThat(index.without("missing")).isSameAs(index);
    }
}
