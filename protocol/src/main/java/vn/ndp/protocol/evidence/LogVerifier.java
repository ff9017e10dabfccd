package vn.ndp.protocol.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.ndp.protocol.evidence.LogFormat.Deletion;
import vn.ndp.protocol.evidence.LogFormat.Header;
import vn.ndp.protocol.evidence.LogFormat.RecordLine;
import vn.ndp.protocol.evidence.LogFormat.Seal;
import vn.ndp.protocol.evidence.LogFormat.SignedWindow;
import vn.ndp.protocol.evidence.LogFormat.Stamp;
import vn.ndp.protocol.pki.Pem;

/**
 * Verifies a whole message-log directory: every segment's link to the previous one, every record's
 * place in the hash chain and in its batch (through its own Merkle proof, so an edited record is
 * named even when its neighbours are intact), every signature over batches and certificate chain up
 * to the national CA, and every time-stamp. Stops at the first problem, in log order. Batches at
 * the very end of the newest segment may not be signed yet (a running gateway signs within its
 * {@code signEvery}; one that crashed signs them when it starts): they are reported, not failed.
 */
public final class LogVerifier {

    /** What is wrong with the log at the first problem found. */
    public enum Problem {
        EDITED, DELETED, INSERTED, REORDERED, TRUNCATED, DAMAGED, BAD_SIGNATURE, BAD_CERTIFICATE, BAD_TIMESTAMP,
        /** Batches signed with a certificate the global configuration revokes, at or after its revocation. */
        REVOKED,
        /** A global configuration given to check revocations against does not verify. */
        BAD_GLOBAL_CONFIGURATION
    }

    /** The first problem: which file and line, which record (seq, 0 when none applies), and why. */
    public record Finding(Problem problem, String file, long line, long seq, String message) {

        @Override
        public String toString() {
            return problem + (seq > 0 ? " record " + seq : "") + " (" + file + (line > 0 ? " line " + line : "") + "): "
                    + message;
        }
    }

    /**
     * The outcome; {@code anchorFingerprint} is the SHA-256 of the national CA certificate the chain
     * was checked against; {@code unsignedBatches}: batches at the end of the log that no signature
     * covers yet (chained and sealed, not yet proven by the gateway's signature); {@code firstSeq}: the
     * record the chain is verified from (above 1 when archives were deleted under the retention policy);
     * {@code revocations}: the configuration revocations were checked against, empty when none was given;
     * {@code revokedSignatures}: windows signed by a revoked certificate before its revocation (they verify, with a note
     * or a warning; one signed after it is the {@code problem}).
     */
    public record Report(Optional<Finding> problem, long records, long batches, int files, long firstSeq, long stampedBatches,
                         long unstampedBatches, long unsignedBatches, String anchorFingerprint, List<String> tsaFingerprints,
                         Duration elapsed, Optional<Revocations> revocations, List<RevokedSignature> revokedSignatures) {

        public boolean ok() {
            return problem.isEmpty();
        }

        public long recordsPerSecond() {
            long nanos = Math.max(1, elapsed.toNanos());
            return records * 1_000_000_000L / nanos;
        }
    }

    private static final class Failed extends RuntimeException {

        final Finding finding;

        Failed(Finding finding) {
            super(finding.toString(), null, false, false);
            this.finding = finding;
        }
    }

    /** A segment's certificates, signer first, and when the global configuration says the signer was revoked. */
    private record SigningChain(List<X509Certificate> certificates, Optional<Instant> revokedAt) {

        X509Certificate signer() {
            return certificates.getFirst();
        }
    }

    /** A window signed by a revoked certificate, checked once the time-stamps are known. */
    private record RevokedWindow(String file, long line, long firstBatch, long lastBatch, long firstSeq, long lastSeq,
                                 Instant signedAt, String serial, Instant revokedAt) {
    }

    private final Path directory;
    private final Optional<X509Certificate> anchorOption;
    private final Revocations.Configurations configurations;
    private Revocations revocations;
    private final List<RevokedWindow> revokedWindows = new ArrayList<>();
    /** Each time-stamped batch and the time of its earliest stamp. */
    private final Map<Long, Instant> stampTimes = new HashMap<>();
    private long windowFirstSeq;
    private X509Certificate anchor;
    private long expectedSeq = 1;
    private long expectedBatch = 1;
    private String prevHash = Hashes.GENESIS;
    private long deletedThroughBatch;
    private long firstSeq = 1;
    private long records;
    private long batches;
    private int files;
    private final Map<Long, byte[]> roots = new HashMap<>();
    /** Seal hashes of this segment's batches since its last signature. */
    private final List<byte[]> unsigned = new ArrayList<>();
    private long unsignedTail;
    private final Map<List<String>, SigningChain> chains = new HashMap<>();
    /** The gateway the first segment names: every segment of a log is that gateway's. */
    private String gateway;
    private String text = "";
    private int position;

    private LogVerifier(Path directory, Optional<X509Certificate> anchor, Revocations.Configurations configurations) {
        this.directory = directory;
        this.anchorOption = anchor;
        this.configurations = configurations;
    }

    /** Verifies {@code directory}; the anchor defaults to the CA certificate the first segment carries. */
    public static Report verify(Path directory, Optional<X509Certificate> anchor) {
        return verify(directory, anchor, List.of());
    }

    /**
     * Verifies {@code directory} and checks every signature against the revocations of the newest of
     * {@code configurations} (see {@link Revocations}); none: revocation is not checked.
     */
    public static Report verify(Path directory, Optional<X509Certificate> anchor, List<Revocations.Source> configurations) {
        return verify(directory, anchor, new Revocations.Configurations(configurations));
    }

    /**
     * As {@link #verify(Path, Optional, List)}, with configurations shared by several logs (such as those under a data
     * directory), so that each is verified once, not once per log.
     */
    public static Report verify(Path directory, Optional<X509Certificate> anchor, Revocations.Configurations configurations) {
        return new LogVerifier(directory, anchor, configurations).run();
    }

    private Report run() {
        long started = System.nanoTime();
        Optional<Finding> problem = Optional.empty();
        long stamped = 0;
        List<String> tsas = new ArrayList<>();
        List<RevokedSignature> revokedSignatures = new ArrayList<>();
        try {
            deletions();
            List<Path> segments = LogFormat.segments(directory);
            if (segments.isEmpty()) {
                fail(Problem.DAMAGED, directory.toString(), 0, 0, "no message-log segment (messages-*.log) here");
            }
            for (Path segment : segments) {
                segment(segment, segment.equals(segments.getLast()));
            }
            stamped = stamps(tsas);
            revokedSignatures.addAll(revokedWindows());
        } catch (Failed e) {
            problem = Optional.of(e.finding);
        } catch (RuntimeException e) {
            problem = Optional.of(new Finding(Problem.DAMAGED, directory.toString(), 0, expectedSeq,
                    "cannot be read as a message log: " + e));
        }
        return new Report(problem, records, batches, files, firstSeq, stamped, Math.max(0, batches - stamped), unsignedTail,
                anchor == null ? "" : Pem.sha256Fingerprint(anchor), tsas, Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(revocations), revokedSignatures);
    }

    private void deletions() {
        List<Deletion> deletions;
        try {
            deletions = LogFormat.readDeletions(directory);
        } catch (EvidenceException e) {
            throw new Failed(new Finding(Problem.DAMAGED, LogFormat.RETENTION_FILE, 0, 0, e.getMessage()));
        }
        for (Deletion deletion : deletions) {
            if (deletion.firstSeq() != expectedSeq || deletion.firstBatch() != expectedBatch
                    || deletion.lastSeq() < deletion.firstSeq() || deletion.lastBatch() < deletion.firstBatch()) {
                fail(Problem.DELETED, LogFormat.RETENTION_FILE, 0, expectedSeq, "the retention record of " + deletion.file()
                        + " does not continue from seq " + expectedSeq + " / batch " + expectedBatch);
            }
            expectedSeq = deletion.lastSeq() + 1;
            expectedBatch = deletion.lastBatch() + 1;
            prevHash = deletion.lastHash();
            deletedThroughBatch = deletion.lastBatch();
        }
        firstSeq = expectedSeq;
    }

    private void segment(Path file, boolean newest) {
        String name = file.getFileName().toString();
        try {
            text = LogFormat.readSegment(file);
        } catch (EvidenceException e) {
            throw new Failed(new Finding(Problem.DAMAGED, name, 0, 0, "cannot read: " + e.getCause().getMessage()));
        }
        files++;
        position = 0;
        long lineNumber = 0;
        Header header = null;
        String headerSha256 = null;
        SigningChain chain = null;
        List<RecordLine> pending = new ArrayList<>();
        List<Long> pendingLines = new ArrayList<>();
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            lineNumber++;
            if (end < 0) {
                fail(Problem.TRUNCATED, name, lineNumber, expectedSeq, "the last line is cut off (no line end): the file was truncated");
            }
            String line = text.substring(position, end);
            position = end + 1;
            if (lineNumber == 1) {
                if (!line.startsWith("H ")) {
                    fail(Problem.DAMAGED, name, 1, expectedSeq, "the first line is not a segment header");
                }
                header = header(name, line.substring(2));
                headerSha256 = Header.sha256(line.substring(2));
                chain = chain(name, header);
                continue;
            }
            if (line.startsWith("R ")) {
                try {
                    pending.add(RecordLine.parse(line.substring(2)));
                } catch (EvidenceException e) {
                    fail(Problem.DAMAGED, name, lineNumber, expectedSeq, "damaged record line: " + e.getMessage());
                }
                pendingLines.add(lineNumber);
            } else if (line.startsWith("S ")) {
                Seal seal;
                try {
                    seal = Seal.parse(line.substring(2));
                } catch (EvidenceException e) {
                    fail(Problem.DAMAGED, name, lineNumber, expectedSeq, "damaged seal line: " + e.getMessage());
                    return;
                }
                batch(name, lineNumber, seal, pending, pendingLines);
                pending.clear();
                pendingLines.clear();
            } else if (line.startsWith("W ")) {
                SignedWindow window;
                try {
                    window = SignedWindow.parse(line.substring(2));
                } catch (EvidenceException e) {
                    fail(Problem.DAMAGED, name, lineNumber, expectedSeq, "damaged signature line: " + e.getMessage());
                    return;
                }
                if (!pending.isEmpty()) {
                    fail(Problem.INSERTED, name, pendingLines.getFirst(), pending.getFirst().seq(),
                            "record line(s) without a seal before the signature of batches " + window.firstBatch() + ".."
                                    + window.lastBatch());
                }
                window(name, lineNumber, header, headerSha256, chain, window);
            } else {
                fail(Problem.DAMAGED, name, lineNumber, expectedSeq, "a line that is neither a record, a seal nor a signature");
            }
        }
        if (header == null) {
            fail(Problem.TRUNCATED, name, 0, expectedSeq, "the segment is empty");
        }
        if (!pending.isEmpty()) {
            fail(Problem.TRUNCATED, name, pendingLines.getFirst(), expectedSeq, pending.size()
                    + " record line(s) at the end have no seal: the batch was cut off");
        }
        if (!unsigned.isEmpty()) {
            if (!newest) {
                fail(Problem.TRUNCATED, name, lineNumber, 0, "batches " + (expectedBatch - unsigned.size()) + ".."
                        + (expectedBatch - 1) + " at the end of this archive are not signed: the archive was truncated"
                        + " (a writer signs every batch before it closes a segment)");
            }
            unsignedTail = unsigned.size();
            unsigned.clear();
        }
    }

    private Header header(String name, String json) {
        Header header;
        try {
            header = Header.parse(json);
            Hashes.unhex(header.prevHash(), 32, "prevHash");
        } catch (EvidenceException e) {
            throw new Failed(new Finding(Problem.DAMAGED, name, 1, expectedSeq, "damaged header: " + e.getMessage()));
        }
        String ownName = LogFormat.segmentName(header.firstSeq());
        if (!name.equals(ownName) && Files.exists(directory.resolve(ownName))) {
            fail(Problem.REORDERED, name, 1, expectedSeq, "record " + expectedSeq + " is out of order: this file holds the"
                    + " segment that starts at seq " + header.firstSeq() + ", and " + ownName + " another one: segment files"
                    + " were swapped");
        }
        if (gateway == null) {
            gateway = header.gateway();
        } else if (!gateway.equals(header.gateway())) {
            fail(Problem.INSERTED, name, 1, expectedSeq, "this segment is from the log of gateway " + header.gateway()
                    + ", the log before it is gateway " + gateway + "'s");
        }
        if (header.firstSeq() > expectedSeq) {
            fail(files > 1 ? Problem.TRUNCATED : Problem.DELETED, name, 1, expectedSeq, "records " + expectedSeq + ".." + (header.firstSeq() - 1)
                    + " are missing before this segment (deleted, or the previous segment was truncated)");
        }
        if (header.firstSeq() < expectedSeq) {
            fail(Problem.INSERTED, name, 1, header.firstSeq(), "the segment starts at seq " + header.firstSeq()
                    + " but the previous one ended at " + (expectedSeq - 1));
        }
        if (!header.prevHash().equals(prevHash) || header.firstBatch() != expectedBatch) {
            fail(Problem.EDITED, name, 1, expectedSeq, "the segment header does not link to the previous record "
                    + "(prevHash or firstBatch differs)");
        }
        return header;
    }

    private SigningChain chain(String name, Header header) {
        SigningChain cached = chains.get(header.certificates());
        if (cached != null) {
            return cached;
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (String pem : header.certificates()) {
                X509Certificate certificate = Pem.parseCertificate(pem);
                if (!Pem.encode(certificate).equals(pem)) {
                    fail(Problem.BAD_CERTIFICATE, name, 1, 0, "a certificate in the header is not in the canonical PEM form"
                            + " the writer uses (it was changed)");
                }
                chain.add(certificate);
            }
        } catch (IllegalArgumentException e) {
            fail(Problem.BAD_CERTIFICATE, name, 1, 0, "a certificate in the header cannot be parsed");
        }
        boolean first = anchor == null;
        if (first) {
            anchor = anchorOption.orElse(chain.getLast());
        }
        checkChain(chain, anchor).ifPresent(why -> fail(Problem.BAD_CERTIFICATE, name, 1, 0, why));
        checkIssuedTo(chain.getFirst(), header.gateway()).ifPresent(why -> fail(Problem.BAD_CERTIFICATE, name, 1, 0, why));
        if (first) {
            // the gateway is now the one the national CA issued the certificate to: a gateway identifier
            revocations = newestRevocations(header.gateway());
        }
        SigningChain checked = new SigningChain(List.copyOf(chain), revocations == null ? Optional.empty()
                : revocations.revokedAt(chain.getFirst()));
        chains.put(header.certificates(), checked);
        return checked;
    }

    /** The newest of the configurations, verified for {@code gateway}; null when there is none. */
    private Revocations newestRevocations(String gateway) {
        try {
            return configurations.newestFor(anchor, gateway).orElse(null);
        } catch (EvidenceException e) {
            throw new Failed(new Finding(Problem.BAD_GLOBAL_CONFIGURATION, "global configuration", 0, 0, e.getMessage()));
        }
    }

    /**
     * Checks that each certificate is signed by the next and the last is signed by the anchor, or is
     * the anchor and then signed by itself, the national CA being a root (an anchor taken from the log
     * or the evidence file is only as good as its printed fingerprint, but a changed byte in it must
     * still fail); empty when it holds.
     */
    static Optional<String> checkChain(List<X509Certificate> chain, X509Certificate anchor) {
        try {
            for (int i = 0; i + 1 < chain.size(); i++) {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            }
            X509Certificate last = chain.getLast();
            last.verify(anchor.getPublicKey());
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("the signing certificate does not chain to the national CA "
                    + Pem.sha256Fingerprint(anchor) + ": " + e.getMessage());
        }
    }

    /**
     * Checks that {@code certificate} was issued to {@code gateway}: the national CA names the gateway in
     * the common name of the certificates it issues to it, so that one gateway's key cannot sign records
     * under another gateway's name. Empty when it holds.
     */
    public static Optional<String> checkIssuedTo(X509Certificate certificate, String gateway) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        // the value as the CA wrote it: valueToString would escape the + , = an identifier may hold
        String commonName = names.length == 1 ? names[0].getFirst().getValue().toString() : null;
        if (gateway.equals(commonName)) {
            return Optional.empty();
        }
        return Optional.of("the signing certificate was issued to " + (commonName == null ? "no single common name" : commonName)
                + ", not to gateway " + gateway + " whose records it signs");
    }

    private void batch(String name, long sealLine, Seal seal, List<RecordLine> pending, List<Long> pendingLines) {
        byte[] root = seal.rootBytes();
        for (int i = 0; i < pending.size(); i++) {
            RecordLine record = pending.get(i);
            long line = pendingLines.get(i);
            byte[] hash = record.hash();
            Optional<byte[]> implied = record.count() == seal.count()
                    ? MerkleTree.rootFromProof(hash, record.index(), record.count(), record.proof()) : Optional.empty();
            if (implied.isEmpty() || !MessageDigest.isEqual(implied.get(), root)) {
                long claimed = record.seq();
                if (pending.size() > seal.count()) {
                    fail(Problem.INSERTED, name, line, claimed, "this record (claiming seq " + claimed
                            + ") is not one signed in batch " + seal.batch() + ": inserted");
                }
                if (claimed > expectedSeq && furtherOn(expectedSeq)) {
                    fail(Problem.REORDERED, name, line, expectedSeq, "record " + expectedSeq + " is out of order: line " + line
                            + " holds record " + claimed + ", moved here from another batch");
                }
                fail(Problem.EDITED, name, line, expectedSeq, "this record (seq " + expectedSeq
                        + (claimed == expectedSeq ? "" : ", now claiming " + claimed) + ") is not the one signed in batch "
                        + seal.batch() + ": edited");
            }
            long seq = record.seq();
            if (seq > expectedSeq) {
                boolean later = furtherOn(expectedSeq);
                for (int j = i + 1; j < pending.size() && !later; j++) {
                    later = pending.get(j).seq() == expectedSeq;
                }
                fail(later ? Problem.REORDERED : Problem.DELETED, name, line, expectedSeq, later
                        ? "record " + expectedSeq + " is out of order: line " + line + " holds record " + seq
                        : "record " + expectedSeq + " is missing (deleted): line " + line + " holds record " + seq);
            }
            if (seq < expectedSeq) {
                fail(pending.size() > seal.count() ? Problem.INSERTED : Problem.REORDERED, name, line, seq,
                        "record " + seq + " appears again after record " + (expectedSeq - 1)
                                + (pending.size() > seal.count() ? " (a copy was inserted)" : ""));
            }
            if (record.index() != i) {
                fail(Problem.REORDERED, name, line, seq, "record " + seq + " is out of its place in batch " + seal.batch());
            }
            if (!record.prev().equals(prevHash)) {
                fail(Problem.INSERTED, name, line, seq, "record " + seq + " does not link to the record before it");
            }
            prevHash = Hashes.hex(hash);
            expectedSeq++;
            records++;
        }
        if (pending.size() < seal.count()) {
            fail(Problem.DELETED, name, sealLine, expectedSeq, "record " + expectedSeq + " is missing (deleted): batch "
                    + seal.batch() + " was signed with " + seal.count() + " records, " + pending.size() + " remain");
        }
        if (seal.batch() != expectedBatch || seal.firstSeq() != expectedSeq - seal.count() || !seal.lastHash().equals(prevHash)) {
            fail(seal.batch() > expectedBatch ? Problem.DELETED : Problem.REORDERED, name, sealLine, 0,
                    "batch " + seal.batch() + " is out of place (batch " + expectedBatch + " expected)");
        }
        roots.put(seal.batch(), root);
        if (unsigned.isEmpty()) {
            windowFirstSeq = seal.firstSeq();
        }
        unsigned.add(seal.hash());
        expectedBatch++;
        batches++;
    }

    /** Whether record {@code seq} is further on in the segment than the line just read. */
    private boolean furtherOn(long seq) {
        return text.indexOf("{\"seq\":" + seq + ",", position) >= 0;
    }

    /** Checks a signature line: it must sign exactly the batches of this segment since the previous one. */
    private void window(String name, long line, Header header, String headerSha256, SigningChain chain,
            SignedWindow window) {
        long first = expectedBatch - unsigned.size();
        X509Certificate signer = chain.signer();
        if (window.firstBatch() == first && window.lastBatch() > expectedBatch - 1 && window.verify(signer.getPublicKey())
                && window.gateway().equals(header.gateway())
                && !furtherOn(expectedSeq)) {
            // The line is as the gateway signed it, and it signed batches that are neither before it nor moved after it.
            fail(Problem.DELETED, name, line, expectedSeq, "record " + expectedSeq + " is missing (deleted): batches "
                    + expectedBatch + ".." + window.lastBatch() + ", signed on this line, are not in the log");
        }
        if (unsigned.isEmpty() || window.firstBatch() != first || window.lastBatch() != expectedBatch - 1) {
            fail(unsigned.isEmpty() ? Problem.INSERTED : Problem.BAD_SIGNATURE, name, line, 0, "the signature of batches "
                    + window.firstBatch() + ".." + window.lastBatch() + " does not cover the batches before it ("
                    + (unsigned.isEmpty() ? "none" : first + ".." + (expectedBatch - 1)) + ")");
        }
        if (!window.certificate().equals(Pem.sha256Fingerprint(signer)) || !window.gateway().equals(header.gateway())) {
            fail(Problem.BAD_SIGNATURE, name, line, 0, "the signature of batches " + window.firstBatch() + ".."
                    + window.lastBatch() + " names another certificate or gateway than the segment");
        }
        if (!MessageDigest.isEqual(Hashes.unhex(window.root(), 32, "root"), MerkleTree.root(unsigned))
                || !window.lastHash().equals(prevHash)) {
            fail(Problem.BAD_SIGNATURE, name, line, 0, "batches " + window.firstBatch() + ".." + window.lastBatch()
                    + " are not the ones signed (a batch seal was changed)");
        }
        if (!window.verify(signer.getPublicKey())) {
            fail(Problem.BAD_SIGNATURE, name, line, 0, "the signature of batches " + window.firstBatch() + ".."
                    + window.lastBatch() + " does not verify");
        }
        if (window.header() == null ? header.signedByWindows() : !window.header().equals(headerSha256)) {
            // the signature verified, so the line is as signed: the header is what changed
            fail(Problem.EDITED, name, 1, header.firstSeq(), "the segment header is not the one its signature of"
                    + " batches " + window.firstBatch() + ".." + window.lastBatch() + " (line " + line + ") signs:"
                    + " a header field was changed");
        }
        try {
            signer.checkValidity(Date.from(window.signedAt()));
        } catch (GeneralSecurityException e) {
            fail(Problem.BAD_CERTIFICATE, name, line, 0, "the signing certificate was not valid when batches "
                    + window.firstBatch() + ".." + window.lastBatch() + " were signed (" + window.signedAt() + ")");
        }
        chain.revokedAt().ifPresent(at -> revokedWindows.add(new RevokedWindow(name, line, window.firstBatch(),
                window.lastBatch(), windowFirstSeq, expectedSeq - 1, window.signedAt(), signer.getSerialNumber().toString(16),
                at)));
        unsigned.clear();
    }

    /**
     * Returns how many batches are time-stamped, each with the time of its earliest stamp in {@link #stampTimes}; fails on
     * a bad token or on a stamp over batches the log no longer has.
     */
    private long stamps(List<String> tsas) {
        List<Stamp> stamps;
        try {
            stamps = LogFormat.readStamps(directory);
        } catch (EvidenceException e) {
            throw new Failed(new Finding(Problem.DAMAGED, LogFormat.TIMESTAMPS_FILE, 0, 0, e.getMessage()));
        }
        long lastBatch = expectedBatch - 1;
        int line = 0;
        for (Stamp stamp : stamps) {
            line++;
            if (stamp.lastBatch() > lastBatch) {
                fail(Problem.TRUNCATED, LogFormat.TIMESTAMPS_FILE, line, expectedSeq, "a time-stamp covers batches up to "
                        + stamp.lastBatch() + " but the log ends at batch " + lastBatch + ": records from "
                        + expectedSeq + " on were removed");
            }
            if (stamp.firstBatch() <= deletedThroughBatch) {
                continue;
            }
            List<byte[]> leaves = new ArrayList<>();
            for (long b = stamp.firstBatch(); b <= stamp.lastBatch(); b++) {
                leaves.add(roots.get(b));
            }
            try {
                TimeStamps.Verified verified = TimeStamps.verify(stamp.token(), TimeStamps.imprintOf(leaves));
                if (!tsas.contains(verified.tsaFingerprint())) {
                    tsas.add(verified.tsaFingerprint());
                }
                for (long b = stamp.firstBatch(); b <= stamp.lastBatch(); b++) {
                    stampTimes.merge(b, verified.time(), (earlier, later) -> earlier.isBefore(later) ? earlier : later);
                }
            } catch (EvidenceException e) {
                fail(Problem.BAD_TIMESTAMP, LogFormat.TIMESTAMPS_FILE, line, 0, "the time-stamp of batches "
                        + stamp.firstBatch() + ".." + stamp.lastBatch() + " does not verify: " + e.getMessage());
            }
        }
        return stampTimes.size();
    }

    /**
     * Checks the windows signed by a revoked certificate against the time of their batches' stamps; fails at the first
     * one signed at or after the revocation, and returns the others.
     */
    private List<RevokedSignature> revokedWindows() {
        List<RevokedSignature> before = new ArrayList<>();
        List<RevokedWindow> after = new ArrayList<>();
        RevokedSignature first = null;
        for (RevokedWindow window : revokedWindows) {
            List<Optional<Instant>> batchStamps = new ArrayList<>();
            List<Long> batches = new ArrayList<>();
            for (long b = window.firstBatch(); b <= window.lastBatch(); b++) {
                batchStamps.add(Optional.ofNullable(stampTimes.get(b)));
                batches.add(b);
            }
            RevokedSignature signature = RevokedSignature.of(gateway, batches, "batches " + window.firstBatch() + ".."
                    + window.lastBatch() + " (records " + window.firstSeq() + ".." + window.lastSeq() + ")", window.serial(), window.revokedAt(), window.signedAt(), batchStamps);
            if (signature.afterRevocation()) {
                first = first == null ? signature : first;
                after.add(window);
            } else {
                before.add(signature);
            }
        }
        if (first != null) {
            RevokedWindow window = after.getFirst();
            fail(Problem.REVOKED, window.file(), window.line(), window.firstSeq(), first.describe()
                    + (after.size() > 1 ? "; and " + (after.size() - 1) + " later signature(s) after the revocation" : ""));
        }
        return before;
    }

    private static void fail(Problem problem, String file, long line, long seq, String message) {
        throw new Failed(new Finding(problem, file, line, seq, message));
    }
}
