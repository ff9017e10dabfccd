package vn.ndp.protocol.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import vn.ndp.protocol.evidence.LogFormat.Deletion;
import vn.ndp.protocol.evidence.LogFormat.Header;
import vn.ndp.protocol.evidence.LogFormat.RecordLine;
import vn.ndp.protocol.evidence.LogFormat.Seal;
import vn.ndp.protocol.evidence.LogFormat.SignedWindow;
import vn.ndp.protocol.evidence.LogFormat.Stamp;
import vn.ndp.protocol.pki.Digests;
import vn.ndp.protocol.pki.Pem;

/**
 * Appends sealed batches to a message-log directory ({@link LogFormat}): one write and one
 * {@code fdatasync} per batch, records and seal together, so that a batch is on disk whole or (after
 * a crash mid-write) leaves a tail that {@link #open} cuts off: its records were never acknowledged.
 * The write lands in space already filled with zero bytes (a background thread keeps
 * {@link #RESERVE} ahead of the end), so the {@code fdatasync} need not change the file's size: on
 * ext4 that halves its cost. Because a crash may then keep some pages of the last write and not
 * others, {@link #open} checks every batch written since the last signature record by record
 * against its seal, and cuts from the first that does not hold. Batches are signed together by
 * {@link #signPending} (a {@code W} line over the roots of every batch since the last one), which the
 * caller runs on its own schedule, and which runs before a segment is closed; {@link #open} signs
 * what a crash left unsigned. Each {@link #open} starts a new segment linked to the last sealed record. The methods are synchronized: one writer
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
    /**
     * Zero bytes kept ahead of the end of the segment being written, and the step they are written and forced in. A
     * batch's {@code fdatasync} that runs while a step is being forced waits for the step's pages too: steps of 256 KiB
     * rather than 1 MiB took the logged pair's p99 at half load from about 6.9 to 6.1 ms (BENCHMARKS.md, session 9);
     * 64 KiB was no better.
     */
    static final int RESERVE = 4 << 20;
    static final int RESERVE_STEP = 256 << 10;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(RESERVE_STEP).asReadOnlyBuffer();

    /** Guards {@link #channel} (replaced at rotation) and the reserved space at its end. */
    private final Object space = new Object();
    private FileChannel channel;
    /** Bytes of content in the current segment (written by the writer, read by the reserving thread). */
    private volatile long size;
    /** The segment's length on disk: its content, then zero bytes. */
    private volatile long allocated;
    private final AtomicBoolean reserving = new AtomicBoolean();
    private final ExecutorService reserver = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("messagelog-reserve").daemon().factory());
    private Instant segmentCreated;
    /** {@link Header#sha256} of the segment being written, which every signature line in it signs. */
    private String segmentHeader;
    private long nextSeq;
    private long nextBatch;
    private String lastHash;
    /** Seal hashes of the batches written since the last signature. */
    private final List<byte[]> unsignedSeals = new ArrayList<>();
    private final Object stampLock = new Object();
    /** The writer's SHA-256 for record hashes, and the buffer a batch's lines are put in (both used under this lock). */
    private final MessageDigest recordDigest = Digests.sha256();
    private final LineBytes lines = new LineBytes(64 * 1024);

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
        Pem.restrictToOwner(directory); // who called which service when, and the evidence: its owner's alone
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
        String unsignedHeader = null;
        List<Seal> unsigned = List.of();
        while (!segments.isEmpty()) {
            Path segment = segments.getLast();
            byte[] bytes = Files.readAllBytes(segment);
            int content = LogFormat.contentLength(bytes);
            Tail tail;
            try {
                tail = Tail.scan(bytes, content);
            } catch (EvidenceException e) {
                throw new IOException("Cannot open the message log: " + segment.getFileName() + ": " + e.getMessage(), e);
            }
            if (tail.header == null || tail.lastSeal == null) {
                // a segment without a sealed batch holds nothing acknowledged: drop it and look at the one before
                cut += content;
                Files.delete(segment);
                segments.removeLast();
                if (tail.header != null) {
                    seq = tail.header.firstSeq();
                    batch = tail.header.firstBatch();
                    last = tail.header.prevHash();
                }
                continue;
            }
            if (tail.sealedEnd < bytes.length) {
                cut += content - tail.sealedEnd;
                try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    file.truncate(tail.sealedEnd);
                    file.force(true);
                }
            }
            seq = tail.lastSeal.firstSeq() + tail.lastSeal.count();
            batch = tail.lastSeal.batch() + 1;
            last = tail.lastSeal.lastHash();
            unsigned = tail.unsigned;
            unsignedSegment = unsigned.isEmpty() ? null : segment;
            unsignedHeader = tail.headerSha256;
            break;
        }
        LogWriter writer = new LogWriter(directory, gateway, key, chain, clock, maxFileBytes, rotateEvery, seq, batch, last, cut);
        if (unsignedSegment != null) {
            // acknowledged batches a crash left unsigned: sign them now, in their own segment
            writer.channel = FileChannel.open(unsignedSegment, StandardOpenOption.WRITE);
            writer.segmentHeader = unsignedHeader;
            writer.size = Files.size(unsignedSegment);
            writer.allocated = writer.size;
            for (Seal seal : unsigned) {
                writer.unsignedSeals.add(seal.hash());
            }
            writer.recoveredSignatures = unsigned.size();
            writer.signPending();
            writer.closeSegment();
        }
        writer.startSegment();
        return writer;
    }

    /**
     * What {@link #open} finds in the newest segment: its header, the last batch that holds, where
     * the content that holds ends, and the batches after the last signature. Lines are found by their
     * line ends in the bytes ({@code \n} never occurs inside a UTF-8 character).
     */
    private static final class Tail {

        /** A batch after the last signature: its record lines are bytes {@code from} to {@code sealAt}. */
        private record Batch(int from, int sealAt, Seal seal, int end) {
        }

        private Header header;
        private String headerSha256;
        private Seal lastSeal;
        private long sealedEnd;
        private final List<Seal> unsigned = new ArrayList<>();

        static Tail scan(byte[] bytes, int length) {
            Tail tail = new Tail();
            Seal signed = null;
            List<Batch> batches = new ArrayList<>();
            int position = 0;
            int batchStart = 0;
            while (position < length) {
                int end = position;
                while (end < length && bytes[end] != '\n') {
                    end++;
                }
                if (end == length || end - position < 2 || bytes[position + 1] != ' ') {
                    break;
                }
                byte tag = bytes[position];
                String entry = tag == 'R' ? null : new String(bytes, position + 2, end - position - 2, StandardCharsets.UTF_8);
                try {
                    if (tag == 'H' && tail.header == null) {
                        tail.header = Header.parse(entry);
                        tail.headerSha256 = Header.sha256(entry);
                        tail.sealedEnd = end + 1;
                        batchStart = end + 1;
                    } else if (tag == 'S' && tail.header != null) {
                        batches.add(new Batch(batchStart, position, Seal.parse(entry), end + 1));
                        batchStart = end + 1;
                    } else if (tag == 'W' && tail.header != null) {
                        SignedWindow.parse(entry);
                        if (!batches.isEmpty()) {
                            signed = batches.getLast().seal();
                        }
                        batches.clear();
                        tail.sealedEnd = end + 1;
                        batchStart = end + 1;
                    } else if (tag != 'R') {
                        break;
                    }
                } catch (EvidenceException e) {
                    break;
                }
                position = end + 1;
            }
            if (position < length && signatureAfter(bytes, position, length)) {
                // A crash tears only the last write; a line that does not hold before a signature is damage,
                // and cutting there would destroy signed records.
                throw new EvidenceException("the segment is damaged at byte " + position
                        + ", before a signature; it is left as it is (run `ndp log verify` on the log)");
            }
            if (tail.header == null) {
                return tail;
            }
            tail.lastSeal = signed;
            long seq = signed == null ? tail.header.firstSeq() : signed.firstSeq() + signed.count();
            long batch = signed == null ? tail.header.firstBatch() : signed.batch() + 1;
            String prev = signed == null ? tail.header.prevHash() : signed.lastHash();
            for (Batch candidate : batches) {
                if (!holds(bytes, candidate, seq, batch, prev)) {
                    break;
                }
                Seal seal = candidate.seal();
                tail.lastSeal = seal;
                tail.sealedEnd = candidate.end();
                tail.unsigned.add(seal);
                seq += seal.count();
                batch++;
                prev = seal.lastHash();
            }
            return tail;
        }

        private static boolean signatureAfter(byte[] bytes, int from, int length) {
            for (int i = from; i + 2 < length; i++) {
                if (bytes[i] == '\n' && bytes[i + 1] == 'W' && bytes[i + 2] == ' ') {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a batch after the last signature is whole: its records continue the chain and are
         * the ones its seal's root covers. A crash may keep the seal of a batch and lose some pages of
         * its records; such a batch was never acknowledged.
         */
        private static boolean holds(byte[] bytes, Batch batch, long seq, long number, String prev) {
            Seal seal = batch.seal();
            if (seal.batch() != number || seal.firstSeq() != seq) {
                return false;
            }
            List<byte[]> hashes = new ArrayList<>(seal.count());
            String previous = prev;
            try {
                for (String line : LogFormat.lines(new String(bytes, batch.from(), batch.sealAt() - batch.from(),
                        StandardCharsets.UTF_8))) {
                    if (!line.startsWith("R ")) {
                        return false;
                    }
                    RecordLine record = RecordLine.parse(line.substring(2));
                    if (record.seq() != seq + hashes.size() || record.index() != hashes.size()
                            || record.count() != seal.count() || !record.prev().equals(previous)) {
                        return false;
                    }
                    byte[] hash = record.hash();
                    hashes.add(hash);
                    previous = Hashes.hex(hash);
                }
            } catch (EvidenceException | IllegalArgumentException e) {
                return false;
            }
            return hashes.size() == seal.count() && previous.equals(seal.lastHash())
                    && java.security.MessageDigest.isEqual(MerkleTree.root(hashes), seal.rootBytes());
        }
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
     * Writes one batch: each body (the UTF-8 bytes of a JSON object) becomes a
     * record chained to the previous one, the batch is sealed, and everything is forced to disk before
     * this returns. Each body is hashed and copied into the batch's lines once, never decoded. The batch
     * is signed later, with the others, by {@link #signPending}. On failure nothing is acknowledged, and
     * the next batch is written where this one would have been.
     */
    public synchronized SealedBatch append(List<byte[]> bodies) throws IOException {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("An empty batch");
        }
        Instant now = clock.instant();
        if (!channel.isOpen() || size >= maxFileBytes || !now.isBefore(segmentCreated.plus(rotateEvery))) {
            rotate(); // a closed channel: the last rotation could not start the next segment, try again
        }
        if (unsignedSeals.size() >= LogFormat.MAX_WINDOW) {
            signPending();
        }
        int count = bodies.size();
        long seq = nextSeq;
        String prev = lastHash;
        byte[][] prefixes = new byte[count][];
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = bodies.get(i);
            prefixes[i] = RecordLine.prefix(seq++, prev, body);
            recordDigest.update(prefixes[i]);
            recordDigest.update(body, 1, body.length - 1);
            byte[] hash = recordDigest.digest();
            hashes.add(hash);
            prev = Hashes.hex(hash);
        }
        MerkleTree.Built tree = MerkleTree.build(hashes);
        lines.clear();
        for (int i = 0; i < count; i++) {
            RecordLine.write(lines, i, count, tree.proofs().get(i), prefixes[i], bodies.get(i));
        }
        Seal seal = Seal.of(nextBatch, nextSeq, count, tree.root(), prev, now);
        lines.put(seal.line().getBytes(StandardCharsets.UTF_8));
        writeForced(lines.buffer());
        SealedBatch sealed = new SealedBatch(nextBatch, nextSeq, count, tree.root(), now);
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
                segmentHeader, clock.instant(), gateway, certificateSha256, key);
        writeForced(ByteBuffer.wrap(window.line().getBytes(StandardCharsets.UTF_8)));
        unsignedSeals.clear();
        return true;
    }

    /** Batches written and not signed yet. */
    public synchronized int unsignedBatches() {
        return unsignedSeals.size();
    }

    /**
     * Writes at the end of the current segment's content and forces it to disk; on failure the bytes
     * written are zeroed again (a next attempt writes over them; a crash leaves a tail that the next
     * open cuts off) and the exception is thrown.
     */
    private void writeForced(ByteBuffer content) throws IOException {
        long at = size;
        int length = content.remaining();
        if (at + length > allocated) {
            synchronized (space) {
                reserve(at + length + RESERVE_STEP);
            }
        }
        try {
            write(channel, content, at);
            channel.force(false);
        } catch (IOException e) {
            try {
                for (long zeroed = 0; zeroed < length; zeroed += RESERVE_STEP) {
                    write(channel, ZEROS.duplicate().limit((int) Math.min(length - zeroed, RESERVE_STEP)), at + zeroed);
                }
            } catch (IOException ignored) {
                // what stays is an unsealed tail: the next open cuts it off
            }
            throw e;
        }
        size = at + length;
        if (allocated - size < RESERVE && reserving.compareAndSet(false, true)) {
            try {
                reserver.execute(this::reserveAhead);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                reserving.set(false);
            }
        }
    }

    /** Runs on the reserving thread: fills zero bytes until {@link #RESERVE} is ahead of the content. */
    private void reserveAhead() {
        try {
            synchronized (space) {
                if (channel.isOpen()) {
                    // not past the size that rotates the segment: what is reserved beyond it is cut off unused
                    reserve(Math.min(size + RESERVE, Math.max(maxFileBytes, size) + RESERVE_STEP));
                }
            }
        } catch (IOException e) {
            // the writer reserves what it needs itself, and reports a full disk when it cannot
        } finally {
            reserving.set(false);
        }
    }

    /** Extends the current segment with zero bytes, forced to disk, to at least {@code length}. Holds {@link #space}. */
    private void reserve(long length) throws IOException {
        while (allocated < length) {
            long at = allocated;
            write(channel, ZEROS.duplicate(), at);
            channel.force(false);
            allocated = at + RESERVE_STEP;
        }
    }

    /** Appends a time-stamp to {@code timestamps.log} and forces it to disk. */
    public void appendStamp(Stamp stamp) throws IOException {
        synchronized (stampLock) {
            try (FileChannel file = FileChannel.open(Pem.createOwnerOnly(directory.resolve(LogFormat.TIMESTAMPS_FILE)),
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
            for (String line : LogFormat.lines(LogFormat.readSegment(segments.get(i)))) {
                if (line.startsWith("S ")) {
                    Seal seal = Seal.parse(line.substring(2));
                    if (seal.batch() > stamped) {
                        found.add(new SealedBatch(seal.batch(), seal.firstSeq(), seal.count(),
                                seal.rootBytes(), seal.sealedAt()));
                    } else {
                        older = true;
                    }
                } else if (line.startsWith("H ") && Header.parse(line.substring(2)).firstBatch() <= stamped) {
                    older = true;
                }
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
        for (String line : LogFormat.lines(LogFormat.readSegment(segment))) {
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
        try (FileChannel file = FileChannel.open(Pem.createOwnerOnly(directory.resolve(LogFormat.RETENTION_FILE)),
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
        closeSegment();
        startSegment();
    }

    /** Cuts the zero bytes off the end of the current segment and closes it (nothing to do when it is closed). */
    private void closeSegment() throws IOException {
        synchronized (space) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                channel.truncate(size);
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }

    private void startSegment() throws IOException {
        segmentCreated = clock.instant();
        Path file = directory.resolve(LogFormat.segmentName(nextSeq));
        Files.deleteIfExists(file);
        String line = new Header(gateway, nextSeq, nextBatch, lastHash, segmentCreated, certificates).line();
        segmentHeader = Header.sha256(line.substring(2, line.length() - 1));
        byte[] header = line.getBytes(StandardCharsets.UTF_8);
        synchronized (space) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Pem.restrictToOwner(file);
            write(channel, ByteBuffer.wrap(header), 0);
            size = header.length;
            allocated = size;
            reserve(RESERVE_STEP); // forces the header with the zero bytes
        }
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

    private static void write(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /** Signs what is pending and closes the segment (it is closed even when signing fails). */
    @Override
    public synchronized void close() throws IOException {
        reserver.shutdown();
        try {
            signPending();
        } finally {
            try {
                reserver.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeSegment();
        }
    }
}
