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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.ndp.protocol.evidence.LogVerifier.Problem;
import vn.ndp.protocol.evidence.LogVerifier.Report;
import vn.ndp.protocol.globalconf.RevokedCertificate;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.timestamp.TimeStampAuthority;

/**
 * Logs and evidence signed by a gateway certificate that a global configuration revokes: what counts is whether the
 * signature came before the revocation, by the time-stamp's time when there is one, else by the signer's own claim.
 */
class RevocationTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @TempDir
    static Path dir;
    static LogFixture fixture;
    static String serial;
    /** Before any log of these tests was signed, and well after. */
    static Instant longBefore;
    static Instant longAfter;

    @BeforeAll
    static void nationalCa() {
        fixture = new LogFixture(dir);
        serial = fixture.gateway.certificate().getSerialNumber().toString(16);
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        longBefore = now.minus(Duration.ofHours(1));
        longAfter = now.plus(Duration.ofHours(1));
    }

    /** A gateway's data directory under {@code root}: its log with exchange {@code id}, and its kept configuration. */
    private static Path gatewayData(Path root, String id, Optional<TimeStampAuthority> stampedBy, Optional<byte[]> kept)
            throws IOException {
        Path data = root.resolve("gateway/data");
        try (LogWriter writer = fixture.open(data.resolve("messagelog"))) {
            LogWriter.SealedBatch batch = writer.append(List.of(LogFixture.body(id, 1)));
            if (stampedBy.isPresent()) {
                fixture.stamp(writer, List.of(batch), stampedBy.get());
            }
        } // signed on close, after the stamp
        if (kept.isPresent()) {
            Files.createDirectories(data.resolve("globalconf"));
            Files.write(data.resolve("globalconf/globalconf.p7"), kept.get());
        }
        return data;
    }

    private static Path file(Path root, String name, byte[] bytes) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static int run(ByteArrayOutputStream out, String... args) {
        return LogCommand.run(args, new PrintStream(out), new PrintStream(out));
    }

    private static Instant now() {
        return Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aLogSignedBeforeItsCertificateWasRevokedVerifiesWithANoteWhenStampedAndAWarningWhenNot(@TempDir Path root)
            throws IOException {
        Path stamped = gatewayData(root.resolve("stamped"), "a", Optional.of(fixture.tsa), Optional.empty());
        Path unstamped = gatewayData(root.resolve("unstamped"), "b", Optional.empty(), Optional.empty());
        Instant issued = now();
        Path configuration = file(root, "registry.p7", fixture.globalConfiguration(3, issued,
                fixture.revocation(longAfter)));
        var out = new ByteArrayOutputStream();

        Report report = LogVerifier.verify(stamped.resolve("messagelog"), Optional.of(fixture.ca.certificate()),
                List.of(Revocations.Source.option(configuration)));
        int stampedStatus = run(out, "verify", stamped.toString(), "--globalconf", configuration.toString());
        String stampedOutput = out.toString();
        out.reset();
        int unstampedStatus = run(out, "verify", unstamped.toString(), "--globalconf", configuration.toString());

        assertThat(report.problem()).isEmpty();
        assertThat(report.revocations()).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(3));
        assertThat(report.revokedSignatures()).singleElement().satisfies(r -> {
            assertThat(r.stamped()).isTrue();
            assertThat(r.afterRevocation()).isFalse();
        });
        assertThat(stampedStatus).as(stampedOutput).isZero();
        assertThat(stampedOutput).contains("revocations as of global configuration version 3, issued " + issued
                        + " (from --globalconf " + configuration + ")",
                "\n  NOTE: certificate " + serial + " of gateway " + LogFixture.GATEWAY + " revoked on " + longAfter
                        + ", after this signature (time-stamped ", "batches 1..1 (records 1..1)", "OK: 1 records");
        assertThat(unstampedStatus).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\n  WARNING: certificate " + serial + " of gateway " + LogFixture.GATEWAY
                + " revoked on " + longAfter + "; batches 1..1 (records 1..1) signed ", "only claimed by the signer");
    }

    @Test
    void aLogSignedAfterItsCertificateWasRevokedDoesNotVerifyStampedOrNot(@TempDir Path root) throws IOException {
        Path configuration = file(root, "registry.p7", fixture.globalConfiguration(3, now(),
                fixture.revocation(longBefore)));
        for (Optional<TimeStampAuthority> stamp : List.of(Optional.of(fixture.tsa), Optional.<TimeStampAuthority>empty())) {
            Path data = gatewayData(root.resolve(stamp.isPresent() ? "stamped" : "unstamped"), "a", stamp, Optional.empty());
            var out = new ByteArrayOutputStream();

            Report report = LogVerifier.verify(data.resolve("messagelog"), Optional.empty(),
                    List.of(Revocations.Source.option(configuration)));
            int status = run(out, "verify", data.toString(), "--globalconf", configuration.toString());

            assertThat(report.problem()).hasValueSatisfying(finding -> {
                assertThat(finding.problem()).isEqualTo(Problem.REVOKED);
                assertThat(finding.message()).contains("batches 1..1 (records 1..1) of gateway " + LogFixture.GATEWAY
                        + ": signed with certificate " + serial + " at or after its revocation on " + longBefore,
                        stamp.isPresent() ? "(time-stamped " : "by the signer's own claim, not time-stamped");
            });
            assertThat(status).isEqualTo(1);
            assertThat(out.toString()).contains("revocations as of global configuration version 3", "FAILED",
                    "REVOKED record 1 (messages-");
        }
    }

    @Test
    void aTimeStampAfterTheRevocationOutweighsTheSignersClaimOfAnEarlierTime(@TempDir Path root) throws IOException {
        // the TSA's clock two hours ahead: the batch is proven to exist only from after the revocation (one hour ahead)
        TimeStampAuthority.open(root.resolve("tsa"), Clock.systemUTC()); // its certificate valid from now
        TimeStampAuthority late = TimeStampAuthority.open(root.resolve("tsa"),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        Path data = gatewayData(root, "a", Optional.of(late), Optional.empty());

        Report report = LogVerifier.verify(data.resolve("messagelog"), Optional.empty(), List.of(new Revocations.Source(
                "test", fixture.globalConfiguration(3, now(), fixture.revocation(longAfter)))));

        assertThat(report.problem()).hasValueSatisfying(finding -> {
            assertThat(finding.problem()).as(finding.toString()).isEqualTo(Problem.REVOKED);
            assertThat(finding.message()).contains("at or after its revocation on " + longAfter + " (time-stamped ");
        });
    }

    @Test
    void aLogSpanningAKeyChangeChecksEachSigningCertificateAgainstItsOwnRevocation(@TempDir Path root) throws IOException {
        Path log = root.resolve("messagelog");
        try (LogWriter writer = fixture.open(log)) {
            writer.append(List.of(LogFixture.body("a", 1)));
        }
        IssuedCertificate renewed = fixture.ca.issueGatewayCertificate(GatewayCertificateRequest.of(
                GatewayId.parse(LogFixture.GATEWAY), List.of("localhost"), List.of()));
        try (LogWriter writer = fixture.open(log, LogFixture.GATEWAY, renewed)) {
            writer.append(List.of(LogFixture.body("b", 2)));
        }
        RevokedCertificate unrelated = RevokedCertificate.of(java.math.BigInteger.valueOf(0x5eed), longBefore);
        byte[] oldKeyRevokedLater = fixture.globalConfiguration(3, now(), unrelated, fixture.revocation(longAfter));
        byte[] newKeyRevokedEarlier = fixture.globalConfiguration(4, now(), unrelated,
                RevokedCertificate.of(renewed.certificate().getSerialNumber(), longBefore));

        Report oldKey = LogVerifier.verify(log, Optional.empty(), List.of(new Revocations.Source("test", oldKeyRevokedLater)));
        Report newKey = LogVerifier.verify(log, Optional.empty(), List.of(new Revocations.Source("test",
                newKeyRevokedEarlier)));

        assertThat(oldKey.problem()).isEmpty();
        assertThat(oldKey.revokedSignatures()).singleElement().satisfies(r -> {
            assertThat(r.serial()).isEqualTo(serial);
            assertThat(r.batches()).containsExactly(1L);
        });
        assertThat(newKey.problem()).hasValueSatisfying(finding -> {
            assertThat(finding.problem()).isEqualTo(Problem.REVOKED);
            assertThat(finding.message()).contains("batches 2..2 (records 2..2) of gateway " + LogFixture.GATEWAY
                    + ": signed with certificate " + renewed.certificate().getSerialNumber().toString(16));
        });
    }

    @Test
    void aConfigurationCountsOnlyWhenEveryGatewayCheckedIsOfItsInstance() {
        Revocations.Source source = new Revocations.Source("test", fixture.globalConfiguration(3, now()));
        String foreign = "XX/GOV/TEST.FOREIGN/gw";

        Revocations both = Revocations.verify(source, fixture.ca.certificate(), List.of(LogFixture.GATEWAY,
                LogFixture.OTHER_GATEWAY));

        assertThat(both.version()).isEqualTo(3);
        assertThatThrownBy(() -> Revocations.verify(source, fixture.ca.certificate(), List.of(LogFixture.GATEWAY, foreign)))
                .isInstanceOf(EvidenceException.class).hasMessage("the global configuration from test does not verify"
                        + " (WRONG_INSTANCE): The global configuration is for instance VN, not XX of gateway " + foreign);
        assertThatThrownBy(() -> Revocations.verify(source, fixture.ca.certificate(), List.of("VN/GOV/lgsp")))
                .isInstanceOf(EvidenceException.class).hasMessageStartingWith("gateway VN/GOV/lgsp is not a gateway"
                        + " identifier, so no global configuration can be checked for its instance: ");
    }

    @Test
    void exportPutsTheGatewaysKeptConfigurationInTheFileAndVerificationChecksAgainstIt(@TempDir Path root)
            throws IOException {
        Instant issued = now();
        Path data = gatewayData(root, "ex-1", Optional.of(fixture.tsa), Optional.of(fixture.globalConfiguration(5, issued,
                fixture.revocation(longAfter))));
        Path file = root.resolve("ex-1.json");
        var out = new ByteArrayOutputStream();

        int exported = run(out, "export", "--id", "ex-1", "--data", data.toString(), "--out", file.toString());
        String exportOutput = out.toString();
        out.reset();
        int verified = run(out, "verify-evidence", file.toString());

        assertThat(exported).as(exportOutput).isZero();
        assertThat(exportOutput).contains("carries global configuration version 5, issued " + issued
                + " (the gateway's kept copy " + data.resolve("globalconf/globalconf.p7") + ")", "\n  NOTE: certificate "
                + serial + " of gateway " + LogFixture.GATEWAY + " revoked on " + longAfter + ", after this signature"
                + " (time-stamped ");
        assertThat(JSON.readTree(Files.readAllBytes(file)).get("globalConfiguration").asString())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(
                        data.resolve("globalconf/globalconf.p7"))));
        assertThat(verified).as(out.toString()).isZero();
        assertThat(out.toString()).contains("revocations as of global configuration version 5, issued " + issued
                        + " (from the file)",
                "\n  NOTE: certificate " + serial + " of gateway " + LogFixture.GATEWAY + " revoked on " + longAfter
                        + ", after this signature (time-stamped ",
                "consumer side: 1 record from " + LogFixture.GATEWAY + ", all time-stamped; signing certificate REVOKED,"
                        + " later: 1 signed before (time-stamped)");
    }

    @Test
    void aRevocationPublishedAfterTheExportCountsWhenANewerConfigurationIsGiven(@TempDir Path root) throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.empty(), Optional.of(fixture.globalConfiguration(5, now())));
        Path file = root.resolve("ex-1.json");
        Path newer = file(root, "newer.p7", fixture.globalConfiguration(6, now(), fixture.revocation(longBefore)));
        Path older = file(root, "older.p7", fixture.globalConfiguration(4, now(), fixture.revocation(longBefore)));
        var out = new ByteArrayOutputStream();
        assertThat(run(out, "export", "--id", "ex-1", "--data", data.toString(), "--out", file.toString()))
                .as(out.toString()).isZero();
        out.reset();

        int alone = run(out, "verify-evidence", file.toString());
        String aloneOutput = out.toString();
        out.reset();
        int withNewer = run(out, "verify-evidence", file.toString(), "--globalconf", newer.toString());
        String newerOutput = out.toString();
        out.reset();
        int withOlder = run(out, "verify-evidence", file.toString(), "--globalconf", older.toString());

        assertThat(alone).as(aloneOutput).isZero();
        assertThat(aloneOutput).contains("revocations as of global configuration version 5",
                "consumer side: 1 record from " + LogFixture.GATEWAY + ", 0 time-stamped, 1 NOT time-stamped (their time"
                        + " is the gateway's own clock at signing); signing certificate not revoked");
        assertThat(withNewer).as(newerOutput).isEqualTo(1);
        assertThat(newerOutput).contains("FAILED: signed with a revoked certificate after its revocation: batch 1 (record 1)"
                + " of gateway " + LogFixture.GATEWAY + ": signed with certificate " + serial + " at or after its revocation"
                + " on " + longBefore + " (signed ", "revocations as of global configuration version 6",
                "(from --globalconf " + newer + ")");
        assertThat(withOlder).as("the newest configuration, the file's, no longer revokes it").isZero();
        assertThat(out.toString()).contains("revocations as of global configuration version 5, issued");
        assertThatThrownBy(() -> Evidence.verify(Files.readAllBytes(file), Optional.empty(),
                List.of(Revocations.Source.option(newer)))).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("after its revocation");
    }

    @Test
    void exportTakesAConfigurationKeptOutsideTheDataDirectoryAndRefusesOneThatDoesNotVerify(@TempDir Path root)
            throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.empty(), Optional.empty());
        Instant issued = now();
        Path elsewhere = file(root, "elsewhere.p7", fixture.globalConfiguration(7, issued, fixture.revocation(longAfter)));
        byte[] bad = Files.readAllBytes(elsewhere);
        bad[bad.length / 2] ^= 1;
        Path tampered = root.resolve("tampered.p7");
        Files.write(tampered, bad);
        Path file = root.resolve("ex-1.json");
        Path refused = root.resolve("refused.json");
        var out = new ByteArrayOutputStream();

        int exported = run(out, "export", "--id", "ex-1", "--data", data.toString(), "--out", file.toString(),
                "--globalconf", elsewhere.toString());
        String exportOutput = out.toString();
        out.reset();
        int verified = run(out, "verify-evidence", file.toString());
        int withTampered = run(new ByteArrayOutputStream(), "export", "--id", "ex-1", "--data", data.toString(), "--out",
                refused.toString(), "--globalconf", tampered.toString());

        assertThat(exported).as(exportOutput).isZero();
        assertThat(exportOutput).contains("carries global configuration version 7, issued " + issued
                + " (--globalconf " + elsewhere + ")");
        assertThat(verified).as(out.toString()).isZero();
        assertThat(out.toString()).contains("revocations as of global configuration version 7, issued " + issued
                + " (from the file)", "revoked on " + longAfter + "; batch 1 (record 1) signed");
        assertThat(withTampered).as("a configuration asked for that does not verify is not left out silently").isEqualTo(1);
        assertThat(refused).doesNotExist();
    }

    @Test
    void exportLeavesADamagedKeptCopyOutWithANoteAndCarriesTheNewestOfTheOthersTheKeptCopyOnATie(@TempDir Path root)
            throws IOException {
        byte[] damaged = fixture.globalConfiguration(5, now());
        damaged[damaged.length / 2] ^= 1;
        Path withDamaged = gatewayData(root.resolve("damaged"), "ex-1", Optional.empty(), Optional.of(damaged));
        Path withKept = gatewayData(root.resolve("kept"), "ex-1", Optional.empty(),
                Optional.of(fixture.globalConfiguration(5, now())));
        Path given = file(root, "given.p7", fixture.globalConfiguration(4, now()));
        Path sameVersion = file(root, "same-version.p7", fixture.globalConfiguration(5, now()));
        var out = new ByteArrayOutputStream();
        var tie = new ByteArrayOutputStream();

        int exported = run(out, "export", "--id", "ex-1", "--data", withDamaged.toString(), "--out",
                root.resolve("damaged.json").toString(), "--globalconf", given.toString());
        int exportedOnATie = run(tie, "export", "--id", "ex-1", "--data", withKept.toString(), "--out",
                root.resolve("tie.json").toString(), "--globalconf", sameVersion.toString());

        assertThat(exported).as(out.toString()).isZero();
        assertThat(out.toString()).contains("  NOTE: not put in the file: the global configuration from the gateway's kept"
                + " copy " + withDamaged.resolve("globalconf/globalconf.p7") + " does not verify (",
                "carries global configuration version 4, issued ", "(--globalconf " + given + ")");
        assertThat(exportedOnATie).as(tie.toString()).isZero();
        assertThat(tie.toString()).contains("carries global configuration version 5, issued ", "(the gateway's kept copy "
                + withKept.resolve("globalconf/globalconf.p7") + ")");
    }

    @Test
    void aTamperedForeignOrGatewaySignedConfigurationIsRefusedNeverSkipped(@TempDir Path root) throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.empty(), Optional.empty());
        Path file = root.resolve("ex-1.json");
        assertThat(run(new ByteArrayOutputStream(), "export", "--id", "ex-1", "--data", data.toString(), "--out",
                file.toString())).isZero();
        byte[] genuine = fixture.globalConfiguration(6, now(), fixture.revocation(longAfter));
        byte[] tampered = genuine.clone();
        int content = indexOf(tampered, "\"version\":6".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tampered[content + 10] = '9';
        NationalCa foreignCa = NationalCa.init(root.resolve("foreign-ca"), CaSettings.defaults(), Clock.systemUTC());
        byte[] foreign = LogFixture.globalConfiguration(foreignCa.issueConfigurationSigningCertificate("NDP registry",
                Duration.ofDays(1)), 7, now());
        byte[] byGateway = LogFixture.globalConfiguration(fixture.gateway, 7, now());
        List<String> why = List.of("BAD_SIGNATURE", "did not issue", "not a configuration-signing certificate");
        List<byte[]> refused = List.of(tampered, foreign, byGateway);

        for (int i = 0; i < refused.size(); i++) {
            Path configuration = file(root, "refused-" + i + ".p7", refused.get(i));
            var evidenceOut = new ByteArrayOutputStream();
            var logOut = new ByteArrayOutputStream();
            int evidence = run(evidenceOut, "verify-evidence", file.toString(), "--globalconf", configuration.toString());
            int log = run(logOut, "verify", data.toString(), "--globalconf", configuration.toString());

            assertThat(evidence).as(evidenceOut.toString()).isEqualTo(1);
            assertThat(evidenceOut.toString()).contains("FAILED: the global configuration from --globalconf "
                    + configuration + " does not verify", why.get(i)).doesNotContain("Exception");
            assertThat(log).as(logOut.toString()).isEqualTo(1);
            assertThat(logOut.toString()).contains("FAILED after 0 good records. First problem: BAD_GLOBAL_CONFIGURATION"
                    + " (global configuration): the global configuration from --globalconf " + configuration
                    + " does not verify", why.get(i)).doesNotContain("Exception");
        }
        Files.createDirectories(data.resolve("globalconf"));
        Files.write(data.resolve("globalconf/globalconf.p7"), tampered);
        var out = new ByteArrayOutputStream();
        assertThat(run(out, "verify", data.toString())).as("a damaged kept copy fails too").isEqualTo(1);
        assertThat(out.toString()).contains("the gateway's kept copy " + data.resolve("globalconf/globalconf.p7")
                + " does not verify");
    }

    @Test
    void logVerifyOverSeveralLogsChecksEachAgainstTheConfigurationsAndReportsABadOneOnce(@TempDir Path root)
            throws IOException {
        Path one = gatewayData(root.resolve("one"), "a", Optional.empty(), Optional.empty()).resolve("messagelog");
        Path two = gatewayData(root.resolve("two"), "b", Optional.empty(), Optional.empty()).resolve("messagelog");
        Path good = file(root, "good.p7", fixture.globalConfiguration(3, now(), fixture.revocation(longAfter)));
        byte[] damaged = fixture.globalConfiguration(4, now());
        damaged[damaged.length / 2] ^= 1;
        Path bad = file(root, "bad.p7", damaged);
        var out = new ByteArrayOutputStream();
        var refused = new ByteArrayOutputStream();

        var configurations = new Revocations.Configurations(List.of(Revocations.Source.option(good)));
        Revocations first = configurations.newestFor(fixture.ca.certificate(), LogFixture.GATEWAY).orElseThrow();
        int checked = run(out, "verify", root.toString(), "--globalconf", good.toString());
        int failed = run(refused, "verify", root.toString(), "--globalconf", bad.toString());

        assertThat(configurations.newestFor(fixture.ca.certificate(), LogFixture.OTHER_GATEWAY))
                .as("verified once for the national CA and the instance, not again for another gateway of it")
                .containsSame(first);

        assertThat(checked).as(out.toString()).isZero();
        assertThat(out.toString().split("revocations as of global configuration version 3", -1))
                .as("both logs checked against it").hasSize(3);
        assertThat(out.toString().split("\n  WARNING: certificate " + serial, -1)).hasSize(3);
        assertThat(failed).as(refused.toString()).isEqualTo(1);
        assertThat(refused.toString().split("does not verify", -1)).as(refused.toString()).hasSize(3);
        assertThat(refused.toString()).contains(one + ":", "FAILED after 0 good records. First problem:"
                + " BAD_GLOBAL_CONFIGURATION (global configuration): the global configuration from --globalconf " + bad
                + " does not verify (", "NOT VERIFIED, as the global configuration above does not verify: " + two)
                .doesNotContain(two + ":");
    }

    @Test
    void anExpiredConfigurationStillCountsOffline(@TempDir Path root) throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.empty(), Optional.empty());
        Instant issued = now().minus(Duration.ofMinutes(3)); // valid for a minute: expired two minutes ago

        Report report = LogVerifier.verify(data.resolve("messagelog"), Optional.empty(), List.of(new Revocations.Source(
                "test", fixture.globalConfiguration(2, issued, fixture.revocation(longBefore)))));

        assertThat(report.problem()).hasValueSatisfying(finding -> assertThat(finding.problem()).isEqualTo(Problem.REVOKED));
        assertThat(report.revocations()).hasValueSatisfying(r -> assertThat(r.issuedAt()).isEqualTo(issued));
    }

    @Test
    void anEvidenceFileOfTheFormatBeforeConfigurationsStillVerifiesWithoutARevocationCheck(@TempDir Path root)
            throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.of(fixture.tsa), Optional.empty());
        Path file = root.resolve("ex-1.json");
        var out = new ByteArrayOutputStream();
        assertThat(run(out, "export", "--id", "ex-1", "--data", data.toString(), "--out", file.toString())).isZero();
        assertThat(out.toString()).contains("carries no global configuration (none kept under " + data + ")");
        ObjectNode old = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        assertThat(old.get("globalConfiguration").isNull()).as("none kept: null, never left out").isTrue();
        old.put("format", Evidence.FORMAT_2);
        old.remove("globalConfiguration");
        Path formatTwo = file(root, "format-2.json", JSON.writeValueAsBytes(old));
        old.put("globalConfiguration", java.util.Base64.getEncoder().encodeToString(fixture.globalConfiguration(2, now())));
        Path formatTwoWithConfiguration = file(root, "format-2-with.json", JSON.writeValueAsBytes(old));
        Path revoking = file(root, "registry.p7", fixture.globalConfiguration(3, now(), fixture.revocation(longBefore)));
        out.reset();

        int status = run(out, "verify-evidence", formatTwo.toString());
        String output = out.toString();
        out.reset();
        int withRevocation = run(out, "verify-evidence", formatTwo.toString(), "--globalconf", revoking.toString());

        assertThat(status).as(output).isZero();
        assertThat(output).contains("OK: evidence of X-Road-Id ex-1", Evidence.REVOCATION_NOT_CHECKED,
                "all time-stamped; revocation not checked");
        assertThat(withRevocation).as("a given configuration still counts").isEqualTo(1);
        assertThatThrownBy(() -> Evidence.verify(Files.readAllBytes(formatTwoWithConfiguration), Optional.empty()))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("unknown key 'globalConfiguration'");
    }

    @Test
    void changingTheCarriedConfigurationAnywhereMakesTheEvidenceFail(@TempDir Path root) throws IOException {
        Path data = gatewayData(root, "ex-1", Optional.empty(), Optional.of(fixture.globalConfiguration(5, now(),
                fixture.revocation(longAfter))));
        byte[] evidence = Evidence.export(data, "ex-1", Optional.of(Files.readAllBytes(
                data.resolve("globalconf/globalconf.p7")))).orElseThrow();
        Evidence.verify(evidence, Optional.of(fixture.ca.certificate()));
        int start = indexOf(evidence, "\"globalConfiguration\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Integer> accepted = new ArrayList<>();

        // the key, its base64 every 40 characters and its end: GlobalConfigurationVerifierTests changes every DER byte
        for (int i = start; i < evidence.length; i++) {
            if (i - start > 40 && (i - start) % 40 != 0 && i < evidence.length - 8) {
                continue;
            }
            byte[] changed = evidence.clone();
            changed[i] = (byte) (changed[i] == 'A' ? 'B' : changed[i] == '\n' ? ' ' : changed[i] ^ 0x01);
            try {
                Evidence.verify(changed, Optional.of(fixture.ca.certificate()));
                accepted.add(i);
            } catch (EvidenceException e) {
                // expected
            } catch (RuntimeException e) {
                fail("byte " + i + " changed gave " + e + " instead of an EvidenceException");
            }
        }
        assertThat(accepted).as("positions whose change went unnoticed").isEmpty();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
