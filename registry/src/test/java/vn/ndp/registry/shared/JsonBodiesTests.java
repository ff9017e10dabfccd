package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;

class JsonBodiesTests {

    private static final JsonMapper STRICT = JsonBodies.strict(JsonMapper.builder()).build();

    record Item(String code, int count) {
    }

    record Items(List<Item> items) {
    }

    private static RegistryException refusal(String json) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, Items.class));
        return JsonBodies.unreadable(e);
    }

    @Test
    void aFieldGivenTwiceDeepInABodyIsNamedByItsPath() {
        RegistryException twice = refusal("{\"items\": [{\"code\": \"A\", \"count\": 1},"
                + " {\"code\": \"B\", \"count\": 1, \"count\": 2}]}");

        assertThat(twice.code()).isEqualTo(ErrorCode.INVALID_BODY);
        assertThat(twice.getMessage()).isEqualTo("items[1].count: is given more than once; give each field once.");
        assertThat(twice.errors()).singleElement().extracting(RegistryException.FieldError::field)
                .isEqualTo("items[1].count");
    }

    @Test
    void aFieldTheResourceDoesNotHaveIsNamedByItsPath() {
        assertThat(refusal("{\"items\": [{\"code\": \"A\", \"count\": 1, \"cuont\": 1}]}").getMessage())
                .isEqualTo("items[0].cuont: is not a field of this resource.");
    }

    /** What a gateway pushes (the protocol's own JSON of a report) passes the strict rules: no field twice, none extra. */
    @Test
    void aUsageReportAsTheGatewaySendsItIsReadByTheStrictRules() {
        Instant minute = Instant.parse("2025-07-01T02:03:00Z");
        UsageAggregate aggregate = new UsageAggregate(minute, UsageAggregate.PROVIDER, "VN/GOV/000.00.00.G12/hcc",
                "VN/GOV/000.00.00.H49/dvc/hoso", 200, null, 3, 120, 4_000, 42,
                Collections.nCopies(UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1, 0L));
        UsageReport report = new UsageReport(UUID.randomUUID(), "VN/GOV/000.00.00.G12/lgsp", minute.plusSeconds(60),
                List.of(aggregate));

        assertThat(STRICT.readValue(report.toJson(), UsageReport.class)).isEqualTo(report);
    }
}
