package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import vn.ndp.protocol.pki.Pem;

/**
 * {@code ndp log verify DIR [--anchor CA.pem] [--globalconf FILE]}, {@code ndp log export --id X-ROAD-ID --data DIR --out FILE},
 * {@code ndp log verify-evidence FILE [--anchor CA.pem] [--globalconf FILE]}. Exit status 0 when everything verifies,
 * 1 when something does not (or a requirement of verify-evidence is not met), 2 on a usage error or a file that
 * cannot be read or written.
 */
public final class LogCommand {

    private static final String USAGE = """
            Usage: ndp log verify DIR [--anchor CA.pem] [--globalconf FILE]
                   ndp log export --id X-ROAD-ID --data DIR --out FILE [--globalconf FILE]
                   ndp log verify-evidence FILE [--anchor CA.pem] [--globalconf FILE] [--require-both-sides]
                                           [--require-timestamps]
            DIR: a message-log directory, or a directory holding several (a gateway's or the demo's data).
            --anchor: the national CA certificate to trust (default: the one the log or file carries; compare
            its printed SHA-256 fingerprint with the one the national CA publishes).
            Revocations: a signature by a gateway certificate that the global configuration revokes verifies only
            when made before the revocation; its time is the time-stamp's when the batches are stamped, otherwise
            the signer's own claim (a warning). The check uses the newest (highest version) of: the configuration
            the evidence file carries (export puts in the newest of the gateway's kept copy, globalconf.p7 under DIR,
            and its own --globalconf FILE, for a gateway that keeps it elsewhere), those kept
            under the DIR given to verify, and --globalconf FILE (a signed global configuration, such as a newer one
            from the registry's /globalconf, so that a revocation published after the export counts). Each must
            verify against the national CA (its expiry is ignored); one that does not fails the command.
            verify-evidence prints which sides' records (consumer, provider) the file holds and whether they are
            time-stamped: an exporter can leave records out, so a file proves only what it holds.
            --require-both-sides: fail unless every exchange has the consumer's and the provider's record.
            --require-timestamps: fail unless every record is time-stamped.
            Exit status: 0 verified, 1 does not verify (or a requirement is not met), 2 usage error or a file
            that cannot be read or written.""";

    private static final String EXPORT_USAGE = "usage: ndp log export --id X-ROAD-ID --data DIR --out FILE"
            + " [--globalconf FILE]";

    private static final String VERIFY_EVIDENCE_USAGE = "usage: ndp log verify-evidence FILE [--anchor CA.pem]"
            + " [--globalconf FILE] [--require-both-sides] [--require-timestamps]";

    private static final String VERIFY_USAGE = "usage: ndp log verify DIR [--anchor CA.pem] [--globalconf FILE]";

    private LogCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                case "verify" -> verify(args, out, err);
                case "export" -> export(args, out, err);
                case "verify-evidence" -> verifyEvidence(args, out, err);
                default -> {
                    err.println("ndp log: unknown command " + args[0]);
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("ndp log: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            // a file named on the command line (such as --anchor's) that cannot be read
            err.println("ndp log: " + cannotRead(e.getCause()));
            return 2;
        }
    }

    private static int verify(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Optional<X509Certificate> anchor = Optional.empty();
        List<Revocations.Source> configurations = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--anchor" -> anchor = Optional.of(Pem.readCertificate(Path.of(value(args, i++, VERIFY_USAGE))));
                case "--globalconf" -> configurations.add(globalConfiguration(Path.of(value(args, i++, VERIFY_USAGE))));
                default -> {
                    if (args[i].startsWith("-") || dir != null) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "; " + VERIFY_USAGE);
                    }
                    dir = Path.of(args[i]);
                }
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException(VERIFY_USAGE);
        }
        if (!Files.isDirectory(dir)) {
            err.println("ndp log: cannot read " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
            return 2;
        }
        List<Path> logs;
        try {
            logs = LogFormat.segments(dir).isEmpty() ? Evidence.logDirectories(dir) : List.of(dir);
            configurations.addAll(0, Revocations.keptUnder(dir));
        } catch (EvidenceException e) {
            err.println("ndp log: " + e.getMessage());
            return 2;
        }
        if (logs.isEmpty()) {
            err.println("ndp log: no message log (messages-*.log) in " + dir);
            return 1;
        }
        int status = 0;
        // verified once for all the logs (they share the national CA and instance), a bad one reported once
        Revocations.Configurations checked = new Revocations.Configurations(configurations);
        for (int i = 0; i < logs.size(); i++) {
            Path log = logs.get(i);
            LogVerifier.Report report = LogVerifier.verify(log, anchor, checked);
            out.println(log + ":");
            out.println("  national CA SHA-256 " + report.anchorFingerprint() + (anchor.isEmpty()
                    ? " (taken from the log: compare it with the fingerprint the national CA publishes)" : " (given)"));
            if (report.revocations().isPresent() || report.ok()) {
                out.println("  " + report.revocations().map(Revocations::describe).orElse("revocation not checked: no"
                        + " global configuration kept under " + dir + " or given with --globalconf FILE"));
            }
            report.revokedSignatures().forEach(revoked -> out.println("  " + revoked.describe()));
            if (report.ok()) {
                out.printf("  OK: %d records in %d batches, %d file(s); chain, Merkle proofs and signatures verify;"
                                + " %d batch(es) time-stamped, %d awaiting a stamp; %d records/s%n",
                        report.records(), report.batches(), report.files(), report.stampedBatches(),
                        report.unstampedBatches(), report.recordsPerSecond());
                if (report.firstSeq() > 1) {
                    out.printf("  the chain starts at record %d: records 1..%d were deleted under the retention policy"
                            + " (%s)%n", report.firstSeq(), report.firstSeq() - 1, LogFormat.RETENTION_FILE);
                }
                report.tsaFingerprints().forEach(fp -> out.println("  time-stamping authority SHA-256 " + fp));
                if (report.unsignedBatches() > 0) {
                    out.printf("  NOTE: the last %d batch(es) are chained but not signed yet: a running gateway signs them"
                            + " within its signEvery window, one that crashed when it starts again%n", report.unsignedBatches());
                }
            } else {
                out.println("  FAILED after " + report.records() + " good records. First problem: " + report.problem().get());
                status = 1;
                if (report.problem().get().problem() == LogVerifier.Problem.BAD_GLOBAL_CONFIGURATION && i + 1 < logs.size()) {
                    out.println("NOT VERIFIED, as the global configuration above does not verify: " + String.join(", ",
                            logs.subList(i + 1, logs.size()).stream().map(Path::toString).toList()));
                    break;
                }
            }
        }
        return status;
    }

    private static int export(String[] args, PrintStream out, PrintStream err) {
        String id = null;
        Path data = null;
        Path file = null;
        List<Revocations.Source> given = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--id" -> id = value(args, i++, EXPORT_USAGE);
                case "--data" -> data = Path.of(value(args, i++, EXPORT_USAGE));
                case "--out" -> file = Path.of(value(args, i++, EXPORT_USAGE));
                case "--globalconf" -> given.add(globalConfiguration(Path.of(value(args, i++, EXPORT_USAGE))));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; the options are --id, --data, --out and --globalconf: " + EXPORT_USAGE);
            }
        }
        if (id == null || data == null || file == null) {
            throw new IllegalArgumentException(EXPORT_USAGE);
        }
        if (!Files.isDirectory(data)) {
            err.println("ndp log: cannot read " + data + ": " + (Files.exists(data) ? "not a directory" : "no such directory"));
            return 2;
        }
        Optional<Evidence.Collected> collected;
        try {
            collected = Evidence.collect(data, id);
        } catch (EvidenceException e) {
            err.println("ndp log: " + e.getMessage());
            return 1;
        }
        if (collected.isEmpty()) {
            err.println("ndp log: no record of X-Road-Id " + id + " in the logs under " + data);
            return 1;
        }
        List<Revocations.Source> kept;
        try {
            kept = Revocations.keptUnder(data);
        } catch (EvidenceException e) {
            err.println("ndp log: " + e.getMessage());
            return 2;
        }
        Optional<Revocations> carried;
        try {
            carried = carriedConfiguration(collected.get(), kept, given, out);
        } catch (EvidenceException e) {
            err.println("ndp log: " + e.getMessage());
            return 1;
        }
        byte[] bytes = collected.get().evidence(carried.map(Revocations::signed));
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            err.println("ndp log: cannot write " + file + ": " + reason(e));
            return 2;
        }
        Evidence.Verified verified;
        try {
            verified = Evidence.verify(bytes, Optional.empty());
        } catch (EvidenceException e) {
            out.println("Wrote " + file + ", but it does NOT verify: " + e.getMessage());
            return 1;
        }
        List<Evidence.Exchange> exchanges = verified.exchanges();
        out.println("Wrote " + file + ": " + verified.records().size() + " record(s) of " + id + " from "
                + verified.records().stream().map(Evidence.ProvenRecord::gateway).distinct().count() + " gateway(s), "
                + count(exchanges.size(), "exchange"));
        out.println("  " + carried.map(k -> "carries global configuration version " + k.version() + ", issued " + k.issuedAt()
                + " (" + k.sourceName() + "): its revocations are checked").orElse("carries no global configuration"
                + " (none kept under " + data + "): " + Evidence.REVOCATION_NOT_CHECKED));
        verified.revokedSignatures().forEach(revoked -> out.println("  " + revoked.describe()));
        describe(id, exchanges, out, false);
        return 0;
    }

    /**
     * The global configuration the evidence carries: the newest of those {@code kept} in the data directory and those
     * {@code given}, each verified against the national CA the records' certificates name, for their gateways. A kept
     * one that does not verify is named and left out (the auditor can add a good one later); a given one that does not
     * verify fails the export.
     */
    private static Optional<Revocations> carriedConfiguration(Evidence.Collected records, List<Revocations.Source> kept,
                                                              List<Revocations.Source> given, PrintStream out) {
        if (kept.isEmpty() && given.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate nationalCa = records.nationalCa();
        List<String> gateways = records.gateways();
        List<Revocations> verified = new java.util.ArrayList<>();
        for (Revocations.Source source : kept) {
            try {
                verified.add(Revocations.verify(source, nationalCa, gateways));
            } catch (EvidenceException e) {
                out.println("  NOTE: not put in the file: " + e.getMessage());
            }
        }
        // one named on the command line is checked, not left out: the file would not carry what was asked for
        for (Revocations.Source source : given) {
            verified.add(Revocations.verify(source, nationalCa, gateways));
        }
        return Revocations.newest(verified);
    }

    /** The value after option {@code args[i]}. */
    private static String value(String[] args, int i, String usage) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value; " + usage);
        }
        return args[i + 1];
    }

    /** The signed global configuration in {@code file} ({@code --globalconf}). */
    private static Revocations.Source globalConfiguration(Path file) {
        try {
            return Revocations.Source.option(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request id of an exchange, or why it has none: without a fault, the gateway answered it itself (a metaservice
     * such as {@code listMethods}); with one, the gateway refused it before it was forwarded.
     */
    private static String requestIdText(Evidence.Exchange exchange) {
        if (!exchange.requestId().isEmpty()) {
            return exchange.requestId();
        }
        return answeredByTheGateway(exchange) ? "none (answered by the gateway itself: a metaservice)"
                : "none (refused before it was forwarded)";
    }

    /** An exchange the consumer's gateway answered itself (a metaservice): no request id and no fault, one side only. */
    private static boolean answeredByTheGateway(Evidence.Exchange exchange) {
        return exchange.requestId().isEmpty()
                && exchange.records().stream().allMatch(proven -> proven.record().path("fault").asString("").isEmpty());
    }

    /**
     * Lists each exchange of the X-Road-Id (with its records when {@code withRecords}), and says so plainly when the
     * id names more than one: the caller chooses the id when it sends the {@code X-Road-Id} header, so exchanges that
     * share it need not belong together.
     */
    private static void describe(String xroadId, List<Evidence.Exchange> exchanges, PrintStream out, boolean withRecords) {
        if (exchanges.size() > 1) {
            out.println("  NOTE: X-Road-Id " + xroadId + " names " + exchanges.size() + " exchanges, not one: the caller"
                    + " chose this id (X-Road-Id request header) for each of them. Each is proven as listed; sharing an"
                    + " id does not prove they belong together.");
        }
        int n = 0;
        for (Evidence.Exchange exchange : exchanges) {
            out.printf("  exchange %d of %d: request id %s, %s, at %s: %s %s %s%s -> %s%n", ++n, exchanges.size(),
                    requestIdText(exchange),
                    String.join(" and ", exchange.sides()), exchange.startedAt(), exchange.client(), exchange.method(),
                    exchange.service(), exchange.path(), exchange.outcome());
            if (withRecords) {
                for (Evidence.ProvenRecord proven : exchange.records()) {
                    JsonNode r = proven.record();
                    out.printf("    %s %-8s seq %d: %s %s %s%s -> %d%s, %d/%d bytes, at %s, signed %s, %s%n",
                            proven.gateway(), r.path("side").asString(""), r.path("seq").asLong(),
                            r.path("client").asString(""), r.path("method").asString(""), r.path("service").asString(""),
                            r.path("path").asString(""), r.path("status").asInt(), r.path("fault").asString("").isEmpty()
                                    ? "" : " " + r.path("fault").asString(), r.path("requestBytes").asLong(),
                            r.path("responseBytes").asLong(), r.path("startedAt").asString(""), proven.signedAt(),
                            proven.stampedAt().map(t -> "time-stamped " + t).orElse("not time-stamped"));
                }
            }
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int verifyEvidence(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Optional<X509Certificate> anchor = Optional.empty();
        List<Revocations.Source> configurations = new java.util.ArrayList<>();
        boolean requireBothSides = false;
        boolean requireTimestamps = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--anchor" -> anchor = Optional.of(Pem.readCertificate(Path.of(value(args, i++, VERIFY_EVIDENCE_USAGE))));
                case "--globalconf" -> configurations.add(globalConfiguration(Path.of(value(args, i++, VERIFY_EVIDENCE_USAGE))));
                case "--require-both-sides" -> requireBothSides = true;
                case "--require-timestamps" -> requireTimestamps = true;
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "; " + VERIFY_EVIDENCE_USAGE);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException(VERIFY_EVIDENCE_USAGE);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("ndp log: cannot read " + file + ": " + reason(e));
            return 2;
        }
        Evidence.Verified verified;
        try {
            verified = Evidence.verify(bytes, anchor, configurations);
        } catch (EvidenceException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
        List<Evidence.Exchange> exchanges = verified.exchanges();
        out.println("OK: evidence of X-Road-Id " + verified.xroadId() + ": " + count(exchanges.size(), "exchange") + ", "
                + count(verified.records().size(), "record"));
        out.println("  national CA SHA-256 " + verified.anchorFingerprint() + (verified.anchorFromFile()
                ? " (taken from the file: compare it with the fingerprint the national CA publishes)" : " (given)"));
        verified.tsaFingerprints().forEach(fp -> out.println("  time-stamping authority SHA-256 " + fp));
        out.println("  " + verified.revocations().map(Revocations::describe).orElse(Evidence.REVOCATION_NOT_CHECKED));
        verified.revokedSignatures().forEach(revoked -> out.println("  " + revoked.describe()));
        describe(verified.xroadId(), exchanges, out, true);
        List<String> unmet = proves(exchanges, verified, out, requireBothSides, requireTimestamps);
        if (!unmet.isEmpty()) {
            unmet.forEach(why -> out.println("REQUIREMENT NOT MET: " + why));
            return 1;
        }
        return 0;
    }

    /**
     * Says plainly what the file proves: whose records (the consumer's gateway, the provider's) and whether each is
     * time-stamped. The exporter signs nothing, so a file from which records or time-stamps were removed still
     * verifies: what is absent cannot be proven absent from inside the file. Returns the requirements not met.
     */
    private static List<String> proves(List<Evidence.Exchange> exchanges, Evidence.Verified verified,
                                       PrintStream out, boolean requireBothSides, boolean requireTimestamps) {
        List<Evidence.ProvenRecord> records = verified.records();
        List<String> unmet = new java.util.ArrayList<>();
        out.println("  what this file proves (an exporter can leave records or time-stamps out; the file cannot show"
                + " what it does not hold):");
        for (String side : List.of("consumer", "provider")) {
            List<Evidence.ProvenRecord> ofSide = records.stream()
                    .filter(r -> r.record().path("side").asString("").equals(side)).toList();
            long stamped = ofSide.stream().filter(r -> r.stampedAt().isPresent()).count();
            out.printf("    %s side: %s%n", side, ofSide.isEmpty() ? "NO record (not proven)"
                    : count(ofSide.size(), "record") + " from " + String.join(", ", ofSide.stream()
                            .map(Evidence.ProvenRecord::gateway).distinct().toList()) + ", " + (stamped == ofSide.size()
                            ? "all time-stamped" : stamped + " time-stamped, " + (ofSide.size() - stamped)
                            + " NOT time-stamped (their time is the gateway's own clock at signing)")
                            + "; " + revocationStatus(ofSide, verified));
        }
        int n = 0;
        for (Evidence.Exchange exchange : exchanges) {
            n++;
            Set<String> sides = new java.util.HashSet<>();
            exchange.records().forEach(r -> sides.add(r.record().path("side").asString("")));
            // a metaservice has no provider side to prove: the consumer's gateway answered it
            if (requireBothSides && !answeredByTheGateway(exchange)
                    && !(sides.contains("consumer") && sides.contains("provider"))) {
                unmet.add("--require-both-sides: exchange " + n + " of " + exchanges.size() + " has no "
                        + (sides.contains("consumer") ? "provider" : "consumer") + "-side record"
                        + (exchange.requestId().isEmpty() ? " (it was refused before it was forwarded)" : ""));
            }
        }
        long unstamped = records.stream().filter(r -> r.stampedAt().isEmpty()).count();
        if (requireTimestamps && unstamped > 0) {
            unmet.add("--require-timestamps: " + unstamped + " of " + count(records.size(), "record")
                    + " not time-stamped (a gateway stamps its batches every few minutes: export again later)");
        }
        return unmet;
    }

    /** Whether the certificates that signed {@code records} were revoked, and then how their signatures stand. */
    private static String revocationStatus(List<Evidence.ProvenRecord> records, Evidence.Verified verified) {
        if (verified.revocations().isEmpty()) {
            return "revocation not checked";
        }
        long stamped = 0;
        long claimed = 0;
        for (Evidence.ProvenRecord record : records) {
            Optional<RevokedSignature> revoked = verified.revokedSignatures().stream()
                    .filter(r -> r.gateway().equals(record.gateway()) && r.batches().contains(record.batch())).findFirst();
            if (revoked.isPresent()) {
                if (revoked.get().stamped()) {
                    stamped++;
                } else {
                    claimed++;
                }
            }
        }
        if (stamped + claimed == 0) {
            return "signing certificate not revoked";
        }
        return "signing certificate REVOKED, later: " + (stamped > 0 ? stamped + " signed before (time-stamped)" : "")
                + (stamped > 0 && claimed > 0 ? ", " : "")
                + (claimed > 0 ? claimed + " signed before only by the signer's claim (WARNING: not time-stamped)" : "");
    }

    /** Why a file could not be read or written, such as {@code no such file or directory}. */
    static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file or directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileAlreadyExistsException x -> "it already exists";
            case java.nio.file.NotDirectoryException x -> "not a directory";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static String cannotRead(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        return "cannot read " + file + reason(e);
    }
}
