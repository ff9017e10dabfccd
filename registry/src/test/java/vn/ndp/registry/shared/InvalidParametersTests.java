package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidParametersTests {

    @Test
    void aCodeIsTakenStrippedAndUpperCaseAndABlankOneAsNone() {
        assertThat(InvalidParameters.code(" vneid ")).isEqualTo("VNEID");
        assertThat(InvalidParameters.code("p-ha-noi")).isEqualTo("P-HA-NOI");
        assertThat(InvalidParameters.code("   ")).isNull();
        assertThat(InvalidParameters.code(null)).isNull();
    }
}
