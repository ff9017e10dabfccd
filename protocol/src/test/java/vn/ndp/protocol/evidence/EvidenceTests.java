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
        evidence = Evidence.export(data, "ex-42").orElseThrow();
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
        byte[] evidence = Evidence.export(data.resolve("consumer"), "ex-42").orElseThrow();
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
        byte[] forged = Evidence.export(log, "ex-forged").orElseThrow();

        assertThatThrownBy(() -> Evidence.verify(forged, Optional.of(fixture.ca.certificate())))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("issued to " + LogFixture.OTHER_GATEWAY + ", not to gateway " + LogFixture.GATEWAY);
    }

    @Test
    void aBatchNotSignedYetGivesNoEvidenceUntilItIsSigned() throws IOException {
        Path log = dir.resolve("unsigned/messagelog");
        try (LogWriter writer = fixture.open(log)) {
            writer.append(List.of(LogFixture.body("ex-late", 1)));
            writer.signPending();
            writer.append(List.of(LogFixture.body("ex-late", 2))); // the answer's record, say: not signed yet

            assertThatThrownBy(() -> Evidence.export(log, "ex-late")).as("never a partial evidence")
                    .isInstanceOf(EvidenceException.class).hasMessageContaining("not signed yet");

            writer.signPending();
            Evidence.Verified verified = Evidence.verify(Evidence.export(log, "ex-late").orElseThrow(),
                    Optional.of(fixture.ca.certificate()));
            assertThat(verified.records()).hasSize(2);
        }
    }

    @Test
    void noEvidenceForAnUnknownExchange() {
        assertThat(Evidence.export(data, "never-seen")).isEmpty();
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
        assertThatThrownBy(() -> Evidence.export(log, "")).isInstanceOf(IllegalArgumentException.class);
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
}
