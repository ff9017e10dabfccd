package vn.ndp.protocol.usage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a gateway POSTs to the registry: the per-minute aggregates it has not yet delivered.
 * {@code reportId} stays the same on every retry of one report, so the registry stores it once.
 *
 * <pre>
 * {"reportId":"…uuid…","gateway":"VN/GOV/000.00.00.G22/lgsp","generatedAt":"2026-01-05T08:01:00Z",
 *  "aggregates":[{"minute":"2026-01-05T08:00:00Z","side":"consumer","client":"VN/GOV/…/sub",
 *                 "service":"VN/GOV/…/sub/svc","status":200,"fault":"","count":12,"requestBytes":0,
 *                 "responseBytes":12288,"durationMillis":40,"latencyBuckets":[10,2,0,0,0,0,0,0,0,0,0,0]}]}
 * </pre>
 */
public record UsageReport(UUID reportId, String gateway, Instant generatedAt, List<UsageAggregate> aggregates) {

    public static final String MEDIA_TYPE = "application/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public UsageReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(generatedAt, "generatedAt");
        aggregates = List.copyOf(aggregates);
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads a report; throws {@link IllegalArgumentException} when the bytes are not one. */
    public static UsageReport fromJson(byte[] json) {
        try {
            UsageReport report = JSON.readValue(json, UsageReport.class);
            if (report == null) {
                throw new IllegalArgumentException("Not a usage report: empty");
            }
            return report;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a usage report: " + e.getOriginalMessage(), e);
        }
    }
}
