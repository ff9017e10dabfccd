package vn.ndp.protocol.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.ndp.protocol.evidence.LogFormat.Deletion;
import vn.ndp.protocol.evidence.LogFormat.Header;
import vn.ndp.protocol.evidence.LogFormat.RecordLine;
import vn.ndp.protocol.evidence.LogFormat.Seal;
import vn.ndp.protocol.evidence.LogFormat.Stamp;
import vn.ndp.protocol.pki.Pem;

/**
 * Appends sealed batches to a message-log directory ({@link LogFormat}): one write and one
 * {@code fdatasync} per batch, records and seal together, so that a batch is on disk whole or (after
 * a crash mid-write) leaves an unsealed tail that {@link #open} cuts off: its records were never
 * acknowledged. Each {@link #open} starts a new segment linked to the last sealed record. Not
 * thread-safe for {@link #append}: one writer thread calls it.
 */
public final class LogWriter implements Closeable {

    /** A batch as written: what the time-stamper needs. */
    public record SealedBatch(long batch, long firstSeq, int count, byte[] root, Instant sealedAt) {
    }

    private final Path directory;
    private final String gateway;
    private final PrivateKey key;
    private final List<String> certificates;
    private final String certificateSha256;
    private final Clock clock;
    private final long maxFileBytes;
    private final Duration rotateEvery;
    private final long recoveredBytes;
    private FileChannel channel;
    private long size;
    private Instant segmentCreated;
    private long nextSeq;
    private long nextBatch;
    private String lastHash;
    private final Object stampLock = new Object();

    private LogWriter(Path directory, String gateway, PrivateKey key, List<X509Certificate> chain, Clock clock,
                      long maxFileBytes, Duration rotateEvery, long nextSeq, long nextBatch, String lastHash, long recoveredBytes) {
        this.directory = directory;
        this.gateway = gateway;
        this.key = key;
        this.certificates = chain.stream().map(Pem::encode).toList();
        this.certificateSha256 = Pem.sha256Fingerprint(chain.getFirst());
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.rotateEvery = rotateEvery;
        this.nextSeq = nextSeq;
        this.nextBatch = nextBatch;
        this.lastHash = lastHash;
        this.recoveredBytes = recoveredBytes;
    }

    /**
     * Opens {@code directory} (created if needed): finds the last sealed record, cuts off an unsealed
     * tail left by a crash, and starts a new segment. {@code chain}: the signing certificate, then
     * its issuers up to the national CA.
     */
    public static LogWriter open(Path directory, String gateway, PrivateKey key, List<X509Certificate> chain, Clock clock,
                                 long maxFileBytes, Duration rotateEvery) throws IOException {
        Files.createDirectories(directory);
        long seq = 1;
        long batch = 1;
        String last = Hashes.GENESIS;
        long cut = 0;
        List<Deletion> deletions = LogFormat.readDeletions(directory);
        if (!deletions.isEmpty()) {
            Deletion deletion = deletions.getLast();
            seq = deletion.lastSeq() + 1;
            batch = deletion.lastBatch() + 1;
            last = deletion.lastHash();
        }
        List<Path> segments = new ArrayList<>(LogFormat.segments(directory));
        while (!segments.isEmpty()) {
            Path segment = segments.getLast();
            byte[] bytes = Files.readAllBytes(segment);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Header header = null;
            Seal seal = null;
            long sealedEnd = 0;
            long byteOffset = 0; // bytes up to the end of the current line: linear, whatever the segment's size
            int position = 0;
            while (position < text.length()) {
                int end = text.indexOf('\n', position);
                if (end < 0) {
                    break;
                }
                String line = text.substring(position, end);
                position = end + 1;
                byteOffset += line.getBytes(StandardCharsets.UTF_8).length + 1;
                try {
                    if (line.startsWith("H ") && header == null) {
                        header = Header.parse(line.substring(2));
                        sealedEnd = byteOffset;
                    } else if (line.startsWith("S ")) {
                        seal = Seal.parse(line.substring(2));
                        sealedEnd = byteOffset;
                    }
                } catch (EvidenceException e) {
                    break;
                }
            }
            if (header == null || seal == null) {
                // a segment without a sealed batch holds nothing acknowledged: drop it and look at the one before
                cut += bytes.length;
                Files.delete(segment);
                segments.removeLast();
                if (header != null) {
                    seq = header.firstSeq();
                    batch = header.firstBatch();
                    last = header.prevHash();
                }
                continue;
            }
            if (sealedEnd < bytes.length) {
                cut += bytes.length - sealedEnd;
                try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    file.truncate(sealedEnd);
                    file.force(true);
                }
            }
            seq = seal.firstSeq() + seal.count();
            batch = seal.batch() + 1;
            last = seal.lastHash();
            break;
        }
        LogWriter writer = new LogWriter(directory, gateway, key, chain, clock, maxFileBytes, rotateEvery, seq, batch, last, cut);
        writer.startSegment();
        return writer;
    }

    /** Bytes of unsealed tail (from a crash mid-write) cut off when the log was opened. */
    public long recoveredBytes() {
        return recoveredBytes;
    }

    public Path directory() {
        return directory;
    }

    public long nextSeq() {
        return nextSeq;
    }

    public long lastBatch() {
        return nextBatch - 1;
    }

    /**
     * Writes one batch: each body (a JSON object) becomes a record chained to the previous one, the
     * batch is sealed and signed, and everything is forced to disk before this returns. On failure
     * nothing is acknowledged and the segment is cut back to where it was.
     */
    public SealedBatch append(List<String> bodies) throws IOException {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("An empty batch");
        }
        Instant now = clock.instant();
        if (size >= maxFileBytes || !now.isBefore(segmentCreated.plus(rotateEvery))) {
            channel.close();
            startSegment();
        }
        long seq = nextSeq;
        String prev = lastHash;
        List<String> jsons = new ArrayList<>(bodies.size());
        List<byte[]> hashes = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            String json = RecordLine.json(seq++, prev, body);
            byte[] hash = Hashes.sha256(json.getBytes(StandardCharsets.UTF_8));
            jsons.add(json);
            hashes.add(hash);
            prev = Hashes.hex(hash);
        }
        MerkleTree.Built tree = MerkleTree.build(hashes);
        StringBuilder text = new StringBuilder(bodies.size() * 1024);
        for (int i = 0; i < jsons.size(); i++) {
            text.append(new RecordLine(i, jsons.size(), tree.proofs().get(i), jsons.get(i)).line());
        }
        Seal seal = Seal.sign(nextBatch, nextSeq, jsons.size(), tree.root(), prev, now, gateway, certificateSha256, key);
        text.append(seal.line());
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        long before = size;
        try {
            write(channel, bytes);
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // the unsealed tail is cut off at the next open
            }
            throw e;
        }
        size += bytes.length;
        SealedBatch sealed = new SealedBatch(nextBatch, nextSeq, jsons.size(), tree.root(), now);
        nextSeq = seq;
        nextBatch++;
        lastHash = prev;
        return sealed;
    }

    /** Appends a time-stamp to {@code timestamps.log} and forces it to disk. */
    public void appendStamp(Stamp stamp) throws IOException {
        synchronized (stampLock) {
            try (FileChannel file = FileChannel.open(directory.resolve(LogFormat.TIMESTAMPS_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                write(file, stamp.line().getBytes(StandardCharsets.UTF_8));
                file.force(false);
            }
        }
    }

    /** The batches after the last time-stamped one, oldest first (read from disk; used after a restart). */
    public static List<SealedBatch> unstamped(Path directory) {
        List<Stamp> stamps = LogFormat.readStamps(directory);
        long stamped = stamps.isEmpty() ? 0 : stamps.getLast().lastBatch();
        List<SealedBatch> batches = new ArrayList<>();
        List<Path> segments = LogFormat.segments(directory);
        for (int i = segments.size() - 1; i >= 0; i--) {
            List<SealedBatch> found = new ArrayList<>();
            boolean older = false;
            try {
                for (String line : Files.readAllLines(segments.get(i), StandardCharsets.UTF_8)) {
                    if (line.startsWith("S ")) {
                        Seal seal = Seal.parse(line.substring(2));
                        if (seal.batch() > stamped) {
                            found.add(new SealedBatch(seal.batch(), seal.firstSeq(), seal.count(),
                                    Hashes.unhex(seal.root(), 32, "root"), seal.sealedAt()));
                        } else {
                            older = true;
                        }
                    } else if (line.startsWith("H ") && Header.parse(line.substring(2)).firstBatch() <= stamped) {
                        older = true;
                    }
                }
            } catch (IOException e) {
                throw new EvidenceException("Cannot read " + segments.get(i) + ": " + e.getMessage(), e);
            }
            batches.addAll(0, found);
            if (older) {
                break;
            }
        }
        return batches;
    }

    /**
     * Removes the oldest archive {@code segment} (never the segment being written), first recording
     * in {@code retention.log} what it held so that the chain still verifies from the next segment.
     */
    public void deleteArchive(Path segment) throws IOException {
        List<Path> segments = LogFormat.segments(directory);
        if (segments.size() < 2 || !segments.getFirst().equals(segment)) {
            throw new IllegalArgumentException("Only the oldest archive can be deleted: " + segment);
        }
        Header header = null;
        Seal last = null;
        for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
            if (line.startsWith("H ")) {
                header = Header.parse(line.substring(2));
            } else if (line.startsWith("S ")) {
                last = Seal.parse(line.substring(2));
            }
        }
        if (header == null) {
            throw new EvidenceException(segment + " has no header");
        }
        Deletion deletion = last == null
                ? new Deletion(segment.getFileName().toString(), header.firstSeq(), header.firstSeq() - 1,
                        header.firstBatch(), header.firstBatch() - 1, header.prevHash(), clock.instant())
                : new Deletion(segment.getFileName().toString(), header.firstSeq(), last.firstSeq() + last.count() - 1,
                        header.firstBatch(), last.batch(), last.lastHash(), clock.instant());
        if (deletion.lastSeq() < deletion.firstSeq()) {
            Files.delete(segment);
            return;
        }
        try (FileChannel file = FileChannel.open(directory.resolve(LogFormat.RETENTION_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            write(file, deletion.line().getBytes(StandardCharsets.UTF_8));
            file.force(false);
        }
        Files.delete(segment);
        forceDirectory();
    }

    /** Closes the current segment and starts the next one. */
    public void rotate() throws IOException {
        channel.close();
        startSegment();
    }

    private void startSegment() throws IOException {
        segmentCreated = clock.instant();
        Path file = directory.resolve(LogFormat.segmentName(nextSeq));
        Files.deleteIfExists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        byte[] header = new Header(gateway, nextSeq, nextBatch, lastHash, segmentCreated, certificates).line()
                .getBytes(StandardCharsets.UTF_8);
        write(channel, header);
        channel.force(true);
        size = header.length;
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened; the data itself is forced
        }
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
