package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FieldChangeTests {

    static final List<String> FIELDS = List.of("name", "status", "website");

    static List<FieldChange<String>> between(Map<String, String> before, Map<String, String> after) {
        return FieldChange.between(FIELDS, before, after, (field, values) -> values.get(field));
    }

    @Test
    void onlyTheFieldsWhoseTextDiffersAreChangesInTheOrderOfTheFields() {
        assertThat(between(Map.of("website", "https://a.vn", "status", "running", "name", "A"),
                Map.of("website", "https://b.vn", "status", "stopped", "name", "A")))
                .containsExactly(new FieldChange<>("status", "running", "stopped"),
                        new FieldChange<>("website", "https://a.vn", "https://b.vn"));
    }

    @Test
    void aFieldThatIsClearedOrFilledInIsAChangeToOrFromNull() {
        assertThat(between(Map.of("name", "A", "website", "https://a.vn"), Map.of("name", "A", "status", "running")))
                .containsExactly(new FieldChange<>("status", null, "running"),
                        new FieldChange<>("website", "https://a.vn", null));
    }

    @Test
    void withoutAnEarlierVersionEveryFieldWithAValueIsAChangeFromNull() {
        assertThat(between(null, Map.of("website", "https://a.vn", "name", "A")))
                .containsExactly(new FieldChange<>("name", null, "A"),
                        new FieldChange<>("website", null, "https://a.vn"));
    }

    @Test
    void twoEqualVersionsHaveNoChanges() {
        assertThat(between(Map.of("name", "A"), Map.of("name", "A"))).isEmpty();
    }

    @Test
    void aChangeWithItsFieldNamedAnotherWayKeepsBothValues() {
        assertThat(new FieldChange<>(3, "running", null).map(n -> "field " + n))
                .isEqualTo(new FieldChange<>("field 3", "running", null));
    }

    @Test
    void aChangeIsWrittenAsItsFieldBeforeAndAfterInThatOrderAsTheApisAnswerIt() {
        assertThat(JsonMapper.builder().build().writeValueAsString(new FieldChange<>("status", "in_use", null)))
                .isEqualTo("{\"field\":\"status\",\"before\":\"in_use\",\"after\":null}");
    }
}
