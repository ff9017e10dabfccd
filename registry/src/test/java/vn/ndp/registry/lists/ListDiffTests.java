package vn.ndp.registry.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.shared.FieldChange;

class ListDiffTests {

    static ListVersion version(String title) {
        return new ListVersion(UUID.randomUUID(), title, title, LocalDate.of(2023, 7, 15), "Bộ Thông tin và Truyền thông",
                null, List.of(LifecycleStatus.RECOGNISED), OffsetDateTime.parse("2023-07-15T10:00:00+07:00"), "admin",
                0, List.of());
    }

    static ListEntry entry(int position, String code, String name, String status, String owner) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name_vi", name);
        fields.put("owner_code", owner);
        fields.put("status", status);
        return new ListEntry(position, code, owner, owner, null, fields);
    }

    @Test
    void anEntryIsNamedInEnglishOnAnEnglishPageWhereItWasAndMarkedVietnameseWhereItWasNot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name_vi", "Nền tảng A");
        fields.put("name_en", "Platform A");
        ListEntry bilingual = new ListEntry(1, "A", "BCA", "Bộ Công an", "Ministry of Public Security", fields);
        ListEntry vietnamese = entry(2, "B", "Nền tảng B", "recognised", "Sở Thử");

        assertThat(bilingual.name(Locale.ENGLISH)).isEqualTo("Platform A");
        assertThat(bilingual.lang(Locale.ENGLISH)).isNull();
        assertThat(bilingual.ownerName(Locale.ENGLISH)).isEqualTo("Ministry of Public Security");
        assertThat(bilingual.ownerLang(Locale.ENGLISH)).isNull();
        assertThat(vietnamese.name(Locale.ENGLISH)).isEqualTo("Nền tảng B");
        assertThat(vietnamese.lang(Locale.ENGLISH)).isEqualTo("vi");
        assertThat(vietnamese.ownerName(Locale.ENGLISH)).isEqualTo("Sở Thử");
        assertThat(vietnamese.ownerLang(Locale.ENGLISH)).isEqualTo("vi");
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(bilingual.name(vi)).isEqualTo("Nền tảng A");
        assertThat(vietnamese.lang(vi)).isNull();
        assertThat(vietnamese.ownerLang(vi)).isNull();
        UndatedPlatform undated = new UndatedPlatform("C", "Nền tảng C", null, LifecycleStatus.RECOGNISED);
        assertThat(undated.lang(Locale.ENGLISH)).isEqualTo("vi");
    }

    @Test
    void platformsOnlyInTheNewerVersionAreAddedAndOnlyInTheOlderRemoved() {
        List<ListEntry> before = List.of(entry(1, "A", "Nền tảng A", "recognised", "BCA"),
                entry(2, "B", "Nền tảng B", "recognised", "BCA"));
        List<ListEntry> after = List.of(entry(1, "B", "Nền tảng B", "recognised", "BCA"),
                entry(2, "C", "Nền tảng C", "recognised", "BYT"));

        ListDiff diff = ListDiff.between(version("2023"), before, version("2024"), after);

        assertThat(diff.added()).extracting(ListEntry::platformCode).containsExactly("C");
        assertThat(diff.removed()).extracting(ListEntry::platformCode).containsExactly("A");
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.unchanged()).isEqualTo(1);
        assertThat(diff.identical()).isFalse();
    }

    @Test
    void aPlatformInBothVersionsReportsEachChangedFieldWithBeforeAndAfter() {
        List<ListEntry> before = List.of(entry(1, "NDXP", "Nền tảng tích hợp", "recognised", "BTTTT"));
        List<ListEntry> after = List.of(entry(1, "NDXP", "Nền tảng tích hợp, chia sẻ dữ liệu", "recognised", "BKHCN"));

        ListDiff diff = ListDiff.between(version("2023"), before, version("2025"), after);

        assertThat(diff.changed()).hasSize(1);
        assertThat(diff.changed().getFirst().changes())
                .containsExactly(
                        new FieldChange<>(ListField.NAME_VI, "Nền tảng tích hợp", "Nền tảng tích hợp, chia sẻ dữ liệu"),
                        new FieldChange<>(ListField.OWNER_CODE, "BTTTT", "BKHCN"));
    }

    @Test
    void aFieldThatBecomesBlankIsAChangeToNull() {
        ListEntry withWebsite = entry(1, "A", "Nền tảng A", "recognised", "BCA");
        Map<String, String> fields = new LinkedHashMap<>(withWebsite.fields());
        fields.put("website", "https://example.vn");
        ListEntry before = new ListEntry(1, "A", "BCA", "BCA", null, fields);

        ListDiff diff = ListDiff.between(version("1"), List.of(before), version("2"), List.of(withWebsite));

        assertThat(diff.changed().getFirst().changes())
                .containsExactly(new FieldChange<>(ListField.WEBSITE, "https://example.vn", null));
    }

    @Test
    void identicalVersionsHaveNothingToReport() {
        List<ListEntry> same = List.of(entry(1, "A", "Nền tảng A", "recognised", "BCA"));

        ListDiff diff = ListDiff.between(version("1"), same, version("2"), same);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.unchanged()).isEqualTo(1);
    }
}
