package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SizesTests {

    @Test
    void aLimitIsWrittenInTheLargestUnitThatHoldsItWhole() {
        assertThat(Sizes.text(DataSize.ofMegabytes(10))).isEqualTo("10 MB");
        assertThat(Sizes.text(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
        assertThat(Sizes.text(DataSize.ofKilobytes(1536))).isEqualTo("1536 KB");
        assertThat(Sizes.text(DataSize.ofBytes(300))).isEqualTo("300 bytes");
        assertThat(Sizes.text(DataSize.ofBytes(1))).isEqualTo("1 byte");
    }
}
