package vn.ndp.gateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.Poll;

class OperationalMonitorTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void eachRecordIsOneJsonLineInTheFileOfItsDayWithEveryField() throws Exception {
        Instant lateEvening = Instant.parse("2026-11-23T23:59:59.123456Z");
        Instant nextDay = Instant.parse("2026-11-24T00:00:00.5Z");
        OperationalMonitor monitor = new OperationalMonitor(Clock.fixed(nextDay, ZoneOffset.UTC), new SimpleMeterRegistry(), dir);
        monitor.record(new OperationalRecord("consumer", "id-1", "req-1", "VN/GOV/000.00.00.H49/cổng", "VN/GOV/1/s/svc",
                "GET", "/a \"quoted\" path\\\nnext", 12, 1024, 200, "", lateEvening, 1530));
        monitor.record(new OperationalRecord("provider", "id-2", "", "", "", "POST", "", 0, 0, 500,
                "Server.ServerProxy.ServiceFailed", nextDay, 7));
        monitor.close();

        List<String> first = Files.readAllLines(dir.resolve("records-2026-11-23.jsonl"), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(dir.resolve("records-2026-11-24.jsonl"), StandardCharsets.UTF_8);
        assertThat(first).containsExactly("{\"side\":\"consumer\",\"xroadId\":\"id-1\",\"requestId\":\"req-1\","
                + "\"client\":\"VN/GOV/000.00.00.H49/cổng\",\"service\":\"VN/GOV/1/s/svc\",\"method\":\"GET\","
                + "\"path\":\"/a \\\"quoted\\\" path\\\\\\nnext\",\"requestBytes\":12,\"responseBytes\":1024,\"status\":200,"
                + "\"fault\":\"\",\"startedAt\":\"2026-11-23T23:59:59.123456Z\",\"durationMicros\":1530}");
        assertThat(second).hasSize(1);
        JsonNode record = JsonMapper.builder().build().readTree(first.getFirst());
        assertThat(record.get("side").asString()).isEqualTo("consumer");
        assertThat(record.get("xroadId").asString()).isEqualTo("id-1");
        assertThat(record.get("requestId").asString()).isEqualTo("req-1");
        assertThat(record.get("client").asString()).isEqualTo("VN/GOV/000.00.00.H49/cổng");
        assertThat(record.get("service").asString()).isEqualTo("VN/GOV/1/s/svc");
        assertThat(record.get("method").asString()).isEqualTo("GET");
        assertThat(record.get("path").asString()).isEqualTo("/a \"quoted\" path\\\nnext");
        assertThat(record.get("requestBytes").asLong()).isEqualTo(12);
        assertThat(record.get("responseBytes").asLong()).isEqualTo(1024);
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("fault").asString()).isEmpty();
        assertThat(Instant.parse(record.get("startedAt").asString())).isEqualTo(lateEvening);
        assertThat(record.get("durationMicros").asLong()).isEqualTo(1530);
        JsonNode failed = JsonMapper.builder().build().readTree(second.getFirst());
        assertThat(failed.get("fault").asString()).isEqualTo("Server.ServerProxy.ServiceFailed");
        assertThat(failed.get("status").asInt()).isEqualTo(500);
    }

    @Test
    void theRecordsAreReadableByTheGatewaysOwnerAlone() throws Exception {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        Path records = dir.resolve("data/operational");
        OperationalMonitor monitor = new OperationalMonitor(Clock.fixed(at, ZoneOffset.UTC), new SimpleMeterRegistry(), records);
        monitor.record(record("private", at));
        monitor.close();

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(records)))
                .as("who called which service when").isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                records.resolve("records-2026-11-24.jsonl")))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatCannotBeWrittenDropsItsRecordsCountedAndTheWriterCarriesOnOnceItCan() throws Exception {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Path blocked = dir.resolve("records-2026-11-24.jsonl");
        Files.createDirectories(blocked); // a directory where the day's file should be: opening it fails
        OperationalMonitor monitor = new OperationalMonitor(Clock.fixed(at, ZoneOffset.UTC), metrics, dir);
        try {
            monitor.record(record("lost", at));
            Poll.until(() -> metrics.counter("ndp_exchange_records_dropped_total").count() >= 1, WAIT,
                    "the lost record to be counted");
            assertThat(metrics.counter("ndp_exchange_records_dropped_total").count()).isEqualTo(1);

            Files.delete(blocked);
            monitor.record(record("kept", at));
            Poll.until(() -> Files.exists(blocked) && !Files.readAllLines(blocked).isEmpty(), WAIT,
                    "the next record to reach the file");
        } finally {
            monitor.close();
        }
        List<String> lines = Files.readAllLines(blocked, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("\"xroadId\":\"kept\"");
    }

    private static OperationalRecord record(String xroadId, Instant at) {
        return new OperationalRecord("consumer", xroadId, "", "", "", "GET", "/", 0, 0, 200, "", at, 1);
    }
}
