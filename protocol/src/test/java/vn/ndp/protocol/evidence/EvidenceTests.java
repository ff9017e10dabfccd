package vn.ndp.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.pki.Pem;

class EvidenceTests {

    @TempDir
    static Path dir;
    static LogFixture fixture;
    static Path data;
    static byte[] evidence;

    /** Two gateways' logs (consumer and provider side) under one data directory, both holding exchange "ex-42". */
    @BeforeAll
    static void writeLogs() throws IOException {
        fixture = new LogFixture(dir);
        data = dir.resolve("data");
        for (String side : List.of("consumer", "provider")) {
            Path log = data.resolve(side).resolve("data/messagelog");
            try (LogWriter writer = fixture.open(log)) {
                List<LogWriter.SealedBatch> batches = new ArrayList<>();
                batches.add(writer.append(List.of(LogFixture.body("ex-1", 1), LogFixture.body("ex-42", 2),
                        LogFixture.body("ex-3", 3))));
                batches.add(writer.append(List.of(LogFixture.body("ex-4", 4))));
                fixture.stamp(writer, batches);
                writer.signPending(); // batches 1-2 under one signature, batch 3 under the one written on close
                writer.append(List.of(LogFixture.body("ex-42", 5), LogFixture.body("ex-6", 6)));
            }
        }
        evidence = Evidence.export(data, "ex-42", Optional.empty()).orElseThrow();
    }

    @Test
    void theEvidenceOfAnExchangeHoldsItsRecordsFromEveryGatewayAndVerifiesOffline() {
        Evidence.Verified verified = Evidence.verify(evidence, Optional.of(fixture.ca.certificate()));

        assertThat(verified.xroadId()).isEqualTo("ex-42");
        assertThat(verified.records()).hasSize(4);
        assertThat(verified.records()).allSatisfy(r -> assertThat(r.record().get("xroadId").asString()).isEqualTo("ex-42"));
        assertThat(verified.records().stream().filter(r -> r.stampedAt().isPresent())).hasSize(2);
        assertThat(verified.anchorFingerprint()).isEqualTo(Pem.sha256Fingerprint(fixture.ca.certificate()));
        assertThat(verified.tsaFingerprints()).containsExactly(Pem.sha256Fingerprint(fixture.tsa.certificate()));
    }

    @Test
    void withoutAnAnchorTheNationalCaInTheFileIsUsedAndNamed() {
        Evidence.Verified verified = Evidence.verify(evidence, Optional.empty());

        assertThat(verified.anchorFromFile()).isTrue();
        assertThat(verified.anchorFingerprint()).isEqualTo(Pem.sha256Fingerprint(fixture.ca.certificate()));
    }

    @Test
    void evidenceFailsAgainstAnotherNationalCa(@TempDir Path other) {
        NationalCa foreign = NationalCa.init(other.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());

        assertThatThrownBy(() -> Evidence.verify(evidence, Optional.of(foreign.certificate())))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("does not chain");
    }

    @Test
    void changingAnyByteOfTheEvidenceMakesItFail() {
        byte[] evidence = Evidence.export(data.resolve("consumer"), "ex-42", Optional.empty()).orElseThrow();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < evidence.length; i++) {
            byte[] changed = evidence.clone();
            changed[i] = (byte) (changed[i] == 'A' ? 'B' : changed[i] == '\n' ? ' ' : changed[i] ^ 0x01);
            try {
                // every other byte against the anchor the file carries: a change in it must fail too
                Evidence.verify(changed, i % 2 == 0 ? Optional.of(fixture.ca.certificate()) : Optional.empty());
                accepted.add(i);
            } catch (EvidenceException e) {
                // expected
            } catch (RuntimeException e) {
                fail("byte " + i + " changed gave " + e + " instead of an EvidenceException");
            }
        }
        assertThat(accepted).as("positions whose change went unnoticed").isEmpty();
    }

    @Test
    void evidenceSignedWithAnotherGatewaysCertificateUnderThisGatewaysNameFails(@TempDir Path other) throws IOException {
        Path log = other.resolve("messagelog");
        try (LogWriter writer = fixture.open(log, LogFixture.GATEWAY, fixture.otherGateway())) {
            writer.append(List.of(LogFixture.body("ex-forged", 1)));
        }
        byte[] forged = Evidence.export(log, "ex-forged", Optional.empty()).orElseThrow();

        assertThatThrownBy(() -> Evidence.verify(forged, Optional.of(fixture.ca.certificate())))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("issued to " + LogFixture.OTHER_GATEWAY + ", not to gateway " + LogFixture.GATEWAY);
    }

    @Test
    void anExportWhoseLogsDoNotVerifyIsWrittenAndSaysSoWithoutAStackTrace(@TempDir Path other) throws IOException {
        Path log = other.resolve("messagelog");
        try (LogWriter writer = fixture.open(log, LogFixture.GATEWAY, fixture.otherGateway())) {
            writer.append(List.of(LogFixture.body("ex-forged", 1)));
        }
        Path file = other.resolve("ex-forged.json");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exported = LogCommand.run(new String[] {"export", "--id", "ex-forged", "--data", log.toString(), "--out",
                file.toString()}, new PrintStream(out), new PrintStream(err));

        assertThat(exported).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith("Wrote " + file + ", but it does NOT verify: ")
                .contains("issued to " + LogFixture.OTHER_GATEWAY + ", not to gateway " + LogFixture.GATEWAY);
        assertThat(file).exists();
    }

    @Test
    void aBatchNotSignedYetGivesNoEvidenceUntilItIsSigned() throws IOException {
        Path log = dir.resolve("unsigned/messagelog");
        try (LogWriter writer = fixture.open(log)) {
            writer.append(List.of(LogFixture.body("ex-late", 1)));
            writer.signPending();
            writer.append(List.of(LogFixture.body("ex-late", 2))); // the answer's record, say: not signed yet

            assertThatThrownBy(() -> Evidence.export(log, "ex-late", Optional.empty())).as("never a partial evidence")
                    .isInstanceOf(EvidenceException.class).hasMessageContaining("not signed yet");

            writer.signPending();
            Evidence.Verified verified = Evidence.verify(Evidence.export(log, "ex-late", Optional.empty()).orElseThrow(),
                    Optional.of(fixture.ca.certificate()));
            assertThat(verified.records()).hasSize(2);
        }
    }

    @Test
    void noEvidenceForAnUnknownExchange() {
        assertThat(Evidence.export(data, "never-seen", Optional.empty())).isEmpty();
    }

    @Test
    void anEmptyIdIsRefusedNotMatchedAgainstRecordsWithoutOne() throws IOException {
        Path log = dir.resolve("no-id");
        try (LogWriter writer = fixture.open(log)) { // what an empty id would match, were it not refused
            writer.append(List.of(LogFixture.body("", 1)));
            writer.signPending();
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exported = LogCommand.run(new String[] {"export", "--id", "", "--data", log.toString(), "--out",
                dir.resolve("empty-id.json").toString()}, new PrintStream(out), new PrintStream(err));

        assertThat(exported).isEqualTo(2);
        assertThat(err.toString()).contains("no X-Road-Id: give the X-Road-Id of the exchange");
        assertThat(dir.resolve("empty-id.json")).doesNotExist();
        assertThatThrownBy(() -> Evidence.export(log, "", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] record(String side, String xroadId, String requestId, String method, String path, int status,
                                 String fault, String startedAt) {
        return ("{\"side\":\"" + side + "\",\"xroadId\":\"" + xroadId + "\",\"requestId\":\"" + requestId
                + "\",\"client\":\"VN/GOV/TEST.PROVINCE.A/portal\",\"service\":\"VN/GOV/TEST.MINISTRY/registry/items\","
                + "\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"status\":" + status + ",\"fault\":\"" + fault
                + "\",\"startedAt\":\"" + startedAt + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A consumer's and a provider's log under {@code root}: the exchange {@code request-1} of X-Road-Id {@code id}, logged
     * on both sides, and, with {@code reused}, a later request the consumer refused that its caller sent with the same
     * X-Road-Id, and a later one forwarded under it.
     */
    private static Path twoGateways(Path root, String id, boolean reused) throws IOException {
        try (LogWriter consumer = fixture.open(root.resolve("consumer/messagelog"));
             LogWriter provider = fixture.open(root.resolve("provider/messagelog"))) {
            consumer.append(List.of(record("consumer", id, "request-1", "GET", "/items/1", 200, "", "2026-01-02T03:04:05.100Z")));
            provider.append(List.of(record("provider", id, "request-1", "GET", "/items/1", 200, "", "2026-01-02T03:04:05.120Z")));
            if (reused) {
                consumer.append(List.of(record("consumer", id, "", "DELETE", "/items/1", 500,
                        "Server.ClientProxy.AccessDenied", "2026-01-02T03:05:00Z")));
                consumer.append(List.of(record("consumer", id, "request-3", "POST", "/items", 201, "", "2026-01-02T03:06:00Z")));
                provider.append(List.of(record("provider", id, "request-3", "POST", "/items", 201, "", "2026-01-02T03:06:00.020Z")));
            }
        }
        return root;
    }

    @Test
    void theRecordsOfBothGatewaysForOneRequestAreOneExchange(@TempDir Path root) throws IOException {
        Evidence.Verified verified = Evidence.verify(Evidence.export(twoGateways(root, "one", false), "one",
                Optional.empty()).orElseThrow(), Optional.empty());

        assertThat(verified.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.requestId()).isEqualTo("request-1");
            assertThat(exchange.sides()).containsExactlyInAnyOrder("consumer at " + LogFixture.GATEWAY,
                    "provider at " + LogFixture.GATEWAY);
            assertThat(exchange.startedAt()).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05.100Z"));
            assertThat(exchange.method() + " " + exchange.path() + " -> " + exchange.outcome()).isEqualTo("GET /items/1 -> 200");
        });
    }

    @Test
    void anXRoadIdACallerSentWithSeveralRequestsNamesEachExchangeAndTheCommandLineSaysSo(@TempDir Path root) throws IOException {
        Path data = twoGateways(root, "chosen-by-caller", true);
        Path file = root.resolve("evidence.json");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exported = LogCommand.run(new String[] {"export", "--id", "chosen-by-caller", "--data", data.toString(), "--out",
                file.toString()}, new PrintStream(out), new PrintStream(err));
        String exportSummary = out.toString();
        out.reset();
        int verified = LogCommand.run(new String[] {"verify-evidence", file.toString()}, new PrintStream(out),
                new PrintStream(err));

        assertThat(exported).as(err.toString()).isZero();
        assertThat(verified).as(err.toString()).isZero();
        List<Evidence.Exchange> exchanges = Evidence.verify(Files.readAllBytes(file), Optional.empty()).exchanges();
        assertThat(exchanges).extracting(Evidence.Exchange::requestId).containsExactly("request-1", "", "request-3");
        assertThat(exchanges).extracting(e -> e.records().size()).containsExactly(2, 1, 2);
        assertThat(exchanges.get(1).outcome()).isEqualTo("500 Server.ClientProxy.AccessDenied");
        for (String summary : List.of(exportSummary, out.toString())) {
            assertThat(summary).contains("3 exchanges", "names 3 exchanges, not one",
                    "exchange 1 of 3: request id request-1, consumer at " + LogFixture.GATEWAY + " and provider at "
                            + LogFixture.GATEWAY + ", at 2026-01-02T03:04:05.100Z: VN/GOV/TEST.PROVINCE.A/portal GET"
                            + " VN/GOV/TEST.MINISTRY/registry/items/items/1 -> 200",
                    "exchange 2 of 3: request id none (refused before it was forwarded), consumer at " + LogFixture.GATEWAY
                            + ", at 2026-01-02T03:05:00Z: VN/GOV/TEST.PROVINCE.A/portal DELETE"
                            + " VN/GOV/TEST.MINISTRY/registry/items/items/1 -> 500 Server.ClientProxy.AccessDenied",
                    "exchange 3 of 3: request id request-3");
        }
        assertThat(out.toString()).startsWith("OK: evidence of X-Road-Id chosen-by-caller: 3 exchanges, 5 records");
    }

    @Test
    void aMetaserviceTheGatewayAnsweredItselfIsListedAsSuchNotAsRefused(@TempDir Path root) throws IOException {
        try (LogWriter consumer = fixture.open(root.resolve("consumer/messagelog"))) {
            consumer.append(List.of(record("consumer", "meta", "", "GET", "", 200, "", "2026-01-02T03:04:05Z")));
            consumer.append(List.of(record("consumer", "meta", "", "POST", "", 400, "Client.BadRequest",
                    "2026-01-02T03:04:06Z")));
        }
        var out = new ByteArrayOutputStream();
        int exported = LogCommand.run(new String[] {"export", "--id", "meta", "--data", root.toString(), "--out",
                root.resolve("evidence.json").toString()}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));

        assertThat(exported).isZero();
        assertThat(out.toString()).contains(
                "exchange 1 of 2: request id none (answered by the gateway itself: a metaservice)",
                "exchange 2 of 2: request id none (refused before it was forwarded)");
        out.reset();
        assertThat(verifyEvidence(out, root.resolve("evidence.json").toString(), "--require-both-sides")).isEqualTo(1);
        assertThat(out.toString()).as("a metaservice has no provider side to prove; the refused request lacks one")
                .contains("REQUIREMENT NOT MET: --require-both-sides: exchange 2 of 2 has no provider-side record"
                        + " (it was refused before it was forwarded)")
                .doesNotContain("exchange 1 of 2 has no");
    }

    @Test
    void anXRoadIdOfOneExchangeIsNotFlaggedAsShared(@TempDir Path root) throws IOException {
        Path file = root.resolve("evidence.json");
        var out = new ByteArrayOutputStream();
        LogCommand.run(new String[] {"export", "--id", "one", "--data", twoGateways(root, "one", false).toString(), "--out",
                file.toString()}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        LogCommand.run(new String[] {"verify-evidence", file.toString()}, new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(out.toString()).contains("1 exchange", "exchange 1 of 1: request id request-1").doesNotContain("NOTE");
    }

    @Test
    void theCommandLineExportsAndVerifiesAndFailsOnATamperedFile() throws IOException {
        Path file = dir.resolve("ex-42.json");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exported = LogCommand.run(new String[] {"export", "--id", "ex-42", "--data", data.toString(), "--out",
                file.toString()}, new PrintStream(out), new PrintStream(err));
        int verified = LogCommand.run(new String[] {"verify-evidence", file.toString()}, new PrintStream(out), new PrintStream(err));
        Files.writeString(file, Files.readString(file).replace("\"status\\\":200", "\"status\\\":500"));
        int tampered = LogCommand.run(new String[] {"verify-evidence", file.toString()}, new PrintStream(out), new PrintStream(err));
        int logs = LogCommand.run(new String[] {"verify", data.toString()}, new PrintStream(out), new PrintStream(err));

        assertThat(exported).as(err.toString()).isZero();
        assertThat(verified).as(out.toString()).isZero();
        assertThat(tampered).isEqualTo(1);
        assertThat(logs).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK: evidence of X-Road-Id ex-42", "FAILED", Pem.sha256Fingerprint(fixture.ca.certificate()));
    }

    /** The evidence of {@code id} with both gateways' records, all time-stamped: the logs stamped after every batch. */
    private static Path stampedEvidence(Path root, String id) throws IOException {
        for (String side : List.of("consumer", "provider")) {
            try (LogWriter writer = fixture.open(root.resolve(side + "/messagelog"))) {
                LogWriter.SealedBatch batch = writer.append(List.of(record(side, id, "request-1", "GET", "/items/1", 200, "",
                        "2026-01-02T03:04:05.100Z")));
                fixture.stamp(writer, List.of(batch));
            }
        }
        Path file = root.resolve(id + ".json");
        Files.write(file, Evidence.export(root, id, Optional.empty()).orElseThrow());
        return file;
    }

    /** The file rewritten in the canonical form, as someone who removes parts of it and re-serialises would. */
    private static Path stripped(Path file, String name, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> strip)
            throws IOException {
        var json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        var root = (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readAllBytes(file));
        strip.accept(root);
        Path result = file.resolveSibling(name);
        Files.write(result, json.writeValueAsBytes(root));
        return result;
    }

    private static int verifyEvidence(ByteArrayOutputStream out, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify-evidence";
        System.arraycopy(args, 0, all, 1, args.length);
        return LogCommand.run(all, new PrintStream(out), new PrintStream(out));
    }

    @Test
    void evidenceStrippedOfItsTimeStampsOrOfOneGatewaysRecordsFailsWhenTheAuditorRequiresThem(@TempDir Path root)
            throws IOException {
        Path whole = stampedEvidence(root, "audited");
        Path unstamped = stripped(whole, "unstamped.json", r -> r.get("logs").forEach(log -> log.get("batches")
                .forEach(batch -> ((tools.jackson.databind.node.ObjectNode) batch).remove("timestamp"))));
        Path oneSide = stripped(whole, "one-side.json", r -> ((tools.jackson.databind.node.ArrayNode) r.get("logs")).remove(0));
        var out = new ByteArrayOutputStream();

        assertThat(verifyEvidence(out, whole.toString(), "--require-both-sides", "--require-timestamps")).as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("consumer side: 1 record from " + LogFixture.GATEWAY + ", all time-stamped",
                "provider side: 1 record from " + LogFixture.GATEWAY + ", all time-stamped");
        out.reset();
        assertThat(verifyEvidence(out, unstamped.toString())).as("without requirements it verifies").isZero();
        assertThat(out.toString()).contains("consumer side: 1 record from " + LogFixture.GATEWAY
                + ", 0 time-stamped, 1 NOT time-stamped");
        out.reset();
        assertThat(verifyEvidence(out, unstamped.toString(), "--require-timestamps")).isEqualTo(1);
        assertThat(out.toString()).contains("REQUIREMENT NOT MET: --require-timestamps: 2 of 2 records not time-stamped");
        out.reset();
        assertThat(verifyEvidence(out, oneSide.toString())).isZero();
        assertThat(out.toString()).contains("consumer side: NO record (not proven)");
        out.reset();
        assertThat(verifyEvidence(out, oneSide.toString(), "--require-both-sides")).isEqualTo(1);
        assertThat(out.toString()).contains("REQUIREMENT NOT MET: --require-both-sides: exchange 1 of 1 has no"
                + " consumer-side record");
        out.reset();
        assertThat(verifyEvidence(out, oneSide.toString(), "--require-timestamps")).as(out.toString()).isZero();
    }

    @Test
    void commandLineMistakesAreExplainedWithoutAStackTraceAndExitWithTheUsageStatus(@TempDir Path root) throws IOException {
        Path file = root.resolve("ex-42.json");
        Files.write(file, evidence);
        List<String[]> mistakes = List.of(
                new String[] {"verify", root.resolve("nonexistent").toString()},
                new String[] {"verify-evidence", root.resolve("nonexistent.json").toString()},
                new String[] {"verify-evidence", file.toString(), "--anchor", root.resolve("nonexistent.pem").toString()},
                new String[] {"verify-evidence", file.toString(), "--globalconf", root.resolve("nonexistent.p7").toString()},
                new String[] {"verify", data.toString(), "--globalconf"},
                new String[] {"export", "--id", "ex-42", "--data", data.toString(), "--out", file.toString(), "--extra"},
                new String[] {"export", "--id", "ex-42", "--data", data.toString(), "--out",
                        root.resolve("no-such-dir/e.json").toString()},
                new String[] {"export", "--id", "ex-42", "--data", root.resolve("no-data").toString(), "--out",
                        root.resolve("e.json").toString()});
        List<String> expected = List.of(
                "ndp log: cannot read " + root.resolve("nonexistent") + ": no such directory",
                "ndp log: cannot read " + root.resolve("nonexistent.json") + ": no such file or directory",
                "ndp log: cannot read " + root.resolve("nonexistent.pem") + ": no such file or directory",
                "ndp log: cannot read " + root.resolve("nonexistent.p7") + ": no such file or directory",
                "ndp log: --globalconf needs a value; usage: ndp log verify DIR [--anchor CA.pem] [--globalconf FILE]",
                "ndp log: unknown option --extra; the options are --id, --data, --out and --globalconf",
                "ndp log: cannot write " + root.resolve("no-such-dir/e.json") + ": no such file or directory",
                "ndp log: cannot read " + root.resolve("no-data") + ": no such directory");
        for (int i = 0; i < mistakes.size(); i++) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int status = LogCommand.run(mistakes.get(i), new PrintStream(out), new PrintStream(err));
            assertThat(status).as(String.join(" ", mistakes.get(i))).isEqualTo(2);
            assertThat(err.toString()).startsWith(expected.get(i)).doesNotContain("Exception");
        }
        for (String help : List.of("help", "--help", "-h")) {
            var out = new ByteArrayOutputStream();
            assertThat(LogCommand.run(new String[] {help}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream())))
                    .isZero();
            assertThat(out.toString()).startsWith("Usage: ndp log verify DIR").contains("Exit status: 0 verified");
        }
    }

    @Test
    void aMessageLogIsReadableByItsOwnerAlone() throws IOException {
        Path log = data.resolve("consumer/data/messagelog");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                .isEqualTo("rwx------");
        try (var files = Files.list(log)) {
            List<Path> all = files.toList();
            assertThat(all).anyMatch(LogFormat::isSegment);
            assertThat(all).anyMatch(p -> p.getFileName().toString().equals(LogFormat.TIMESTAMPS_FILE));
            assertThat(all).allSatisfy(file -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------"));
        }
    }
}
