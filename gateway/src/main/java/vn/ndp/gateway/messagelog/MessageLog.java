package vn.ndp.gateway.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.config.GatewayConfiguration;
import vn.ndp.gateway.config.GatewayConfiguration.OutagePolicy;
import vn.ndp.protocol.evidence.Evidence;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.evidence.LogFormat;
import vn.ndp.protocol.evidence.LogVerifier;
import vn.ndp.protocol.evidence.LogWriter;
import vn.ndp.protocol.evidence.LogWriter.SealedBatch;
import vn.ndp.protocol.evidence.TimeStamps;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.protocol.timestamp.TimeStampClient;

/**
 * The message log of one gateway. Callers hand in {@link LoggedExchange}s; one writer thread takes
 * everything queued (up to {@code maxBatch}), chains and seals it as one batch and forces it to disk
 * with one {@code fdatasync}, then completes the batch's futures (their continuations hand the
 * responses' last bytes to Jetty without blocking) and goes on with the next: group commit, so that
 * concurrent requests share a disk flush, and what queues meanwhile forms the next batch. The same
 * thread signs every batch written since the last signature once the oldest of them is
 * {@code signEvery} old (one signature a second instead of hundreds). A time-stamper ({@link #stampNow}, scheduled by the
 * node) stamps all batches sealed since the last stamp with one TSA request. While the TSA is
 * unreachable, traffic continues; past {@code outageWindow} the configured policy applies (default
 * {@code continue}, with the {@code ndp_messagelog_stamp_overdue} alarm at 1).
 */
public final class MessageLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WATCHDOG_PERIOD = Duration.ofMillis(250);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private record Pending(byte[] body, CompletableFuture<Void> done, long queuedAt) {
    }

    private final GatewayConfiguration.MessageLog settings;
    private final Clock clock;
    private final LogWriter writer;
    private final BodyCipher cipher;
    private final Optional<TimeStampClient> tsa;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<SealedBatch> unstamped = new ConcurrentLinkedDeque<>();
    private final Thread thread;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("messagelog-watchdog").daemon().factory());
    /** The batch the writer is writing (for the watchdog). */
    private volatile List<Pending> writing = List.of();
    private volatile boolean running = true;
    private volatile String lastStampProblem = "";
    private final Counter records;
    private final Counter writeFailures;
    private final Counter stampFailures;
    private final Counter stamps;
    private final Counter signatures;
    private final Counter signFailures;
    private final DistributionSummary batchSizes;
    private final Timer writes;

    private MessageLog(GatewayConfiguration.MessageLog settings, Clock clock, LogWriter writer, MeterRegistry metrics) {
        this.settings = settings;
        this.clock = clock;
        this.writer = writer;
        this.cipher = new BodyCipher(settings.bodyKey().orElse(null));
        this.tsa = settings.timestampUrl().map(url -> new TimeStampClient(url, settings.timestampTimeout()));
        if (tsa.isPresent()) {
            unstamped.addAll(LogWriter.unstamped(settings.directory()));
        }
        records = Counter.builder("ndp.messagelog.records").description("Records written to the message log").register(metrics);
        writeFailures = Counter.builder("ndp.messagelog.write.failures").description("Batches that could not be written")
                .register(metrics);
        stampFailures = Counter.builder("ndp.messagelog.timestamp.failures").description("Failed time-stamping attempts")
                .register(metrics);
        stamps = Counter.builder("ndp.messagelog.timestamps").description("Time-stamps obtained").register(metrics);
        batchSizes = DistributionSummary.builder("ndp.messagelog.batch.records").description("Records per sealed batch")
                .register(metrics);
        signatures = Counter.builder("ndp.messagelog.signatures").description("Signatures over batches written")
                .register(metrics);
        signFailures = Counter.builder("ndp.messagelog.signature.failures").description("Failed attempts to sign batches")
                .register(metrics);
        Gauge.builder("ndp.messagelog.unsigned.batches", writer, LogWriter::unsignedBatches)
                .description("Batches written and waiting for their signature (at most signEvery)").register(metrics);
        writes = Timer.builder("ndp.messagelog.write").description("Sealing one batch and forcing it to disk")
                .publishPercentiles(0.5, 0.99).register(metrics);
        Gauge.builder("ndp.messagelog.unstamped.batches", unstamped, Deque::size)
                .description("Sealed batches waiting for a time-stamp").register(metrics);
        Gauge.builder("ndp.messagelog.oldest.unstamped.age", this, log -> log.oldestUnstampedAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest batch waiting for a time-stamp").register(metrics);
        Gauge.builder("ndp.messagelog.stamp.overdue", this, log -> log.stampOverdue() ? 1 : 0)
                .description("1 when batches have waited for a time-stamp longer than the outage window").register(metrics);
        Gauge.builder("ndp.messagelog.queue", queue, BlockingQueue::size).description("Records waiting to be written")
                .register(metrics);
        thread = Thread.ofPlatform().name("messagelog-writer").daemon().start(this::run);
        watchdog.scheduleWithFixedDelay(this::failOverdue, WATCHDOG_PERIOD.toMillis(), WATCHDOG_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Opens the log configured for this gateway, signing with its TLS key unless a dedicated one is configured. */
    public static MessageLog open(GatewayConfiguration configuration, Clock clock, MeterRegistry metrics) throws IOException {
        GatewayConfiguration.MessageLog settings = configuration.messageLog();
        Path certificateFile = settings.signingCertificate().orElse(configuration.tls().certificate());
        Path keyFile = settings.signingKey().orElse(configuration.tls().privateKey());
        PrivateKey key = Pem.readPrivateKey(keyFile);
        List<X509Certificate> chain = new ArrayList<>(Pem.readCertificates(certificateFile));
        X509Certificate ca = Pem.readCertificate(configuration.tls().caCertificate());
        if (chain.stream().noneMatch(ca::equals)) {
            chain.add(ca);
        }
        Optional<String> notIssuedToGateway = LogVerifier.checkIssuedTo(chain.getFirst(), configuration.gatewayId().encoded());
        if (notIssuedToGateway.isPresent()) {
            // verification would refuse every record it signs: refuse now, not at the first `ndp log verify`
            throw new IOException("Cannot open the message log: " + notIssuedToGateway.get() + "; set"
                    + " messageLog.signingCertificate (and signingKey) to a certificate the national CA issued to this"
                    + " gateway, common name " + configuration.gatewayId().encoded());
        }
        LogWriter writer = LogWriter.open(settings.directory(), configuration.gatewayId().encoded(), key, chain, clock,
                settings.maxFileBytes(), settings.rotateEvery());
        if (writer.recoveredBytes() > 0) {
            LOG.warn("Message log: cut off {} bytes of an unsealed batch left by a crash (never acknowledged)",
                    writer.recoveredBytes());
        }
        if (writer.recoveredSignatures() > 0) {
            LOG.warn("Message log: signed {} batch(es) a crash had left unsigned", writer.recoveredSignatures());
        }
        return new MessageLog(settings, clock, writer, metrics);
    }

    public Path directory() {
        return settings.directory();
    }

    public boolean keepsBodies() {
        return settings.bodies();
    }

    public long maxBodyBytes() {
        return settings.maxBodyBytes();
    }

    /**
     * Queues one exchange; the future completes when it is on disk, or fails with an
     * {@link IOException} when it cannot be written or is not written within {@code writeTimeout}
     * (a watchdog looks every {@link #WATCHDOG_PERIOD}, so no timer is set per exchange). It completes
     * on another thread: what follows it must not block.
     */
    public CompletableFuture<Void> append(LoggedExchange exchange) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IOException("The message log is closed"));
            return done;
        }
        queue.add(new Pending(json(exchange), done, System.nanoTime()));
        return done;
    }

    /** Fails the exchanges that have waited longer than {@code writeTimeout} (they are still written if the writer recovers). */
    private void failOverdue() {
        long limit = System.nanoTime() - settings.writeTimeout().toNanos();
        IOException late = null;
        for (List<Pending> pendings : List.of(writing, List.copyOf(queue))) {
            for (Pending pending : pendings) {
                if (pending.queuedAt() - limit < 0 && !pending.done().isDone()) {
                    if (late == null) {
                        late = new IOException("The message log did not write within " + settings.writeTimeout());
                        LOG.error("Message log: the writer is stuck; failing the exchanges that waited longer than {}",
                                settings.writeTimeout());
                    }
                    pending.done().completeExceptionally(late);
                }
            }
        }
    }

    /**
     * The record body of one exchange: the UTF-8 bytes of a JSON object, which the writer hashes and
     * writes as they are. Streamed straight to bytes: no tree, no intermediate string.
     */
    private byte[] json(LoggedExchange e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("side", e.side());
            json.writeStringProperty("xroadId", e.xroadId());
            json.writeStringProperty("requestId", e.requestId());
            json.writeStringProperty("client", e.client());
            json.writeStringProperty("service", e.service());
            json.writeStringProperty("method", e.method());
            json.writeStringProperty("path", e.path());
            json.writeNumberProperty("status", e.status());
            json.writeStringProperty("fault", e.fault());
            json.writeStringProperty("startedAt", e.startedAt().toString());
            json.writeNumberProperty("durationMicros", e.durationMicros());
            json.writeNumberProperty("requestBytes", e.requestBytes());
            json.writeNumberProperty("responseBytes", e.responseBytes());
            json.writeStringProperty("requestHash", e.requestHash());
            json.writeStringProperty("requestHeadersSha512", base64(e.requestHeadersSha512()));
            json.writeStringProperty("requestBodySha512", base64(e.requestBodySha512()));
            json.writeStringProperty("responseHeadersSha512", base64(e.responseHeadersSha512()));
            json.writeStringProperty("responseBodySha512", base64(e.responseBodySha512()));
            if (settings.bodies()) {
                if (e.requestBody() != null) {
                    json.writeStringProperty("requestBody", cipher.seal(e.requestBody()));
                }
                if (e.responseBody() != null) {
                    json.writeStringProperty("responseBody", cipher.seal(e.responseBody()));
                }
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? "" : Hashes.base64(bytes);
    }

    /** Decrypts a body kept in a record ({@code requestBody} or {@code responseBody}) with this gateway's key. */
    public byte[] openBody(String sealed) {
        return cipher.open(sealed);
    }

    private void run() {
        int max = settings.maxBatch();
        long delayNanos = settings.commitDelay().toNanos();
        long signEveryNanos = settings.signEvery().toNanos();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(100);
        int previousBatch = 0;
        long signDue = 0; // System.nanoTime() when the pending batches must be signed; 0: none pending
        List<Pending> batch = new ArrayList<>(max);
        List<byte[]> bodies = new ArrayList<>(max);
        while (true) {
            if (signDue != 0 && System.nanoTime() - signDue >= 0) {
                signDue = signPending(" (trying again in a second)") ? 0 : System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
            Pending first;
            try {
                first = queue.poll(signDue == 0 ? idleNanos : Math.clamp(signDue - System.nanoTime(), 0, idleNanos),
                        TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                if (!running && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, max - 1);
            if (delayNanos > 0 && previousBatch > 1 && batch.size() < max) {
                // Others are in flight: let the batch fill for a moment, so that one flush serves more
                // exchanges. A lone exchange (previous batch of one) never waits.
                LockSupport.parkNanos(delayNanos);
                queue.drainTo(batch, max - batch.size());
            }
            previousBatch = batch.size();
            for (Pending pending : batch) {
                bodies.add(pending.body());
            }
            writing = List.copyOf(batch);
            long started = System.nanoTime();
            try {
                SealedBatch sealed = writer.append(bodies);
                if (signEveryNanos == 0) {
                    writer.signPending();
                    signatures.increment();
                } else if (signDue == 0) {
                    signDue = started + signEveryNanos;
                }
                writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                if (tsa.isPresent()) {
                    unstamped.addLast(sealed);
                }
                records.increment(batch.size());
                batchSizes.record(batch.size());
                // Completed here, not on another thread: measured on the benchmark, the hand-off cost more
                // than it saved (a wake-up per batch, and smaller batches because the writer came back sooner).
                batch.forEach(pending -> pending.done().complete(null));
            } catch (IOException | RuntimeException e) {
                writeFailures.increment();
                LOG.error("Message log: cannot write a batch of {} records: {}", batch.size(), e.toString());
                IOException failure = new IOException("The message log could not write: " + e.getMessage(), e);
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
            }
            writing = List.of();
            batch.clear();
            bodies.clear();
        }
    }

    /**
     * Signs the batches written since the last signature, counting the signature or the failure;
     * false when signing failed (the batches stay pending). {@code occasion} completes the log line.
     */
    private boolean signPending(String occasion) {
        try {
            if (writer.signPending()) {
                signatures.increment();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            signFailures.increment();
            LOG.error("Message log: cannot sign {} pending batch(es){}: {}", writer.unsignedBatches(), occasion, e.toString());
            return false;
        }
    }

    /** Stamps every batch sealed since the last stamp with one TSA request; a failure is counted and retried next time. */
    public synchronized void stampNow() {
        if (tsa.isEmpty() || unstamped.isEmpty()) {
            return;
        }
        List<SealedBatch> batches = new ArrayList<>();
        for (SealedBatch batch : unstamped) {
            if (batches.size() == 65536) {
                break;
            }
            batches.add(batch);
        }
        try {
            byte[] token = tsa.get().stamp(TimeStamps.imprintOf(batches.stream().map(SealedBatch::root).toList()));
            writer.appendStamp(new LogFormat.Stamp(batches.getFirst().batch(), batches.getLast().batch(), token));
            for (int i = 0; i < batches.size(); i++) {
                unstamped.pollFirst();
            }
            stamps.increment();
            lastStampProblem = "";
        } catch (TimeStampClient.TimeStampException | IOException e) {
            stampFailures.increment();
            if (!e.getMessage().equals(lastStampProblem)) {
                LOG.warn("Message log: time-stamping failed, {} batch(es) waiting: {}", batches.size(), e.getMessage());
            }
            lastStampProblem = e.getMessage();
        }
    }

    /** Batches written and not yet covered by a signature (signed within {@code signEvery}). */
    public int unsignedBatches() {
        return writer.unsignedBatches();
    }

    public int unstampedBatches() {
        return unstamped.size();
    }

    public Duration oldestUnstampedAge() {
        SealedBatch oldest = unstamped.peekFirst();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest.sealedAt(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    public boolean stampOverdue() {
        return tsa.isPresent() && oldestUnstampedAge().compareTo(settings.outageWindow()) > 0;
    }

    /** Why new exchanges must be refused (policy {@code refuse} past the outage window), or empty. */
    public Optional<String> refusal() {
        if (settings.onOutage() == OutagePolicy.REFUSE && stampOverdue()) {
            return Optional.of("The message log has had no time-stamp for " + oldestUnstampedAge().toSeconds()
                    + " s, longer than the outage window of " + settings.outageWindow() + " (" + lastStampProblem + ")");
        }
        return Optional.empty();
    }

    /**
     * Deletes archives closed longer than {@code retention} ago, oldest first, only while the whole
     * log verifies and (with a TSA configured) every batch of the archive is time-stamped; each
     * deletion is recorded in {@code retention.log} first.
     */
    public synchronized int applyRetention() {
        if (settings.retention().isEmpty()) {
            return 0;
        }
        Instant limit = clock.instant().minus(settings.retention().get());
        int deleted = 0;
        boolean verified = false;
        while (true) {
            List<Path> segments = LogFormat.segments(settings.directory());
            if (segments.size() < 2) {
                return deleted;
            }
            LogFormat.Header next = header(segments.get(1));
            if (next == null || !next.createdAt().isBefore(limit)) {
                return deleted;
            }
            SealedBatch firstUnstamped = unstamped.peekFirst();
            if (tsa.isPresent() && firstUnstamped != null && firstUnstamped.batch() < next.firstBatch()) {
                return deleted;
            }
            if (!verified) {
                LogVerifier.Report report = LogVerifier.verify(settings.directory(), java.util.Optional.empty());
                if (!report.ok()) {
                    LOG.error("Message log: retention keeps every archive because the log does not verify: {}",
                            report.problem().get());
                    return deleted;
                }
                verified = true;
            }
            try {
                writer.deleteArchive(segments.getFirst());
                deleted++;
                LOG.info("Message log: deleted archive {} under the retention policy", segments.getFirst().getFileName());
            } catch (IOException | RuntimeException e) {
                LOG.error("Message log: cannot delete archive {}: {}", segments.getFirst(), e.toString());
                return deleted;
            }
        }
    }

    private static LogFormat.Header header(Path segment) {
        try (var lines = java.nio.file.Files.lines(segment)) {
            String first = lines.findFirst().orElse("");
            return first.startsWith("H ") ? LogFormat.Header.parse(first.substring(2)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The evidence of one exchange from this gateway's log (see {@link Evidence}), after signing what is pending,
     * carrying {@code signedGlobalConfiguration} (the signed bytes of the configuration in use) when there is one.
     */
    public Optional<byte[]> evidence(String xroadId, Optional<byte[]> signedGlobalConfiguration) {
        signPending(" for an evidence request");
        return Evidence.export(settings.directory(), xroadId, signedGlobalConfiguration);
    }

    @Override
    public void close() {
        running = false;
        watchdog.shutdownNow();
        try {
            // everything queued is written first (bounded: a stuck disk must not hold the shutdown forever)
            thread.join(Math.max(settings.writeTimeout().toMillis(), CLOSE_TIMEOUT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("Message log: error on close: {}", e.toString());
        }
    }
}
