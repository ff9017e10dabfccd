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
import java.util.Optional;

import vn.ndp.protocol.evidence.LogFormat.Deletion;
import vn.ndp.protocol.evidence.LogFormat.Header;
import vn.ndp.protocol.evidence.LogFormat.RecordLine;
import vn.ndp.protocol.evidence.LogFormat.Seal;
import vn.ndp.protocol.evidence.LogFormat.SignedWindow;
import vn.ndp.protocol.evidence.LogFormat.Stamp;
import vn.ndp.protocol.pki.Pem;

/**
 * Appends sealed batches to a message-log directory ({@link LogFormat}): one write and one
 * {@code fdatasync} per batch, records and seal together, so that a batch is on disk whole or (after
 * a crash mid-write) leaves an unsealed tail that {@link #open} cuts off: its records were never
 * acknowledged. Batches are signed together by {@link #signPending} (a {@code W} line over the roots
 * of every batch since the last one), which the caller runs on its own schedule, and which runs
 * before a segment is closed; {@link #open} signs what a crash left unsigned. Each {@link #open}
 * starts a new segment linked to the last sealed record. The methods are synchronized: one writer
 * thread appends, others may ask for {@link #signPending}.
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
    private int recoveredSignatures;
    private FileChannel channel;
    private long size;
    private Instant segmentCreated;
    private long nextSeq;
    private long nextBatch;
    private String lastHash;
    /** Seal hashes of the batches written since the last signature, and when the first of them was sealed. */
    private final List<byte[]> unsignedSeals = new ArrayList<>();
    private Instant firstUnsignedAt;
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
        Path unsignedSegment = null;
        List<Seal> unsigned = new ArrayList<>();
        while (!segments.isEmpty()) {
            Path segment = segments.getLast();
            byte[] bytes = Files.readAllBytes(segment);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Header header = null;
            Seal seal = null;
            long sealedEnd = 0;
            long byteOffset = 0; // bytes up to the end of the current line: linear, whatever the segment's size
            int position = 0;
            unsigned.clear();
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
                        unsigned.add(seal);
                        sealedEnd = byteOffset;
                    } else if (line.startsWith("W ")) {
                        SignedWindow.parse(line.substring(2));
                        unsigned.clear();
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
            unsignedSegment = unsigned.isEmpty() ? null : segment;
            break;
        }
        LogWriter writer = new LogWriter(directory, gateway, key, chain, clock, maxFileBytes, rotateEvery, seq, batch, last, cut);
        if (unsignedSegment != null) {
            // acknowledged batches a crash left unsigned: sign them now, in their own segment
            writer.channel = FileChannel.open(unsignedSegment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            writer.size = Files.size(unsignedSegment);
            for (Seal seal : unsigned) {
                writer.unsignedSeals.add(seal.hash());
            }
            writer.firstUnsignedAt = unsigned.getFirst().sealedAt();
            writer.recoveredSignatures = unsigned.size();
            writer.signPending();
            writer.channel.close();
        }
        writer.startSegment();
        return writer;
    }

    /** Bytes of unsealed tail (from a crash mid-write) cut off when the log was opened. */
    public long recoveredBytes() {
        return recoveredBytes;
    }

    /** Batches a crash had left unsigned, signed when the log was opened. */
    public int recoveredSignatures() {
        return recoveredSignatures;
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
     * batch is sealed, and everything is forced to disk before this returns. The batch is signed
     * later, with the others, by {@link #signPending}. On failure nothing is acknowledged and the
     * segment is cut back to where it was.
     */
    public synchronized SealedBatch append(List<String> bodies) throws IOException {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("An empty batch");
        }
        Instant now = clock.instant();
        if (size >= maxFileBytes || !now.isBefore(segmentCreated.plus(rotateEvery))) {
            rotate();
        }
        if (unsignedSeals.size() >= LogFormat.MAX_WINDOW) {
            signPending();
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
        StringBuilder text = new StringBuilder(bodies.size() * 1280);
        for (int i = 0; i < jsons.size(); i++) {
            text.append(new RecordLine(i, jsons.size(), tree.proofs().get(i), jsons.get(i)).line());
        }
        Seal seal = Seal.of(nextBatch, nextSeq, jsons.size(), tree.root(), prev, now);
        text.append(seal.line());
        writeForced(text.toString().getBytes(StandardCharsets.UTF_8));
        SealedBatch sealed = new SealedBatch(nextBatch, nextSeq, jsons.size(), tree.root(), now);
        if (unsignedSeals.isEmpty()) {
            firstUnsignedAt = now;
        }
        unsignedSeals.add(seal.hash());
        nextSeq = seq;
        nextBatch++;
        lastHash = prev;
        return sealed;
    }

    /**
     * Signs every batch written since the last signature with one {@code W} line, forced to disk;
     * false when there was nothing to sign. On failure the batches stay pending and the next call
     * signs them.
     */
    public synchronized boolean signPending() throws IOException {
        if (unsignedSeals.isEmpty()) {
            return false;
        }
        long first = nextBatch - unsignedSeals.size();
        SignedWindow window = SignedWindow.sign(first, nextBatch - 1, MerkleTree.root(unsignedSeals), lastHash,
                clock.instant(), gateway, certificateSha256, key);
        writeForced(window.line().getBytes(StandardCharsets.UTF_8));
        unsignedSeals.clear();
        firstUnsignedAt = null;
        return true;
    }

    /** When the oldest batch that is not signed yet was sealed; empty when every batch is signed. */
    public synchronized Optional<Instant> oldestUnsigned() {
        return Optional.ofNullable(firstUnsignedAt);
    }

    /** Batches written and not signed yet. */
    public synchronized int unsignedBatches() {
        return unsignedSeals.size();
    }

    /** Writes to the current segment and forces it to disk; on failure cuts the segment back and throws. */
    private void writeForced(byte[] bytes) throws IOException {
        long before = size;
        try {
            write(channel, bytes);
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // an unsealed tail is cut off at the next open
            }
            throw e;
        }
        size += bytes.length;
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

    /** Signs what is pending, closes the current segment and starts the next one. */
    public synchronized void rotate() throws IOException {
        signPending();
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

    /** Signs what is pending and closes the segment (it is closed even when signing fails). */
    @Override
    public synchronized void close() throws IOException {
        try {
            signPending();
        } finally {
            channel.close();
        }
    }
}
