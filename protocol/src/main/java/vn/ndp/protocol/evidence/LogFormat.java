package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.ndp.protocol.pki.KeyAlgorithm;

/**
 * The message log on disk. A log directory holds segment files {@code messages-{firstSeq}.log}
 * (the newest is being written, the others are archives), {@code timestamps.log} and
 * {@code retention.log}. Every line is one entry, a letter, a space and the entry:
 * <pre>
 * H {header json}                         first line of a segment: gateway, firstSeq, firstBatch,
 *                                         prevHash (links to the previous segment), certificates
 * R {index}/{count} {proof} {record json} one exchange seen by the gateway; the record json starts
 *                                         with {"seq":N,"prev":"hex", and its SHA-256 is the record hash;
 *                                         proof: the Merkle audit path to its batch root (hex, comma-separated, - if none)
 * S {seal json}                           closes a batch (one group commit): Merkle root over the batch's
 *                                         record hashes, hash of its last record
 * W {window json} {signature}             signs the batches since the previous W of the segment: the
 *                                         Merkle root over their seals' hashes, the last record hash, the
 *                                         SHA-256 of the segment's header json, signed
 *                                         (base64) with the gateway's key; written within signEvery of
 *                                         the first of them, and before a segment is closed
 * T {stamp json}                          (timestamps.log) an RFC 3161 token over the Merkle root of the
 *                                         roots of batches firstBatch..lastBatch
 * D {deletion json}                       (retention.log) an archive deleted under the retention policy
 * </pre>
 * The segment being written ends with zero bytes: space a writer fills ahead of its end, so that
 * forcing a batch to disk overwrites blocks the file already has instead of growing it (growing a
 * file makes every {@code fdatasync} commit the file system's journal too, which doubles its cost).
 * Readers take a segment up to its trailing zero bytes ({@link #readSegment}); a writer cuts them off
 * when it closes the segment, and a crash leaves them for the next {@code open} to cut.
 */
public final class LogFormat {

    /**
     * The format written. Since {@code /3} every signature line also signs the SHA-256 of its segment's header
     * ({@code header}), so that no header field (its creation time, which retention reads) can change unnoticed;
     * {@code /2} segments, whose signatures do not, are still read and verified.
     */
    public static final String FORMAT = "ndp-messagelog/3";
    static final String FORMAT_2 = "ndp-messagelog/2";
    /** The most batches one signature covers: a writer signs at least this often. */
    public static final int MAX_WINDOW = 65536;
    public static final String TIMESTAMPS_FILE = "timestamps.log";
    public static final String RETENTION_FILE = "retention.log";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private LogFormat() {
    }

    public static String segmentName(long firstSeq) {
        return "messages-%012d.log".formatted(firstSeq);
    }

    public static boolean isSegment(Path file) {
        String name = file.getFileName().toString();
        return name.matches("messages-\\d{12}\\.log");
    }

    /** The segments of a log directory, oldest first. */
    public static List<Path> segments(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(LogFormat::isSegment).sorted().toList();
        } catch (IOException e) {
            throw new EvidenceException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The length of a segment's content: its bytes without the trailing zero bytes reserved ahead of the writer. */
    public static int contentLength(byte[] segment) {
        int length = segment.length;
        while (length > 0 && segment[length - 1] == 0) {
            length--;
        }
        return length;
    }

    /** A segment's text, without the zero bytes reserved at its end. */
    public static String readSegment(Path segment) {
        try {
            byte[] bytes = Files.readAllBytes(segment);
            return new String(bytes, 0, contentLength(bytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvidenceException("Cannot read " + segment + ": " + e.getMessage(), e);
        }
    }

    /** The complete lines of a segment's text (a last line without its line end is left out). */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.removeLast();
        return lines;
    }

    /** The first line of a segment. {@code certificates}: the signing certificate, then its issuers (PEM). */
    public record Header(String gateway, long firstSeq, long firstBatch, String prevHash, Instant createdAt,
                         List<String> certificates, String format) {

        public Header(String gateway, long firstSeq, long firstBatch, String prevHash, Instant createdAt,
                      List<String> certificates) {
            this(gateway, firstSeq, firstBatch, prevHash, createdAt, certificates, FORMAT);
        }

        /** Whether the segment's signature lines sign its header too ({@link #FORMAT} {@code /3} on). */
        public boolean signedByWindows() {
            return !FORMAT_2.equals(format);
        }

        /** The hash a signature line names its segment's header by: SHA-256 (hex) of the header's json text. */
        public static String sha256(String json) {
            return Hashes.sha256Hex(json);
        }

        public String line() {
            ObjectNode node = JSON.createObjectNode();
            node.put("format", format);
            node.put("gateway", gateway);
            node.put("firstSeq", firstSeq);
            node.put("firstBatch", firstBatch);
            node.put("prevHash", prevHash);
            node.put("createdAt", createdAt.toString());
            var array = node.putArray("certificates");
            certificates.forEach(array::add);
            return "H " + JSON.writeValueAsString(node) + "\n";
        }

        public static Header parse(String json) {
            JsonNode node = tree(json, "header");
            String format = text(node, "format");
            if (!FORMAT.equals(format) && !FORMAT_2.equals(format)) {
                throw new EvidenceException("unknown log format " + format);
            }
            List<String> certificates = new ArrayList<>();
            JsonNode array = node.get("certificates");
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw new EvidenceException("header has no certificates");
            }
            array.forEach(item -> certificates.add(item.asString()));
            return new Header(text(node, "gateway"), number(node, "firstSeq"), number(node, "firstBatch"),
                    text(node, "prevHash"), instant(node, "createdAt"), certificates, format);
        }
    }

    /** A record line: its place in the batch, its audit path, and the record json exactly as hashed. */
    public record RecordLine(int index, int count, List<byte[]> proof, String json) {

        private static final String PREFIX = "{\"seq\":";
        private static final java.util.regex.Pattern SEQ = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");
        private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile("(0|[1-9][0-9]{0,8})/[1-9][0-9]{0,8}");

        /**
         * Appends the line of a record whose json is {@code prefix} (from {@link #prefix}) followed by
         * {@code body} without its opening brace: {@code R index/count proof json}.
         */
        static void write(LineBytes out, int index, int count, List<byte[]> proof, byte[] prefix, byte[] body) {
            out.put('R').put(' ').putDecimal(index).put('/').putDecimal(count).put(' ');
            if (proof.isEmpty()) {
                out.put('-');
            }
            for (int i = 0; i < proof.size(); i++) {
                if (i > 0) {
                    out.put(',');
                }
                out.putHex(proof.get(i));
            }
            out.put(' ').put(prefix).put(body, 1, body.length - 1).put('\n');
        }

        /** SHA-256 of the record json's UTF-8 bytes. */
        public byte[] hash() {
            return Hashes.sha256(json.getBytes(StandardCharsets.UTF_8));
        }

        public long seq() {
            return seqOf(json);
        }

        public String prev() {
            return prevOf(json);
        }

        /**
         * The start of the json of a record with these {@code seq} and {@code prev}: an opening brace, then
         * {@code "seq":N,"prev":"HEX",}, which the other fields of its body (a json object) follow; refuses a
         * body that is not a non-empty object.
         */
        static byte[] prefix(long seq, String prev, byte[] body) {
            if (body.length < 3 || body[0] != '{') {
                throw new IllegalArgumentException("A record body must be a non-empty JSON object");
            }
            return (PREFIX + seq + ",\"prev\":\"" + prev + "\",").getBytes(StandardCharsets.US_ASCII);
        }

        static long seqOf(String json) {
            int end = json.indexOf(',', PREFIX.length());
            if (!json.startsWith(PREFIX) || end < 0) {
                throw new EvidenceException("the record does not start with {\"seq\":N,");
            }
            try {
                String digits = json.substring(PREFIX.length(), end);
                if (!SEQ.matcher(digits).matches()) {
                    throw new NumberFormatException(digits);
                }
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new EvidenceException("the record's seq is not a positive number");
            }
        }

        static String prevOf(String json) {
            int start = json.indexOf(",\"prev\":\"");
            if (start < 0 || json.length() < start + 9 + 64 + 2) {
                throw new EvidenceException("the record has no prev hash after its seq");
            }
            String prev = json.substring(start + 9, start + 9 + 64);
            Hashes.unhex(prev, 32, "prev");
            return prev;
        }

        static RecordLine parse(String rest) {
            int first = rest.indexOf(' ');
            int second = first < 0 ? -1 : rest.indexOf(' ', first + 1);
            if (second < 0) {
                throw new EvidenceException("a record line needs index/count, proof and json");
            }
            String place = rest.substring(0, first);
            int slash = place.indexOf('/');
            if (slash < 0 || !PLACE.matcher(place).matches()) {
                throw new EvidenceException("bad index/count '" + place + "'");
            }
            int index = Integer.parseInt(place.substring(0, slash));
            int count = Integer.parseInt(place.substring(slash + 1));
            String proofText = rest.substring(first + 1, second);
            List<byte[]> proof = new ArrayList<>();
            if (!proofText.equals("-")) {
                for (String hash : proofText.split(",", -1)) {
                    proof.add(Hashes.unhex(hash, 32, "a proof hash"));
                }
            }
            String json = rest.substring(second + 1);
            seqOf(json);
            prevOf(json);
            if (!json.endsWith("}")) {
                throw new EvidenceException("the record json is cut off");
            }
            return new RecordLine(index, count, proof, json);
        }
    }

    /**
     * Closes a batch (one group commit): the Merkle root over its record hashes and the hash of its
     * last record. Not signed by itself: a {@link SignedWindow} signs the roots of every batch since
     * the previous one. {@code text} is the seal json exactly as written.
     */
    public record Seal(long batch, long firstSeq, int count, String root, String lastHash, Instant sealedAt, String text) {

        public static Seal of(long batch, long firstSeq, int count, byte[] root, String lastHash, Instant sealedAt) {
            // written by hand: numbers, hex and an ISO instant need no escaping, and this runs once per commit
            String hex = Hashes.hex(root);
            String text = "{\"batch\":" + batch + ",\"firstSeq\":" + firstSeq + ",\"count\":" + count + ",\"root\":\""
                    + hex + "\",\"lastHash\":\"" + lastHash + "\",\"sealedAt\":\"" + sealedAt + "\"}";
            return new Seal(batch, firstSeq, count, hex, lastHash, sealedAt, text);
        }

        public String line() {
            return "S " + text + "\n";
        }

        public byte[] rootBytes() {
            return Hashes.unhex(root, 32, "seal root");
        }

        /** SHA-256 of the seal json: a leaf of the Merkle tree a {@link SignedWindow} signs. */
        public byte[] hash() {
            return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
        }

        public static Seal parse(String text) {
            JsonNode node = tree(text, "seal");
            long count = number(node, "count");
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw new EvidenceException("seal count out of range");
            }
            String root = LogFormat.text(node, "root");
            Hashes.unhex(root, 32, "seal root");
            String last = LogFormat.text(node, "lastHash");
            Hashes.unhex(last, 32, "seal lastHash");
            return new Seal(number(node, "batch"), number(node, "firstSeq"), (int) count, root, last,
                    instant(node, "sealedAt"), text);
        }
    }

    /**
     * The gateway's signature over batches {@code firstBatch..lastBatch} (every batch since the
     * previous window of the segment): the Merkle root ({@link MerkleTree}) over the hashes of their
     * seals (so every byte of a seal is signed, its root and time included) and the hash of the last record, signed with the key of the segment's first
     * certificate. {@code signedText} is the json exactly as signed.
     */
    public record SignedWindow(long firstBatch, long lastBatch, String root, String lastHash, String header,
                               Instant signedAt, String gateway, String certificate, String algorithm, String signedText,
                               byte[] signature) {

        /** {@code headerSha256}: {@link Header#sha256} of the segment's header, which the signature covers too. */
        public static SignedWindow sign(long firstBatch, long lastBatch, byte[] root, String lastHash, String headerSha256,
                                        Instant signedAt, String gateway, String certificateSha256, PrivateKey key) {
            String algorithm = KeyAlgorithm.ofKey(key).signatureAlgorithm();
            ObjectNode node = JSON.createObjectNode();
            node.put("firstBatch", firstBatch);
            node.put("lastBatch", lastBatch);
            node.put("root", Hashes.hex(root));
            node.put("lastHash", lastHash);
            node.put("header", headerSha256);
            node.put("signedAt", signedAt.toString());
            node.put("gateway", gateway);
            node.put("certificate", certificateSha256);
            node.put("algorithm", algorithm);
            String text = JSON.writeValueAsString(node);
            try {
                Signature signer = Signature.getInstance(algorithm);
                signer.initSign(key);
                signer.update(text.getBytes(StandardCharsets.UTF_8));
                return new SignedWindow(firstBatch, lastBatch, Hashes.hex(root), lastHash, headerSha256, signedAt,
                        gateway, certificateSha256, algorithm, text, signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign message-log batches: " + e.getMessage(), e);
            }
        }

        public int batches() {
            return (int) (lastBatch - firstBatch + 1);
        }

        public boolean verify(PublicKey key) {
            try {
                if (!algorithm.equals(KeyAlgorithm.ofKey(key).signatureAlgorithm())) {
                    return false;
                }
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(key);
                verifier.update(signedText.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(signature);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        public String line() {
            return "W " + signedText + " " + Hashes.base64(signature) + "\n";
        }

        public static SignedWindow parse(String rest) {
            int space = rest.lastIndexOf(' ');
            if (space < 0) {
                throw new EvidenceException("a signature line needs json and a signature");
            }
            return parse(rest.substring(0, space), rest.substring(space + 1));
        }

        public static SignedWindow parse(String text, String signatureBase64) {
            JsonNode node = tree(text, "signature");
            long first = number(node, "firstBatch");
            long last = number(node, "lastBatch");
            if (first < 1 || last < first || last - first >= MAX_WINDOW) {
                throw new EvidenceException("signed batch range " + first + ".." + last + " is invalid");
            }
            String root = text(node, "root");
            Hashes.unhex(root, 32, "signed root");
            String lastHash = text(node, "lastHash");
            Hashes.unhex(lastHash, 32, "signed lastHash");
            String certificate = text(node, "certificate");
            Hashes.unhex(certificate, 32, "signing certificate");
            String header = node.has("header") ? text(node, "header") : null; // absent in format /2
            if (header != null) {
                Hashes.unhex(header, 32, "signed header");
            }
            return new SignedWindow(first, last, root, lastHash, header, instant(node, "signedAt"),
                    text(node, "gateway"), certificate, text(node, "algorithm"), text,
                    Hashes.unbase64(signatureBase64, "signature"));
        }
    }

    /** A time-stamp token over the Merkle root of the roots of batches {@code firstBatch..lastBatch}. */
    public record Stamp(long firstBatch, long lastBatch, byte[] token) {

        public String line() {
            ObjectNode node = JSON.createObjectNode();
            node.put("firstBatch", firstBatch);
            node.put("lastBatch", lastBatch);
            node.put("token", Hashes.base64(token));
            return "T " + JSON.writeValueAsString(node) + "\n";
        }

        static Stamp parse(String json) {
            JsonNode node = tree(json, "time-stamp");
            long first = number(node, "firstBatch");
            long last = number(node, "lastBatch");
            if (first < 1 || last < first || last - first > 10_000_000) {
                throw new EvidenceException("time-stamp batch range " + first + ".." + last + " is invalid");
            }
            return new Stamp(first, last, Hashes.unbase64(text(node, "token"), "time-stamp token"));
        }
    }

    /** An archive removed under the retention policy, with what the next segment must link to. */
    public record Deletion(String file, long firstSeq, long lastSeq, long firstBatch, long lastBatch, String lastHash,
                           Instant deletedAt) {

        public String line() {
            ObjectNode node = JSON.createObjectNode();
            node.put("file", file);
            node.put("firstSeq", firstSeq);
            node.put("lastSeq", lastSeq);
            node.put("firstBatch", firstBatch);
            node.put("lastBatch", lastBatch);
            node.put("lastHash", lastHash);
            node.put("deletedAt", deletedAt.toString());
            return "D " + JSON.writeValueAsString(node) + "\n";
        }

        static Deletion parse(String json) {
            JsonNode node = tree(json, "deletion");
            return new Deletion(text(node, "file"), number(node, "firstSeq"), number(node, "lastSeq"),
                    number(node, "firstBatch"), number(node, "lastBatch"), text(node, "lastHash"), instant(node, "deletedAt"));
        }
    }

    /** The lines of {@code timestamps.log} (absent file: none). */
    public static List<Stamp> readStamps(Path directory) {
        return readTagged(directory.resolve(TIMESTAMPS_FILE), "T ", "time-stamp", Stamp::parse);
    }

    /** The lines of {@code retention.log} (absent file: none). */
    public static List<Deletion> readDeletions(Path directory) {
        return readTagged(directory.resolve(RETENTION_FILE), "D ", "deletion", Deletion::parse);
    }

    /** Parses a file whose every line is {@code tag} followed by one entry. */
    private static <T> List<T> readTagged(Path file, String tag, String what, java.util.function.Function<String, T> parse) {
        List<T> entries = new ArrayList<>();
        for (String line : lines(file)) {
            if (!line.startsWith(tag)) {
                throw new EvidenceException(file.getFileName() + ": a line that is not a " + what);
            }
            entries.add(parse.apply(line.substring(tag.length())));
        }
        return entries;
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                throw new EvidenceException(file.getFileName() + " ends with an incomplete line");
            }
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            throw new EvidenceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode tree(String json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new EvidenceException(what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new EvidenceException(what + " is not valid JSON");
        }
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new EvidenceException("'" + name + "' is missing or not a string");
        }
        return value.asString();
    }

    static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new EvidenceException("'" + name + "' is missing or not a whole number");
        }
        return value.asLong();
    }

    static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(text(node, name));
        } catch (DateTimeParseException e) {
            throw new EvidenceException("'" + name + "' is not an instant");
        }
    }
}
