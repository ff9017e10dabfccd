package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.ndp.protocol.evidence.LogFormat.Header;
import vn.ndp.protocol.evidence.LogFormat.RecordLine;
import vn.ndp.protocol.evidence.LogFormat.Seal;
import vn.ndp.protocol.evidence.LogFormat.SignedWindow;
import vn.ndp.protocol.evidence.LogFormat.Stamp;
import vn.ndp.protocol.pki.Pem;

/**
 * The evidence of an {@code X-Road-Id} (one exchange, or several when a caller sent its id again: see
 * {@link Verified#exchanges()}), self-contained and verifiable offline:
 * the records every log in a data directory holds for it, each with its Merkle proof to its batch's
 * seal, the gateway's signature over that batch's window with the batch's proof in it, the signing
 * certificates up to the national CA, and the time-stamps over those batches with their proofs; since format
 * {@code /3}, the exporting gateway's last verified signed global configuration (null when it kept none), whose
 * revocations the signatures are checked against ({@link Revocations}). The file is JSON in one canonical form; verification
 * refuses any other form, so that a change of any byte is detected.
 */
public final class Evidence {

    public static final String FORMAT = "ndp-evidence/3";
    /** The format before the global configuration could be carried; still verified. */
    public static final String FORMAT_2 = "ndp-evidence/2";
    /** Why revocation was not checked, when neither the file nor the caller gave a global configuration. */
    public static final String REVOCATION_NOT_CHECKED = "revocation not checked: the file carries no global configuration"
            + " (give one with --globalconf FILE, such as a newer one from the registry's /globalconf)";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Evidence() {
    }

    /** One record proven by the evidence, with the gateway that logged it. */
    public record ProvenRecord(String gateway, long batch, Instant signedAt, Optional<Instant> stampedAt, JsonNode record) {
    }

    /**
     * A verified evidence file: the anchor it was checked against and the records it proves; the configuration whose
     * revocations the signatures were checked against (empty: not checked), and the signatures by a certificate it
     * revokes, all made before the revocation (one made after it does not verify).
     */
    public record Verified(String xroadId, X509Certificate anchor, boolean anchorFromFile, List<ProvenRecord> records,
                           List<String> tsaFingerprints, Optional<Revocations> revocations,
                           List<RevokedSignature> revokedSignatures) {

        public String anchorFingerprint() {
            return Pem.sha256Fingerprint(anchor);
        }

        /**
         * The exchanges the records belong to, earliest first. Usually one, but a caller that sends the
         * {@code X-Road-Id} header chooses the id (as in X-Road, where the message id is the client's), and nothing
         * stops it from sending the same id with several requests: each of them is an exchange of its own.
         */
        public List<Exchange> exchanges() {
            List<List<ProvenRecord>> exchanges = new ArrayList<>();
            Map<String, List<ProvenRecord>> byRequest = new HashMap<>();
            for (ProvenRecord proven : records) {
                String requestId = proven.record().path("requestId").asString("");
                // a record without a request id is a request refused before it was forwarded: alone in its exchange
                List<ProvenRecord> exchange = requestId.isEmpty() ? null : byRequest.get(requestId);
                if (exchange == null) {
                    exchange = new ArrayList<>();
                    exchanges.add(exchange);
                    if (!requestId.isEmpty()) {
                        byRequest.put(requestId, exchange);
                    }
                }
                exchange.add(proven);
            }
            return exchanges.stream().map(Exchange::of).sorted(Comparator.comparing(Exchange::startedAt)).toList();
        }
    }

    /**
     * One exchange among an X-Road-Id's records: the records of one request id (the consumer's and the provider's
     * gateways log the same one; a resent request keeps it), or a single record without one. What the caller asked and
     * got (client, service, method, path, outcome) is the consumer's record's when there is one.
     *
     * @param requestId the request id the gateways gave it, empty for a request refused before it was forwarded
     * @param startedAt when its first record began (the consumer's, which receives the request first)
     * @param sides     each record's side and gateway, such as {@code consumer at VN/GOV/1/gw}
     * @param path      the path under the service, such as {@code /items/2}; empty for the service itself
     * @param outcome   the status its caller got, and the fault if any
     */
    public record Exchange(List<ProvenRecord> records, String requestId, Instant startedAt, List<String> sides,
            String client, String service, String method, String path, String outcome) {

        static Exchange of(List<ProvenRecord> records) {
            JsonNode first = records.stream().map(ProvenRecord::record)
                    .filter(r -> r.path("side").asString("").equals("consumer"))
                    .findFirst().orElse(records.getFirst().record());
            String fault = first.path("fault").asString("");
            return new Exchange(List.copyOf(records), first.path("requestId").asString(""),
                    records.stream().map(r -> startedAt(r.record())).min(Instant::compareTo).orElse(Instant.MAX),
                    records.stream().map(r -> r.record().path("side").asString("") + " at " + r.gateway()).toList(),
                    first.path("client").asString(""), first.path("service").asString(""),
                    first.path("method").asString(""), first.path("path").asString(""),
                    first.path("status").asInt() + (fault.isEmpty() ? "" : " " + fault));
        }

        private static Instant startedAt(JsonNode record) {
            try {
                return Instant.parse(record.path("startedAt").asString(""));
            } catch (DateTimeParseException e) {
                return Instant.MAX;
            }
        }
    }

    /** The message-log directories under {@code dataDir} (itself included), found by their segment files. */
    public static List<Path> logDirectories(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new EvidenceException("No such directory: " + dataDir);
        }
        try (Stream<Path> paths = Files.walk(dataDir, 8)) {
            return paths.filter(Files::isRegularFile).filter(LogFormat::isSegment).map(Path::getParent).distinct().sorted()
                    .toList();
        } catch (IOException e) {
            throw new EvidenceException("Cannot search " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The evidence of {@code xroadId} from every log under {@code dataDir}, carrying {@code signedGlobalConfiguration}
     * (the CMS bytes as the gateway kept them) when there is one; empty when no log holds it.
     */
    public static Optional<byte[]> export(Path dataDir, String xroadId, Optional<byte[]> signedGlobalConfiguration) {
        return collect(dataDir, xroadId).map(collected -> collected.evidence(signedGlobalConfiguration));
    }

    /**
     * Collects the records of {@code xroadId} from every log under {@code dataDir}, to be written as its evidence with
     * the global configuration chosen for them (see {@link Collected}); empty when no log holds it.
     */
    public static Optional<Collected> collect(Path dataDir, String xroadId) {
        if (xroadId == null || xroadId.isBlank()) {
            throw new IllegalArgumentException("no X-Road-Id: give the X-Road-Id of the exchange (or the detail of the"
                    + " error a refused request got)");
        }
        ArrayNode logs = JSON.createArrayNode();
        String ca = null;
        for (Path directory : logDirectories(dataDir)) {
            Optional<ObjectNode> log = exportLog(directory, xroadId);
            if (log.isPresent()) {
                ArrayNode certificates = (ArrayNode) log.get().get("certificates");
                ca = certificates.get(certificates.size() - 1).asString();
                logs.add(log.get());
            }
        }
        return logs.isEmpty() ? Optional.empty() : Optional.of(new Collected(xroadId, ca, logs));
    }

    /**
     * The records of an X-Road-Id collected from the logs, not yet written: what choosing a global configuration for
     * them needs (the national CA their certificates name, their gateways) is known before the file is written.
     */
    public static final class Collected {

        private final String xroadId;
        private final String nationalCa;
        private final ArrayNode logs;

        private Collected(String xroadId, String nationalCa, ArrayNode logs) {
            this.xroadId = xroadId;
            this.nationalCa = nationalCa;
            this.logs = logs;
        }

        /** The national CA certificate the logs name, as the file will carry it (not verified yet). */
        public X509Certificate nationalCa() {
            try {
                return Pem.parseCertificate(nationalCa);
            } catch (IllegalArgumentException e) {
                throw new EvidenceException("the national CA certificate in the logs cannot be read: " + e.getMessage(), e);
            }
        }

        /** The gateways whose logs hold the records. */
        public List<String> gateways() {
            List<String> gateways = new ArrayList<>();
            logs.forEach(log -> gateways.add(log.get("gateway").asString()));
            return gateways.stream().distinct().toList();
        }

        /**
         * The evidence file, carrying {@code signedGlobalConfiguration} (null in the file when empty: the exporter kept
         * none), so that a verifier can check the signatures against its revocations without anything else.
         */
        public byte[] evidence(Optional<byte[]> signedGlobalConfiguration) {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            root.put("xroadId", xroadId);
            root.put("nationalCa", nationalCa);
            root.set("logs", logs);
            if (signedGlobalConfiguration.isPresent()) {
                root.put("globalConfiguration", Hashes.base64(signedGlobalConfiguration.get()));
            } else {
                root.putNull("globalConfiguration");
            }
            return JSON.writeValueAsBytes(root);
        }
    }

    private static Optional<ObjectNode> exportLog(Path directory, String xroadId) {
        String needle = "\"xroadId\":" + LogFormat.JSON.writeValueAsString(xroadId);
        Map<Long, byte[]> roots = new HashMap<>();
        Map<Long, ObjectNode> found = new LinkedHashMap<>();
        String gateway = null;
        List<String> certificates = null;
        long notSignedYet = 0;
        for (Path segment : LogFormat.segments(directory)) {
            Header header = null;
            List<RecordLine> pending = new ArrayList<>();
            List<byte[]> windowSeals = new ArrayList<>();
            Map<Long, ObjectNode> awaiting = new LinkedHashMap<>();
            for (String line : LogFormat.lines(LogFormat.readSegment(segment))) {
                if (line.startsWith("H ")) {
                    header = Header.parse(line.substring(2));
                } else if (line.startsWith("R ")) {
                    pending.add(RecordLine.parse(line.substring(2)));
                } else if (line.startsWith("S ") && header != null) {
                    Seal seal = Seal.parse(line.substring(2));
                    roots.put(seal.batch(), seal.rootBytes());
                    windowSeals.add(seal.hash());
                    ArrayNode records = JSON.createArrayNode();
                    for (RecordLine record : pending) {
                        if (record.json().contains(needle) && xroadId.equals(
                                LogFormat.tree(record.json(), "record").path("xroadId").asString(null))) {
                            ObjectNode item = records.addObject();
                            item.put("index", record.index());
                            ArrayNode proof = item.putArray("proof");
                            record.proof().forEach(hash -> proof.add(Hashes.hex(hash)));
                            item.put("record", record.json());
                        }
                    }
                    pending.clear();
                    if (!records.isEmpty()) {
                        if (certificates != null && !certificates.equals(header.certificates())) {
                            // a new signing certificate: evidence spanning a key change lists the batches under the first
                            continue;
                        }
                        gateway = header.gateway();
                        certificates = header.certificates();
                        ObjectNode batch = JSON.createObjectNode();
                        batch.put("seal", seal.text());
                        batch.set("records", records);
                        awaiting.put(seal.batch(), batch);
                    }
                } else if (line.startsWith("W ")) {
                    SignedWindow window = SignedWindow.parse(line.substring(2));
                    if (!awaiting.isEmpty()) {
                        MerkleTree.Built tree = MerkleTree.build(windowSeals);
                        for (var entry : awaiting.entrySet()) {
                            int index = (int) (entry.getKey() - window.firstBatch());
                            ObjectNode signed = entry.getValue().putObject("signature");
                            signed.put("window", window.signedText());
                            signed.put("signature", Hashes.base64(window.signature()));
                            signed.put("index", index);
                            ArrayNode proof = signed.putArray("proof");
                            tree.proofs().get(index).forEach(hash -> proof.add(Hashes.hex(hash)));
                            found.put(entry.getKey(), entry.getValue());
                        }
                        awaiting.clear();
                    }
                    windowSeals.clear();
                }
            }
            notSignedYet += awaiting.size();
        }
        if (notSignedYet > 0) {
            // never a partial evidence: some records of this exchange would be left out
            throw new EvidenceException("records of X-Road-Id " + xroadId + " in " + directory
                    + " are not signed yet: the gateway signs its batches within its signEvery window (and when it"
                    + " stops or starts again); try again in a moment");
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        for (Stamp stamp : LogFormat.readStamps(directory)) {
            for (var entry : found.entrySet()) {
                long batch = entry.getKey();
                if (entry.getValue().has("timestamp") || batch < stamp.firstBatch() || batch > stamp.lastBatch()) {
                    continue;
                }
                List<byte[]> leaves = new ArrayList<>();
                for (long b = stamp.firstBatch(); b <= stamp.lastBatch(); b++) {
                    byte[] root = roots.get(b);
                    if (root == null) {
                        leaves = null;
                        break;
                    }
                    leaves.add(root);
                }
                if (leaves == null) {
                    continue;
                }
                int index = (int) (batch - stamp.firstBatch());
                ObjectNode timestamp = entry.getValue().putObject("timestamp");
                timestamp.put("firstBatch", stamp.firstBatch());
                timestamp.put("lastBatch", stamp.lastBatch());
                timestamp.put("index", index);
                ArrayNode proof = timestamp.putArray("proof");
                MerkleTree.build(leaves).proofs().get(index).forEach(hash -> proof.add(Hashes.hex(hash)));
                timestamp.put("token", Hashes.base64(stamp.token()));
            }
        }
        ObjectNode log = JSON.createObjectNode();
        log.put("gateway", gateway);
        ArrayNode chain = log.putArray("certificates");
        certificates.forEach(chain::add);
        ArrayNode batches = log.putArray("batches");
        found.values().forEach(batches::add);
        return Optional.of(log);
    }

    /**
     * Verifies an evidence file offline against {@code anchor} (the national CA certificate; when
     * absent, the one the file carries, which the caller must then compare by fingerprint).
     */
    public static Verified verify(byte[] file, Optional<X509Certificate> anchorOption) {
        return verify(file, anchorOption, List.of());
    }

    /**
     * As {@link #verify(byte[], Optional)}, checking every signature against the revocations of the newest of the
     * configuration the file carries and {@code configurations} (such as a newer one from the registry: a revocation
     * published after the export still counts). A configuration that does not verify fails the evidence, and so does
     * a batch signed at or after the revocation of its signing certificate.
     */
    public static Verified verify(byte[] file, Optional<X509Certificate> anchorOption, List<Revocations.Source> configurations) {
        try {
            return verifyStrictly(file, anchorOption, configurations);
        } catch (EvidenceException e) {
            throw e;
        } catch (RuntimeException | java.security.cert.CertificateEncodingException e) {
            throw new EvidenceException("the evidence is malformed: " + e.getMessage(), e);
        }
    }

    /** A batch the file proves, with what its revocation check needs. */
    private record SignedBatch(String gateway, X509Certificate signer, SignedWindow window, long batch,
                               Optional<Instant> stampedAt, List<Long> seqs) {
    }

    private static Verified verifyStrictly(byte[] file, Optional<X509Certificate> anchorOption,
                                           List<Revocations.Source> configurations)
            throws java.security.cert.CertificateEncodingException {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            throw new EvidenceException("not an evidence file: not valid JSON");
        }
        if (root == null || !root.isObject() || !Arrays.equals(JSON.writeValueAsBytes(root), file)) {
            throw new EvidenceException("the file is not in the canonical form an export writes (it was changed)");
        }
        String format = LogFormat.text(root, "format");
        if (!FORMAT.equals(format) && !FORMAT_2.equals(format)) {
            throw new EvidenceException("unknown evidence format");
        }
        // format /3 always has the key (null: the exporter kept no configuration), /2 never: neither passes as the other
        if (FORMAT.equals(format)) {
            keys(root, "evidence", "format", "xroadId", "nationalCa", "logs", "globalConfiguration");
        } else {
            keys(root, "evidence", "format", "xroadId", "nationalCa", "logs");
        }
        boolean carriesConfiguration = FORMAT.equals(format) && !root.get("globalConfiguration").isNull();
        String xroadId = LogFormat.text(root, "xroadId");
        X509Certificate fileCa = certificate(LogFormat.text(root, "nationalCa"), "nationalCa");
        X509Certificate anchor = anchorOption.orElse(fileCa);
        List<ProvenRecord> proven = new ArrayList<>();
        List<String> tsas = new ArrayList<>();
        List<SignedBatch> signedBatches = new ArrayList<>();
        JsonNode logs = array(root, "logs");
        if (logs.isEmpty()) {
            throw new EvidenceException("the evidence holds no log");
        }
        for (JsonNode log : logs) {
            keys(log, "log", "gateway", "certificates", "batches");
            String gateway = LogFormat.text(log, "gateway");
            List<X509Certificate> chain = new ArrayList<>();
            for (JsonNode pem : array(log, "certificates")) {
                chain.add(certificate(pem.asString(), "a signing certificate"));
            }
            if (chain.isEmpty()) {
                throw new EvidenceException("a log without certificates");
            }
            if (!MessageDigest.isEqual(chain.getLast().getEncoded(), fileCa.getEncoded())) {
                throw new EvidenceException("the national CA certificate of the file is not the last of the signing chain");
            }
            LogVerifier.checkChain(chain, anchor).ifPresent(why -> {
                throw new EvidenceException(why);
            });
            X509Certificate signer = chain.getFirst();
            LogVerifier.checkIssuedTo(signer, gateway).ifPresent(why -> {
                throw new EvidenceException(why);
            });
            Set<Long> seenBatches = new HashSet<>();
            for (JsonNode batch : array(log, "batches")) {
                verifyBatch(batch, gateway, signer, xroadId, seenBatches, proven, tsas, signedBatches);
            }
        }
        if (proven.isEmpty()) {
            throw new EvidenceException("the evidence proves no record");
        }
        List<Revocations.Source> sources = new ArrayList<>();
        if (carriesConfiguration) {
            sources.add(new Revocations.Source("the file",
                    Hashes.unbase64(LogFormat.text(root, "globalConfiguration"), "the global configuration")));
        }
        sources.addAll(configurations);
        List<String> gateways = signedBatches.stream().map(SignedBatch::gateway).distinct().toList();
        List<Revocations> verified = new ArrayList<>();
        for (Revocations.Source source : sources) {
            verified.add(Revocations.verify(source, anchor, gateways));
        }
        Optional<Revocations> revocations = Revocations.newest(verified);
        List<RevokedSignature> revoked = revocations.map(r -> revokedSignatures(r, signedBatches)).orElse(List.of());
        List<String> after = revoked.stream().filter(RevokedSignature::afterRevocation).map(RevokedSignature::describe).toList();
        if (!after.isEmpty()) {
            throw new EvidenceException("signed with a revoked certificate after its revocation: " + String.join("; ", after)
                    + "; " + revocations.get().describe());
        }
        return new Verified(xroadId, anchor, anchorOption.isEmpty(), proven, tsas, revocations, revoked);
    }

    /** The batches of each signature by a certificate that {@code revocations} revokes, one entry per signature. */
    private static List<RevokedSignature> revokedSignatures(Revocations revocations, List<SignedBatch> batches) {
        Map<List<String>, List<SignedBatch>> bySignature = new LinkedHashMap<>();
        for (SignedBatch batch : batches) {
            bySignature.computeIfAbsent(List.of(batch.gateway(), batch.window().signedText()), k -> new ArrayList<>())
                    .add(batch);
        }
        List<RevokedSignature> revoked = new ArrayList<>();
        for (List<SignedBatch> signature : bySignature.values()) {
            SignedBatch first = signature.getFirst();
            Optional<Instant> revokedAt = revocations.revokedAt(first.signer());
            if (revokedAt.isEmpty()) {
                continue;
            }
            List<Long> seqs = signature.stream().flatMap(b -> b.seqs().stream()).toList();
            String where = (signature.size() == 1 ? "batch " : "batches ") + String.join(", ", signature.stream()
                    .map(b -> Long.toString(b.batch())).toList()) + " (record" + (seqs.size() == 1 ? " " : "s ")
                    + String.join(", ", seqs.stream().map(String::valueOf).toList()) + ")";
            revoked.add(RevokedSignature.of(first.gateway(), signature.stream().map(SignedBatch::batch).toList(), where,
                    first.signer().getSerialNumber().toString(16), revokedAt.get(),
                    first.window().signedAt(), signature.stream().map(SignedBatch::stampedAt).toList()));
        }
        return revoked;
    }

    private static void verifyBatch(JsonNode batch, String gateway, X509Certificate signer, String xroadId,
                                    Set<Long> seenBatches, List<ProvenRecord> proven, List<String> tsas,
                                    List<SignedBatch> signedBatches) {
        if (batch.has("timestamp")) {
            keys(batch, "batch", "seal", "signature", "records", "timestamp");
        } else {
            keys(batch, "batch", "seal", "signature", "records");
        }
        Seal seal = Seal.parse(LogFormat.text(batch, "seal"));
        if (!seenBatches.add(seal.batch())) {
            throw new EvidenceException("batch " + seal.batch() + " appears twice");
        }
        JsonNode signed = batch.get("signature");
        keys(signed, "signature", "window", "signature", "index", "proof");
        SignedWindow window = SignedWindow.parse(LogFormat.text(signed, "window"), LogFormat.text(signed, "signature"));
        if (!window.gateway().equals(gateway) || !window.certificate().equals(Pem.sha256Fingerprint(signer))) {
            throw new EvidenceException("batch " + seal.batch() + " is signed for another gateway or certificate");
        }
        if (!window.verify(signer.getPublicKey())) {
            throw new EvidenceException("the signature over batch " + seal.batch() + " does not verify");
        }
        try {
            signer.checkValidity(Date.from(window.signedAt()));
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("the signing certificate was not valid when batch " + seal.batch() + " was signed");
        }
        long windowIndex = LogFormat.number(signed, "index");
        if (seal.batch() < window.firstBatch() || seal.batch() > window.lastBatch()
                || windowIndex != seal.batch() - window.firstBatch()) {
            throw new EvidenceException("the signature of batch " + seal.batch() + " names another range");
        }
        Optional<byte[]> signedRoot = MerkleTree.rootFromProof(seal.hash(), (int) windowIndex, window.batches(),
                hashes(array(signed, "proof")));
        if (signedRoot.isEmpty() || !MessageDigest.isEqual(signedRoot.get(), Hashes.unhex(window.root(), 32, "root"))) {
            throw new EvidenceException("batch " + seal.batch() + " is not the one signed (its seal was changed)");
        }
        byte[] root = Hashes.unhex(seal.root(), 32, "root");
        Optional<Instant> stampedAt = Optional.empty();
        if (batch.has("timestamp")) {
            JsonNode stamp = batch.get("timestamp");
            keys(stamp, "timestamp", "firstBatch", "lastBatch", "index", "proof", "token");
            long first = LogFormat.number(stamp, "firstBatch");
            long last = LogFormat.number(stamp, "lastBatch");
            long index = LogFormat.number(stamp, "index");
            if (last < first || seal.batch() < first || seal.batch() > last || index != seal.batch() - first
                    || last - first >= Integer.MAX_VALUE) {
                throw new EvidenceException("the time-stamp of batch " + seal.batch() + " names another range");
            }
            Optional<byte[]> imprint = MerkleTree.rootFromProof(root, (int) index, (int) (last - first + 1),
                    hashes(array(stamp, "proof")));
            if (imprint.isEmpty()) {
                throw new EvidenceException("the time-stamp proof of batch " + seal.batch() + " is malformed");
            }
            TimeStamps.Verified verified = TimeStamps.verify(Hashes.unbase64(LogFormat.text(stamp, "token"), "token"),
                    imprint.get());
            stampedAt = Optional.of(verified.time());
            if (!tsas.contains(verified.tsaFingerprint())) {
                tsas.add(verified.tsaFingerprint());
            }
        }
        Set<Long> indexes = new HashSet<>();
        List<Long> seqs = new ArrayList<>();
        JsonNode records = array(batch, "records");
        if (records.isEmpty()) {
            throw new EvidenceException("batch " + seal.batch() + " proves no record");
        }
        for (JsonNode item : records) {
            keys(item, "record", "index", "proof", "record");
            long index = LogFormat.number(item, "index");
            if (index >= seal.count() || !indexes.add(index)) {
                throw new EvidenceException("a record index of batch " + seal.batch() + " is out of range or repeated");
            }
            String json = LogFormat.text(item, "record");
            RecordLine line = new RecordLine((int) index, seal.count(), hashes(array(item, "proof")), json);
            Optional<byte[]> implied = MerkleTree.rootFromProof(line.hash(), line.index(), line.count(), line.proof());
            if (implied.isEmpty() || !MessageDigest.isEqual(implied.get(), root)) {
                throw new EvidenceException("a record of batch " + seal.batch() + " is not the one signed (it was changed)");
            }
            JsonNode record = LogFormat.tree(json, "record");
            if (!xroadId.equals(record.path("xroadId").asString(null))) {
                throw new EvidenceException("a record of batch " + seal.batch() + " belongs to another exchange");
            }
            proven.add(new ProvenRecord(gateway, seal.batch(), window.signedAt(), stampedAt, record));
            seqs.add(record.path("seq").asLong());
        }
        signedBatches.add(new SignedBatch(gateway, signer, window, seal.batch(), stampedAt, seqs));
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : array) {
            hashes.add(Hashes.unhex(hash.isString() ? hash.asString() : null, 32, "a proof hash"));
        }
        return hashes;
    }

    private static X509Certificate certificate(String pem, String what) {
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(pem);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException(what + " is not a certificate");
        }
        if (!Pem.encode(certificate).equals(pem)) {
            throw new EvidenceException(what + " is not in canonical PEM form");
        }
        return certificate;
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw new EvidenceException("'" + name + "' is missing or not a list");
        }
        return value;
    }

    private static void keys(JsonNode node, String what, String... allowed) {
        if (node == null || !node.isObject()) {
            throw new EvidenceException(what + " is not an object");
        }
        Set<String> names = Set.of(allowed);
        int count = 0;
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            String name = it.next();
            count++;
            if (!names.contains(name)) {
                throw new EvidenceException(what + " has an unknown key '" + name + "'");
            }
        }
        if (count != names.size()) {
            throw new EvidenceException(what + " lacks a key; expected " + new java.util.TreeSet<>(names));
        }
    }

}
