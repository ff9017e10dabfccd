package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MomentsTests {

    @Test
    void nowIsInUtcToTheMicrosecondAsTheDatabaseReadsItBack() {
        Clock vietnam = Clock.fixed(Instant.parse("2026-11-24T23:55:56.116739804Z"), VietnamTime.ZONE);

        assertThat(Moments.now(vietnam).toString()).isEqualTo("2026-11-24T23:55:56.116739Z");
    }
}
