package vn.ndp.bench.messagelog;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.evidence.LogFormat;
import vn.ndp.protocol.evidence.LogWriter;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.Digests;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.NationalCa;

/**
 * The message log writer's CPU work per batch, without the disk: sealing a batch of record bodies
 * (each about 700 bytes, as the gateway logs an exchange) with {@link LogWriter}: chain hashes, the
 * Merkle tree and proofs, the record lines, one write and one {@code fdatasync}, in a directory on
 * tmpfs ({@code /dev/shm} when there is one), where the {@code fdatasync} costs next to nothing. Average
 * time per batch of {@code batch} records (the exchange benchmark's pair seals about 12). Run:
 * {@code ./ndp bench messagelog}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageLogBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param("12")
    int batch;

    private Path root;
    private LogWriter writer;
    private long exchanges;
    private long batches;
    /** Distinct record bodies, built before measuring: the benchmark measures the writer, not the record's JSON. */
    private final byte[][] records = new byte[1024][];

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path shm = Path.of("/dev/shm");
        root = Files.createTempDirectory(Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "ndp-messagelog-bench");
        NationalCa ca = NationalCa.init(root.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());
        IssuedCertificate gateway = ca.issueGatewayCertificate(GatewayCertificateRequest.of(GatewayId.parse("VN/GOV/BENCH.LGSP/lgsp"),
                List.of("localhost"), List.of(InetAddress.getLoopbackAddress())));
        writer = LogWriter.open(root.resolve("log"), "VN/GOV/BENCH.LGSP/lgsp", gateway.privateKey(),
                List.of(gateway.certificate(), ca.certificate()), Clock.systemUTC(), 8L * 1024 * 1024, Duration.ofDays(1));
        String digest = Hashes.base64(Digests.sha512().digest("{\"months\":[]}".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < records.length; i++) {
            records[i] = record(i, digest);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        writer.close();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One batch of {@code batch} records sealed and forced, signed every 64 batches (the gateway signs once a second). */
    @Benchmark
    public LogWriter.SealedBatch sealBatch() throws IOException {
        List<byte[]> bodies = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            bodies.add(records[(int) (exchanges++ % records.length)]);
        }
        LogWriter.SealedBatch sealed = writer.append(bodies);
        if (++batches % 64 == 0) {
            writer.signPending();
            deleteArchives();
        }
        return sealed;
    }

    /** A record body as the gateway writes it (see MessageLog): about 700 bytes of metadata and digests. */
    private static byte[] record(long n, String digest) {
        ObjectNode node = JSON.createObjectNode();
        node.put("side", "provider");
        node.put("xroadId", xroadId(n));
        node.put("requestId", "5d0c8a5e-9d7b-4a8e-b1f3-2f4c6a7e8b9c");
        node.put("client", "VN/GOV/H01.UBND/cong-dich-vu-cong");
        node.put("service", "VN/GOV/BTC.TCT/hoa-don-dien-tu/months");
        node.put("method", "GET");
        node.put("path", "/months");
        node.put("status", 200);
        node.put("fault", "");
        node.put("startedAt", startedAt(n));
        node.put("durationMicros", 812);
        node.put("requestBytes", 0);
        node.put("responseBytes", 1024);
        node.put("requestHash", digest);
        node.put("requestHeadersSha512", digest);
        node.put("requestBodySha512", "");
        node.put("responseHeadersSha512", digest);
        node.put("responseBodySha512", digest);
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String xroadId(long n) {
        return "c0ffee00-1234-4bcd-8e9f-" + String.format("%012d", n);
    }

    private static String startedAt(long n) {
        return Instant.ofEpochSecond(1_790_000_000L + n / 1000, n % 1000 * 1_000_000).toString();
    }

    private void deleteArchives() throws IOException {
        List<Path> segments = LogFormat.segments(writer.directory());
        for (Path segment : segments.subList(0, segments.size() - 1)) {
            Files.delete(segment);
        }
    }
}
