package vn.ndp.registry.exchange.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.shared.JsonBodies;

/**
 * A gateway's usage report as a request body, read once: every part a gateway sends is required by name, except an
 * aggregate's client, service and fault (read as empty), so that a report without one is refused naming it
 * ({@code reportId}, {@code aggregates[0].status}) as every unreadable body is ({@link JsonBodies}), rather than
 * failing in the protocol's constructors, which name no field. Those constructors still refuse what they check (a
 * minute that is not whole, an unknown side, a wrong number of latency buckets), for the aggregate they were given.
 * The parser stops at the first part wrong. A field given twice is refused, as in every API body; a field the report
 * does not have is ignored, unlike in the API's other bodies, so that a gateway of a later version, whose reports say
 * more, can still report to this registry.
 */
final class UsageReportJson {

    private static final ObjectReader REPORT = JsonBodies.strict(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(UsageReport.class, Report.class)
            .addMixIn(UsageAggregate.class, Aggregate.class)
            .build().readerFor(UsageReport.class);

    private UsageReportJson() {
    }

    static UsageReport read(byte[] body) {
        UsageReport report;
        try {
            report = REPORT.readValue(body);
        } catch (JacksonException e) {
            throw JsonBodies.unreadable(e);
        }
        if (report == null) {
            throw JsonBodies.unreadable(null);
        }
        return report;
    }

    /** {@link UsageReport}'s constructor, its parameters required. */
    abstract static class Report {

        @JsonCreator
        Report(@JsonProperty(required = true) UUID reportId, @JsonProperty(required = true) String gateway,
                @JsonProperty(required = true) Instant generatedAt,
                @JsonProperty(required = true) List<UsageAggregate> aggregates) {
        }
    }

    /** {@link UsageAggregate}'s constructor, its parameters but client, service and fault required. */
    abstract static class Aggregate {

        @JsonCreator
        Aggregate(@JsonProperty(required = true) Instant minute, @JsonProperty(required = true) String side,
                String client, String service, @JsonProperty(required = true) int status, String fault,
                @JsonProperty(required = true) long count, @JsonProperty(required = true) long requestBytes,
                @JsonProperty(required = true) long responseBytes, @JsonProperty(required = true) long durationMillis,
                @JsonProperty(required = true) List<Long> latencyBuckets) {
        }
    }
}
