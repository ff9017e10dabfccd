package vn.ndp.registry.exchange.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * A gateway's usage report as a request body: read only when it has every part a gateway sends, each of its kind,
 * and refused otherwise with each part that is missing or wrong named by its field ({@code reportId},
 * {@code aggregates[0].minute}...), not in the JSON parser's words.
 */
final class UsageReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UsageReports() {
    }

    static UsageReport read(byte[] body) {
        JsonNode report;
        try {
            report = JSON.readTree(body);
        } catch (JacksonException e) {
            throw refused("The body is not JSON; send the usage report as a gateway does.", List.of());
        }
        if (report == null || !report.isObject()) {
            throw refused("The body is not a usage report: a JSON object with reportId, gateway, generatedAt and"
                    + " aggregates.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        String reportId = text(report, "reportId", "a UUID, the same on every retry of the report", errors);
        if (reportId != null) {
            try {
                UUID.fromString(reportId);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("reportId", "'" + reportId + "' is not a UUID."));
            }
        }
        text(report, "gateway", "the id of the gateway that counted, e.g. VN/GOV/000.00.00.G12/lgsp", errors);
        instant(report, "generatedAt", "", errors);
        JsonNode aggregates = report.get("aggregates");
        if (aggregates == null || !aggregates.isArray()) {
            errors.add(FieldError.of("aggregates", "is required: a list of per-minute aggregates (empty if none)."));
        } else {
            for (int i = 0; i < aggregates.size(); i++) {
                aggregate(aggregates.get(i), "aggregates[" + i + "].", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " parts of the usage report are missing or invalid.", errors);
        }
        try {
            return UsageReport.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw refused("The body is not a usage report as a gateway sends it.", List.of());
        }
    }

    private static void aggregate(JsonNode aggregate, String prefix, List<FieldError> errors) {
        if (aggregate == null || !aggregate.isObject()) {
            errors.add(FieldError.of(prefix.substring(0, prefix.length() - 1), "is not an aggregate (a JSON object)."));
            return;
        }
        Instant minute = instant(aggregate, prefix + "minute", "the minute's start, ", errors);
        if (minute != null && !minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            errors.add(FieldError.of(prefix + "minute", "'" + minute + "' is not the start of a minute."));
        }
        JsonNode side = aggregate.get("side");
        if (side == null || !side.isString() || !List.of(UsageAggregate.CONSUMER, UsageAggregate.PROVIDER)
                .contains(side.asString())) {
            errors.add(FieldError.of(prefix + "side", "is required: consumer or provider."));
        }
        for (String optional : List.of("client", "service", "fault")) {
            JsonNode value = aggregate.get(optional);
            if (value != null && !value.isNull() && !value.isString()) {
                errors.add(FieldError.of(prefix + optional, "is not text."));
            }
        }
        for (String count : List.of("status", "count", "requestBytes", "responseBytes", "durationMillis")) {
            JsonNode value = aggregate.get(count);
            boolean required = count.equals("status") || count.equals("count");
            if ((value == null || value.isNull()) ? required : !wholeNumber(value)) {
                errors.add(FieldError.of(prefix + count, (required ? "is required: " : "must be ")
                        + "a whole number, 0 or more."));
            }
        }
        JsonNode buckets = aggregate.get("latencyBuckets");
        int expected = UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1;
        if (buckets == null || !buckets.isArray() || buckets.size() != expected
                || !buckets.valueStream().allMatch(UsageReports::wholeNumber)) {
            errors.add(FieldError.of(prefix + "latencyBuckets", "is required: " + expected + " whole numbers, the"
                    + " exchanges that took at most " + UsageAggregate.LATENCY_BOUNDS_MILLIS + " ms, then the"
                    + " slower ones."));
        }
    }

    private static boolean wholeNumber(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0;
    }

    private static String text(JsonNode node, String field, String what, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            errors.add(FieldError.of(field, "is required: " + what + "."));
            return null;
        }
        return value.asString();
    }

    private static Instant instant(JsonNode node, String field, String what, List<FieldError> errors) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonNode value = node.get(name);
        if (value != null && value.isString()) {
            try {
                return Instant.parse(value.asString());
            } catch (DateTimeParseException e) {
                // named below
            }
        }
        errors.add(FieldError.of(field, "is required: " + what + "an instant in UTC, e.g. 2026-01-05T08:00:00Z."));
        return null;
    }

    private static RegistryException refused(String detail, List<FieldError> errors) {
        return new RegistryException(ErrorCode.INVALID_BODY, detail, errors);
    }
}
