package vn.ndp.gateway.monitoring;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.protocol.usage.UsageAggregate;

/**
 * Takes the record of every request: updates the Prometheus metrics, adds it to the per-minute
 * usage aggregates (which {@link UsagePusher} delivers to the registry), and queues it for the
 * operational record file. Recording never blocks a request: when the file writer falls behind,
 * records are dropped from the file (counted) but still aggregated.
 */
public final class OperationalMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationalMonitor.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OperationalRecord STOP = new OperationalRecord("", "", "", "", "", "", "", 0, 0, 0, "",
            Instant.EPOCH, 0);

    private record Key(Instant minute, String side, String client, String service, int status, String fault) {
    }

    private record TimerKey(String side, int status, String fault) {
    }

    private static final class Tally {
        final AtomicLong count = new AtomicLong();
        final AtomicLong requestBytes = new AtomicLong();
        final AtomicLong responseBytes = new AtomicLong();
        final AtomicLong durationMillis = new AtomicLong();
        final AtomicLongArray buckets = new AtomicLongArray(UsageAggregate.LATENCY_BOUNDS_MILLIS.size() + 1);
    }

    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<Key, Tally> minutes = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> durations = new ConcurrentHashMap<>();
    private final BlockingQueue<OperationalRecord> queue = new ArrayBlockingQueue<>(10_000);
    private final Counter dropped;
    private final Thread writer;
    private final Path directory;

    /** @param directory where record files go; {@code null} to keep no file */
    public OperationalMonitor(Clock clock, MeterRegistry metrics, Path directory) {
        this.clock = clock;
        this.metrics = metrics;
        this.directory = directory;
        this.dropped = Counter.builder("ndp_exchange_records_dropped_total")
                .description("Operational records not written to file because the writer fell behind or the file could not be written").register(metrics);
        this.writer = directory == null ? null : Thread.ofPlatform().daemon().name("operational-records").start(this::writeLoop);
    }

    public void record(OperationalRecord record) {
        durations.computeIfAbsent(new TimerKey(record.side(), record.status(), record.fault()), key -> Timer.builder("ndp_exchange_duration")
                        .description("Time a request spent in this gateway, until the response was complete")
                        .tag("side", key.side())
                        .tag("status", Integer.toString(key.status()))
                        .tag("fault", key.fault())
                        .publishPercentileHistogram()
                        .register(metrics))
                .record(record.durationMicros(), TimeUnit.MICROSECONDS);
        long millis = record.durationMicros() / 1000;
        Tally tally = minutes.computeIfAbsent(new Key(record.startedAt().truncatedTo(ChronoUnit.MINUTES), record.side(),
                record.client(), record.service(), record.status(), record.fault()), key -> new Tally());
        tally.count.incrementAndGet();
        tally.requestBytes.addAndGet(record.requestBytes());
        tally.responseBytes.addAndGet(record.responseBytes());
        tally.durationMillis.addAndGet(millis);
        tally.buckets.incrementAndGet(UsageAggregate.bucketOf(millis));
        if (writer != null && !queue.offer(record)) {
            dropped.increment();
        }
    }

    /** Removes and returns the aggregates of every minute that has ended (all of them when {@code all}). */
    public List<UsageAggregate> drainCompletedMinutes(boolean all) {
        Instant currentMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<UsageAggregate> done = new ArrayList<>();
        for (Key key : List.copyOf(minutes.keySet())) {
            if (all || key.minute().isBefore(currentMinute)) {
                Tally tally = minutes.remove(key);
                if (tally != null) {
                    List<Long> buckets = new ArrayList<>();
                    for (int i = 0; i < tally.buckets.length(); i++) {
                        buckets.add(tally.buckets.get(i));
                    }
                    done.add(new UsageAggregate(key.minute(), key.side(), key.client(), key.service(), key.status(),
                            key.fault(), tally.count.get(), tally.requestBytes.get(), tally.responseBytes.get(),
                            tally.durationMillis.get(), buckets));
                }
            }
        }
        return done;
    }

    private void writeLoop() {
        RecordFile file = new RecordFile();
        List<OperationalRecord> batch = new ArrayList<>(1024);
        String lastProblem = null;
        try {
            while (true) {
                // Looks every 50 ms rather than waiting on the queue: a waiting writer would be woken by
                // each request, a thread hand-off on the request's path.
                if (queue.drainTo(batch, 4096) == 0) {
                    Thread.sleep(50);
                    continue;
                }
                boolean stop = false;
                for (int i = 0; i < batch.size() && !stop; i++) {
                    if (batch.get(i) == STOP) {
                        batch.subList(i, batch.size()).clear(); // what came after the close is not written
                        stop = true;
                    }
                }
                try {
                    file.write(batch);
                    if (lastProblem != null) {
                        LOG.info("Operational records are written to {} again", directory);
                        lastProblem = null;
                    }
                } catch (IOException | JacksonException e) {
                    // The records are still in the aggregates; the file misses them, and the writer tries
                    // again with the next batch (a full disk or a moved directory must not end it for good).
                    dropped.increment(batch.size());
                    file.close();
                    if (!e.getMessage().equals(lastProblem)) {
                        LOG.error("Operational records cannot be written to {} (dropped, trying again): {}", directory,
                                e.getMessage());
                    }
                    lastProblem = e.getMessage();
                }
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            file.close();
        }
    }

    /** The file of the current day, opened when a record of another day comes. Used by the writer thread only. */
    private final class RecordFile {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private OutputStream out;
        private LocalDate day;

        void write(List<OperationalRecord> records) throws IOException {
            for (OperationalRecord record : records) {
                LocalDate recordDay = LocalDate.ofInstant(record.startedAt(), ZoneOffset.UTC);
                if (out == null || !recordDay.equals(day)) {
                    close();
                    Files.createDirectories(directory);
                    Path file = directory.resolve("records-" + recordDay + ".jsonl");
                    Pem.restrictToOwner(directory); // who called which service when: the gateway's owner's alone
                    Pem.createOwnerOnly(file);
                    out = new BufferedOutputStream(Files.newOutputStream(file,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024);
                    day = recordDay;
                }
                line.reset();
                writeJson(record, line);
                line.write('\n');
                line.writeTo(out);
            }
            if (out != null) { // null when the batch was only the close signal, before any record came
                out.flush();
            }
        }

        void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.warn("Cannot close operational record file: {}", e.getMessage());
                }
                out = null;
            }
        }
    }

    /** One record as a JSON object in UTF-8, streamed: no tree, no string. {@code out} is closed: give it a buffer. */
    private static void writeJson(OperationalRecord record, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("side", record.side());
            json.writeStringProperty("xroadId", record.xroadId());
            json.writeStringProperty("requestId", record.requestId());
            json.writeStringProperty("client", record.client());
            json.writeStringProperty("service", record.service());
            json.writeStringProperty("method", record.method());
            json.writeStringProperty("path", record.path());
            json.writeNumberProperty("requestBytes", record.requestBytes());
            json.writeNumberProperty("responseBytes", record.responseBytes());
            json.writeNumberProperty("status", record.status());
            json.writeStringProperty("fault", record.fault());
            json.writeStringProperty("startedAt", record.startedAt().toString());
            json.writeNumberProperty("durationMicros", record.durationMicros());
            json.writeEndObject();
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            queue.offer(STOP);
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
