package vn.ndp.protocol.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UsageReportTests {

    private static List<Long> buckets() {
        return Collections.nCopies(UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1, 0L);
    }

    @Test
    void aReportSurvivesTheWireUnchanged() {
        UsageReport report = new UsageReport(UUID.randomUUID(), "VN/GOV/TEST.LGSP/lgsp", Instant.parse("2026-01-05T08:01:02Z"),
                List.of(new UsageAggregate(Instant.parse("2026-01-05T08:00:00Z"), UsageAggregate.CONSUMER, "VN/GOV/A/b",
                        "VN/GOV/C/d/e", 200, "", 3, 10, 300, 12, buckets())));

        UsageReport read = UsageReport.fromJson(report.toJson());

        assertThat(read).isEqualTo(report);
        assertThat(new String(report.toJson())).contains("\"minute\":\"2026-01-05T08:00:00Z\"");
    }

    @Test
    void anAggregateMustStartOnAWholeMinuteAndNameItsSide() {
        assertThatThrownBy(() -> new UsageAggregate(Instant.parse("2026-01-05T08:00:01Z"), UsageAggregate.PROVIDER, "", "", 200,
                "", 1, 0, 0, 0, buckets())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsageAggregate(Instant.parse("2026-01-05T08:00:00Z"), "both", "", "", 200,
                "", 1, 0, 0, 0, buckets())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyBucketsAreInclusiveUpperBounds() {
        assertThat(UsageAggregate.bucketOf(0)).isZero();
        assertThat(UsageAggregate.bucketOf(5)).isZero();
        assertThat(UsageAggregate.bucketOf(6)).isEqualTo(1);
        assertThat(UsageAggregate.bucketOf(60_000)).isEqualTo(UsageAggregate.LATENCY_BOUNDS_MILLIS.size());
    }
}
