package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredMomentTests {

    @Test
    void aMomentIsKeptToTheMicrosecondAtOffsetZeroAsTimestamptzReadsBack() {
        Clock vietnam = Clock.fixed(Instant.parse("2026-11-24T03:46:13.622806895Z"), VietnamTime.ZONE);

        OffsetDateTime moment = StoredMoment.now(vietnam);

        assertThat(moment).isEqualTo(OffsetDateTime.of(2026, 11, 24, 3, 46, 13, 622_806_000, ZoneOffset.UTC));
        assertThat(moment.toString()).isEqualTo("2026-11-24T03:46:13.622806Z");
    }
}
