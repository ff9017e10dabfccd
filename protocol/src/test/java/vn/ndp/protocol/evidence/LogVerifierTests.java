package vn.ndp.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.evidence.LogVerifier.Problem;
import vn.ndp.protocol.evidence.LogVerifier.Report;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.NationalCa;

class LogVerifierTests {

    @TempDir
    static Path dir;
    static LogFixture fixture;
    static int copies;

    @BeforeAll
    static void writeLog() throws IOException {
        fixture = new LogFixture(dir);
        fixture.write(2, 3, 4);
    }

    /** Lines of every segment: [segment index, line index] for each record line, in log order. */
    private static List<int[]> recordLines() throws IOException {
        List<int[]> positions = new ArrayList<>();
        List<Path> segments = fixture.segments();
        for (int s = 0; s < segments.size(); s++) {
            List<String> lines = Files.readAllLines(segments.get(s));
            for (int l = 0; l < lines.size(); l++) {
                if (lines.get(l).startsWith("R ")) {
                    positions.add(new int[] {s, l});
                }
            }
        }
        return positions;
    }

    /** A copy of the fixture's log to tamper with, in a directory of its own named {@code name-N}. */
    private static Path copyOfTheLog(String name) throws IOException {
        Path copy = dir.resolve(name + "-" + ++copies);
        LogFixture.copy(fixture.log, copy);
        return copy;
    }

    private static Report tampered(int segment, UnaryOperator<List<String>> change) throws IOException {
        Path copy = copyOfTheLog("copy");
        Path file = LogFormat.segments(copy).get(segment);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Files.writeString(file, String.join("\n", change.apply(lines)) + "\n");
        return LogVerifier.verify(copy, Optional.empty());
    }

    /**
     * A log directory as a crash leaves it, with two batches written and acknowledged, none signed:
     * records {@code {name}-1}, then {@code {name}-2} and {@code {name}-3}.
     */
    private static Path crashImage(String name) throws IOException {
        Path live = dir.resolve(name + "-live-" + ++copies);
        Path crashed = dir.resolve(name + "-" + copies);
        try (LogWriter writer = fixture.open(live)) {
            writer.append(List.of(LogFixture.body(name + "-1", 1)));
            writer.append(List.of(LogFixture.body(name + "-2", 2), LogFixture.body(name + "-3", 3)));
            LogFixture.copy(live, crashed);
        }
        return crashed;
    }

    private static long seqOf(String line) {
        return LogFormat.RecordLine.parse(line.substring(2)).seq();
    }

    @Test
    void aRecordIsItsBodyAfterSeqAndPrevHashedAndWrittenByteForByteAndANonObjectBodyIsRefused() throws IOException {
        Path log = dir.resolve("bytes");
        byte[] body = "{\"xroadId\":\"bytes-1\",\"path\":\"/tỉnh/Đắk Lắk\",\"note\":\"a \\\"quote\\\"\"}".getBytes(StandardCharsets.UTF_8);
        try (LogWriter writer = fixture.open(log)) {
            assertThatThrownBy(() -> writer.append(List.of(body, "[1,2]".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty JSON object");
            writer.append(List.of(body));
        }
        String json = "{\"seq\":1,\"prev\":\"" + Hashes.GENESIS + "\"," + new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
        List<String> records = LogFormat.lines(LogFormat.readSegment(LogFormat.segments(log).getFirst())).stream()
                .filter(line -> line.startsWith("R ")).toList();
        assertThat(records).containsExactly("R 0/1 - " + json);
        assertThat(LogFormat.RecordLine.parse(records.getFirst().substring(2)).hash())
                .isEqualTo(Hashes.sha256(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(LogVerifier.verify(log, Optional.empty()).ok()).isTrue();
    }

    @Test
    void anUntouchedLogVerifiesWithEveryBatchStamped() {
        Report report = LogVerifier.verify(fixture.log, Optional.empty());

        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(24);
        assertThat(report.batches()).isEqualTo(6);
        assertThat(report.files()).isEqualTo(2);
        assertThat(report.stampedBatches()).isEqualTo(6);
        assertThat(report.unsignedBatches()).isZero();
        assertThat(report.anchorFingerprint()).isEqualTo(vn.ndp.protocol.pki.Pem.sha256Fingerprint(fixture.ca.certificate()));
    }

    @Test
    void anEditAnywhereNamesTheEditedRecord() throws IOException {
        for (int[] at : recordLines()) {
            long[] seq = new long[1];
            Report report = tampered(at[0], lines -> {
                String line = lines.get(at[1]);
                seq[0] = seqOf(line);
                lines.set(at[1], line.replace("\"status\":200", "\"status\":201"));
                return lines;
            });
            assertThat(report.problem()).as("edit of record %d", seq[0]).isPresent();
            assertThat(report.problem().get().problem()).isEqualTo(Problem.EDITED);
            assertThat(report.problem().get().seq()).isEqualTo(seq[0]);
            assertThat(report.problem().get().line()).isEqualTo(at[1] + 1);
        }
    }

    @Test
    void anEditThatAlsoRewritesTheChainIsStillCaughtByTheRecordsOwnProof() throws IOException {
        int[] at = recordLines().get(5);
        Report report = tampered(at[0], lines -> {
            lines.set(at[1], lines.get(at[1]).replace("\"method\":\"GET\"", "\"method\":\"PUT\""));
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.EDITED);
        assertThat(report.problem().get().seq()).isEqualTo(6);
    }

    @Test
    void aDeletionAnywhereNamesTheDeletedRecord() throws IOException {
        for (int[] at : recordLines()) {
            long[] seq = new long[1];
            Report report = tampered(at[0], lines -> {
                seq[0] = seqOf(lines.remove(at[1]));
                return lines;
            });
            assertThat(report.problem()).as("deletion of record %d", seq[0]).isPresent();
            assertThat(report.problem().get().problem()).isEqualTo(Problem.DELETED);
            assertThat(report.problem().get().seq()).isEqualTo(seq[0]);
        }
    }

    @Test
    void anInsertedForgeryOrCopyAnywhereIsNamed() throws IOException {
        for (int[] at : recordLines()) {
            Report forged = tampered(at[0], lines -> {
                lines.add(at[1] + 1, lines.get(at[1]).replace("/items/", "/forged/"));
                return lines;
            });
            assertThat(forged.problem().get().problem()).isEqualTo(Problem.INSERTED);
            assertThat(forged.problem().get().line()).isEqualTo(at[1] + 2);

            Report copied = tampered(at[0], lines -> {
                lines.add(at[1] + 1, lines.get(at[1]));
                return lines;
            });
            assertThat(copied.problem().get().problem()).isEqualTo(Problem.INSERTED);
            assertThat(copied.problem().get().line()).isEqualTo(at[1] + 2);
        }
    }

    @Test
    void swappingTwoRecordsOfABatchNamesTheFirstOneOutOfOrder() throws IOException {
        for (int[] at : recordLines()) {
            boolean nextIsRecord = tampered(at[0], lines -> lines).ok()
                    && Files.readAllLines(fixture.segments().get(at[0])).get(at[1] + 1).startsWith("R ");
            if (!nextIsRecord) {
                continue;
            }
            long[] seq = new long[1];
            Report report = tampered(at[0], lines -> {
                String line = lines.get(at[1]);
                seq[0] = seqOf(line);
                lines.set(at[1], lines.get(at[1] + 1));
                lines.set(at[1] + 1, line);
                return lines;
            });
            assertThat(report.problem().get().problem()).isEqualTo(Problem.REORDERED);
            assertThat(report.problem().get().seq()).isEqualTo(seq[0]);
        }
    }

    @Test
    void swappingTwoWholeBatchesIsDetected() throws IOException {
        Report report = tampered(0, lines -> {
            List<String> result = new ArrayList<>(lines.subList(0, 1));
            result.addAll(lines.subList(6, 11));
            result.addAll(lines.subList(1, 6));
            result.addAll(lines.subList(11, lines.size()));
            return result;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.REORDERED);
        assertThat(report.problem().get().seq()).isEqualTo(1);
    }

    @Test
    void truncatingAnArchiveAtAnyLineIsDetectedAtTheFirstMissingRecord() throws IOException {
        int lines = Files.readAllLines(fixture.segments().getFirst()).size();
        for (int keep = 1; keep < lines; keep++) {
            int kept = keep;
            Report report = tampered(0, all -> new ArrayList<>(all.subList(0, kept)));
            assertThat(report.problem()).as("archive cut to %d lines", kept).isPresent();
            assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
        }
    }

    @Test
    void truncatingTheNewestSegmentBeforeItsLastStampIsDetected() throws IOException {
        int lines = Files.readAllLines(fixture.segments().getLast()).size();
        for (int keep = 1; keep < lines - 1; keep++) {
            int kept = keep;
            Report report = tampered(1, all -> new ArrayList<>(all.subList(0, kept)));
            assertThat(report.problem()).as("newest segment cut to %d lines", kept).isPresent();
            assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
        }
    }

    @Test
    void withoutItsLastSignatureTheNewestSegmentEndsInBatchesReportedAsNotSignedYet() throws IOException {
        // What a running gateway's log looks like between two signatures: not a failure, but reported,
        // and those batches are proven only by the chain and their time-stamps.
        Report report = tampered(1, all -> new ArrayList<>(all.subList(0, all.size() - 1)));

        assertThat(report.problem()).isEmpty();
        assertThat(report.unsignedBatches()).isEqualTo(1);
        assertThat(report.records()).isEqualTo(24);
    }

    @Test
    void anArchiveWithoutItsLastSignatureIsTruncated() throws IOException {
        Report report = tampered(0, all -> new ArrayList<>(all.subList(0, all.size() - 1)));

        assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(report.problem().get().message()).contains("batches 3..3", "not signed");
    }

    /** [segment index, line index] of every signature line, in log order. */
    private static List<int[]> signatureLines() throws IOException {
        List<int[]> positions = new ArrayList<>();
        List<Path> segments = fixture.segments();
        for (int s = 0; s < segments.size(); s++) {
            List<String> lines = Files.readAllLines(segments.get(s));
            for (int l = 0; l < lines.size(); l++) {
                if (lines.get(l).startsWith("W ")) {
                    positions.add(new int[] {s, l});
                }
            }
        }
        return positions;
    }

    @Test
    void deletingTheLastBatchOrEveryBatchOfASignedWindowNamesTheFirstDeletedRecord() throws IOException {
        assertThat(signatureLines()).as("the log has signature lines to delete a batch before").isNotEmpty();
        for (int[] at : signatureLines()) {
            for (boolean wholeWindow : new boolean[] {false, true}) {
                long[] firstDeleted = new long[1];
                int[] signatureLineAfter = new int[1];
                Report report = tampered(at[0], lines -> {
                    int from = at[1] - 1; // the seal of the window's last batch
                    while (!lines.get(from - 1).startsWith("H ") && !lines.get(from - 1).startsWith("W ")
                            && (wholeWindow || !lines.get(from - 1).startsWith("S "))) {
                        from--;
                    }
                    firstDeleted[0] = seqOf(lines.get(from));
                    lines.subList(from, at[1]).clear();
                    signatureLineAfter[0] = from + 1;
                    return lines;
                });
                String what = (wholeWindow ? "every batch" : "the last batch") + " signed on line " + (at[1] + 1)
                        + " of segment " + at[0];
                assertThat(report.problem()).as(what).isPresent();
                assertThat(report.problem().get().problem()).as(what).isEqualTo(Problem.DELETED);
                assertThat(report.problem().get().seq()).as(what).isEqualTo(firstDeleted[0]);
                assertThat(report.problem().get().line()).as(what).isEqualTo(signatureLineAfter[0]);
            }
        }
    }

    @Test
    void deletingTheLastBatchOfAWindowAndRewritingItsSignatureLineIsABadSignature() throws IOException {
        Report report = tampered(0, lines -> {
            int signature = lines.indexOf(lines.stream().filter(line -> line.startsWith("W ")).findFirst().orElseThrow());
            lines.set(signature, lines.get(signature).replace("\"lastBatch\":2,", "\"lastBatch\":1,"));
            lines.subList(signature - 5, signature).clear(); // batch 2: four records and its seal
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(report.problem().get().message()).contains("batches 1..1");
    }

    @Test
    void aSignatureLineMovedBeforeTheBatchesItSignsIsNotNamedAsADeletion() throws IOException {
        Report report = tampered(0, lines -> {
            int signature = lines.indexOf(lines.stream().filter(line -> line.startsWith("W ")).toList().getLast());
            String moved = lines.remove(signature);
            lines.add(signature - 5, moved); // before batch 3, which it signs
            return lines;
        });

        assertThat(report.problem().get().problem()).isNotEqualTo(Problem.DELETED);
    }

    @Test
    void removingASignatureLineInsideASegmentIsDetected() throws IOException {
        Report report = tampered(0, lines -> {
            lines.remove(lines.stream().filter(line -> line.startsWith("W ")).findFirst().orElseThrow());
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(report.problem().get().message()).contains("batches 3..3", "1..3");
    }

    @Test
    void aLineCutInTheMiddleIsDetected() throws IOException {
        Path copy = copyOfTheLog("cut");
        Path file = LogFormat.segments(copy).getLast();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
    }

    @Test
    void aDeletedArchiveIsDetected() throws IOException {
        Path copy = copyOfTheLog("gone");
        Files.delete(LogFormat.segments(copy).getFirst());

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem().get().problem()).isEqualTo(Problem.DELETED);
        assertThat(report.problem().get().seq()).isEqualTo(1);
    }

    @Test
    void aChangedSealIsCaughtByTheSignatureOverIt() throws IOException {
        Report report = tampered(0, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("S ")) {
                    lines.set(i, lines.get(i).replace("\"sealedAt\":\"2", "\"sealedAt\":\"1"));
                    break;
                }
            }
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(report.problem().get().message()).contains("batches 1..2 are not the ones signed");
    }

    @Test
    void aForgedSignatureIsDetected() throws IOException {
        for (String field : List.of("\"signedAt\":\"2", "\"firstBatch\":1,")) {
            Report report = tampered(0, lines -> {
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("W ")) {
                        lines.set(i, lines.get(i).replace(field, field.endsWith(",") ? "\"firstBatch\":2," : "\"signedAt\":\"1"));
                        break;
                    }
                }
                return lines;
            });

            assertThat(report.problem().get().problem()).as(field).isEqualTo(Problem.BAD_SIGNATURE);
        }
    }

    @Test
    void batchesACrashLeftUnsignedAreSignedWhenTheLogIsOpenedAgain() throws IOException {
        Path crashed = crashImage("before-crash"); // two batches acknowledged, none signed
        Report beforeRestart = LogVerifier.verify(crashed, Optional.empty());

        try (LogWriter reopened = fixture.open(crashed)) {
            assertThat(reopened.recoveredSignatures()).isEqualTo(2);
            assertThat(reopened.recoveredBytes()).isZero();
        }
        Report afterRestart = LogVerifier.verify(crashed, Optional.empty());

        assertThat(beforeRestart.problem()).isEmpty();
        assertThat(beforeRestart.unsignedBatches()).isEqualTo(2);
        assertThat(afterRestart.problem()).isEmpty();
        assertThat(afterRestart.unsignedBatches()).isZero();
        assertThat(afterRestart.records()).isEqualTo(3);
        assertThat(afterRestart.files()).isEqualTo(2);
    }

    @Test
    void theSegmentBeingWrittenKeepsZeroBytesAheadOfItsEndAndClosingCutsThemOff() throws IOException {
        Path live = dir.resolve("reserved-" + ++copies);
        Path segment;
        try (LogWriter writer = fixture.open(live)) {
            writer.append(List.of(LogFixture.body("reserved-1", 1)));
            segment = LogFormat.segments(live).getLast();
            byte[] bytes = Files.readAllBytes(segment);
            int content = LogFormat.contentLength(bytes);

            // a new segment starts with its first step reserved; the background thread may have added more
            assertThat(bytes.length).isGreaterThanOrEqualTo(LogWriter.RESERVE_STEP);
            assertThat(content).isLessThan(bytes.length);
            assertThat(bytes[content - 1]).isEqualTo((byte) '\n');
            Report running = LogVerifier.verify(live, Optional.empty());
            assertThat(running.problem()).isEmpty();
            assertThat(running.records()).isEqualTo(1);
            assertThat(running.unsignedBatches()).isEqualTo(1);
        }
        byte[] closed = Files.readAllBytes(segment);

        assertThat(LogFormat.contentLength(closed)).isEqualTo(closed.length);
        assertThat(new String(closed, StandardCharsets.UTF_8)).endsWith("\n").startsWith("H ").contains("\nW ");
        assertThat(LogVerifier.verify(live, Optional.empty()).problem()).isEmpty();
    }

    @Test
    void aCrashThatKeptABatchsSealButLostAPageOfItsRecordsCutsThatBatchOff() throws IOException {
        Path crashed = crashImage("torn");
        // Writing into reserved space, a crash may keep some pages of the last write and not others:
        // here the seal of the second batch reached the disk, a page of its first record did not.
        Path segment = LogFormat.segments(crashed).getLast();
        byte[] bytes = Files.readAllBytes(segment);
        int torn = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("torn-2");
        java.util.Arrays.fill(bytes, torn - 20, torn + 20, (byte) 0);
        Files.write(segment, bytes);
        assertThat(LogVerifier.verify(crashed, Optional.empty()).problem()).isPresent();

        try (LogWriter reopened = fixture.open(crashed)) {
            assertThat(reopened.recoveredBytes()).isPositive();
            assertThat(reopened.recoveredSignatures()).isEqualTo(1);
            assertThat(reopened.nextSeq()).isEqualTo(2);
            reopened.append(List.of(LogFixture.body("after-crash", 2)));
        }
        Report report = LogVerifier.verify(crashed, Optional.empty());

        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.unsignedBatches()).isZero();
    }

    /**
     * Verifies a copy of the log whose second segment (an archive) has zero bytes written over it,
     * from {@code from} bytes into a record line in its second half, to {@code to} (-1: to the end).
     */
    private static Report withZeroBytes(int from, int to) throws IOException {
        Path copy = copyOfTheLog("zeros");
        Path segment = LogFormat.segments(copy).get(1);
        byte[] bytes = Files.readAllBytes(segment);
        int record = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\nR ", bytes.length / 2) + 1;
        java.util.Arrays.fill(bytes, record + from, to < 0 ? bytes.length : record + to, (byte) 0);
        Files.write(segment, bytes);
        return LogVerifier.verify(copy, Optional.empty());
    }

    @Test
    void zeroBytesInsideASegmentAreDamageNotItsEnd() throws IOException {
        Report report = withZeroBytes(10, 50);

        assertThat(report.problem()).isPresent();
        assertThat(report.problem().get().problem()).isEqualTo(Problem.DAMAGED);
        assertThat(report.problem().get().file()).isEqualTo(fixture.segments().get(1).getFileName().toString());
    }

    @Test
    void anArchiveWhoseEndWasOverwrittenWithZeroBytesIsTruncated() throws IOException {
        Report report = withZeroBytes(0, -1);

        assertThat(report.problem()).isPresent();
        assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
    }

    @Test
    void aTamperedTimeStampIsDetected() throws IOException {
        Path copy = copyOfTheLog("stamp");
        Path stamps = copy.resolve(LogFormat.TIMESTAMPS_FILE);
        Files.writeString(stamps, Files.readString(stamps).replace("\"firstBatch\":1", "\"firstBatch\":2"));

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_TIMESTAMP);
    }

    @Test
    void aLogSignedUnderAnotherNationalCaFailsAgainstTheRealAnchor(@TempDir Path other) {
        NationalCa foreign = NationalCa.init(other.resolve("ca"), CaSettings.defaults(), java.time.Clock.systemUTC());

        Report report = LogVerifier.verify(fixture.log, Optional.of(foreign.certificate()));

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_CERTIFICATE);
    }

    @Test
    void reopeningCutsOffAnUnsealedTailAndContinuesTheChain() throws IOException {
        Path copy = copyOfTheLog("crash");
        Path last = LogFormat.segments(copy).getLast();
        Files.writeString(last, "R 0/2 - {\"seq\":25,\"prev\":\"" + "0".repeat(64) + "\",\"torn", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        try (LogWriter writer = fixture.open(copy)) {
            assertThat(writer.recoveredBytes()).isPositive();
            assertThat(writer.nextSeq()).isEqualTo(25);
            writer.append(List.of(LogFixture.body("after-crash", 25)));
        }

        Report report = LogVerifier.verify(copy, Optional.empty());
        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(25);
        assertThat(report.files()).isEqualTo(3);
        assertThat(report.unstampedBatches()).isEqualTo(1);
    }

    @Test
    void reopeningRefusesALogDamagedBeforeASignatureAndLeavesItAsItIs() throws IOException {
        Path copy = copyOfTheLog("damaged");
        Path last = LogFormat.segments(copy).getLast();
        String text = Files.readString(last, StandardCharsets.UTF_8);
        int seal = text.indexOf("\nS ");
        assertThat(text.indexOf("\nW ", seal)).as("a signature after the damaged seal").isPositive();
        byte[] damaged = (text.substring(0, seal + 3) + "x" + text.substring(seal + 4)).getBytes(StandardCharsets.UTF_8);
        Files.write(last, damaged);

        assertThatThrownBy(() -> fixture.open(copy))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(last.getFileName().toString())
                .hasMessageContaining("before a signature");
        assertThat(Files.readAllBytes(last)).isEqualTo(damaged);
    }

    @Test
    void aRotationThatCouldNotStartTheNextSegmentIsTriedAgainByTheNextBatch() throws IOException {
        Path log = dir.resolve("rotation-" + ++copies);
        try (LogWriter writer = fixture.open(log)) {
            writer.append(List.of(LogFixture.body("before", 1)));
            Path next = log.resolve(LogFormat.segmentName(writer.nextSeq()));
            Files.createDirectories(next.resolve("in-the-way"));

            assertThatThrownBy(writer::rotate).isInstanceOf(IOException.class);

            Files.delete(next.resolve("in-the-way"));
            Files.delete(next);
            writer.append(List.of(LogFixture.body("after", 2)));
        }

        Report report = LogVerifier.verify(log, Optional.empty());
        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.files()).isEqualTo(2);
    }

    @Test
    void retentionRecordsLetTheChainVerifyFromTheFirstKeptSegment() throws IOException {
        Path copy = copyOfTheLog("retained");
        try (LogWriter writer = fixture.open(copy)) {
            writer.deleteArchive(LogFormat.segments(copy).getFirst());
        }

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(12);
        assertThat(report.firstSeq()).isEqualTo(13);
        assertThat(LogFormat.segments(copy)).extracting(path -> path.getFileName().toString())
                .doesNotContain(LogFormat.segmentName(1)).contains(LogFormat.segmentName(13));
    }

    @Test
    void retentionDeletesOnlyTheOldestArchiveNeverTheSegmentBeingWritten() throws IOException {
        Path copy = copyOfTheLog("retained");
        try (LogWriter writer = fixture.open(copy)) {
            List<Path> segments = LogFormat.segments(copy);
            assertThatThrownBy(() -> writer.deleteArchive(segments.get(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Only the oldest archive");
            writer.deleteArchive(segments.get(0));
            writer.deleteArchive(segments.get(1));
            assertThatThrownBy(() -> writer.deleteArchive(segments.get(2))).as("the segment being written")
                    .isInstanceOf(IllegalArgumentException.class);
            writer.append(List.of(LogFixture.body("after-retention", 25)));
        }

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem()).isEmpty();
        assertThat(report.firstSeq()).isEqualTo(25);
        assertThat(report.records()).isEqualTo(1);
        assertThat(LogFormat.readDeletions(copy)).extracting(LogFormat.Deletion::firstSeq).containsExactly(1L, 13L);
    }

    /**
     * Changes one byte at each of {@code offsets} of {@code file} in {@code copy} in turn ('A' to 'B', a line end to a
     * space, any other byte in its lowest bit), verifies the copy each time, and returns the offsets whose change went
     * unnoticed; the file is restored afterwards.
     */
    private static List<Integer> unnoticedByteChanges(Path copy, Path file, List<Integer> offsets) throws IOException {
        byte[] original = Files.readAllBytes(file);
        List<Integer> unnoticed = new ArrayList<>();
        for (int i : offsets) {
            byte[] changed = original.clone();
            changed[i] = (byte) (changed[i] == 'A' ? 'B' : changed[i] == '\n' ? ' ' : changed[i] ^ 0x01);
            Files.write(file, changed);
            if (LogVerifier.verify(copy, Optional.empty()).ok()) {
                unnoticed.add(i);
            }
        }
        Files.write(file, original);
        return unnoticed;
    }

    /**
     * The offsets of a log file to change: every byte of the first seal and the first signature line, of the header's
     * fields before its certificates (except its creation time, see {@link #changingTheCreationTimeOfASegmentIsDetected})
     * and of the time-stamp line before its token; every 11th byte of the token and every 29th byte of everything else
     * (records, certificates, the other seals and signatures). A sample: every byte of the whole log takes 40 s.
     */
    private static List<Integer> offsetsToChange(String text) {
        List<Integer> offsets = new ArrayList<>();
        boolean sealSeen = false;
        boolean signatureSeen = false;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            char tag = text.charAt(lineStart);
            int denseFrom = lineStart;
            int denseTo = lineEnd + 1;
            int skipFrom = -1;
            int skipTo = -1;
            int sparse = 29;
            if (tag == 'H') {
                denseTo = text.indexOf("\"certificates\"", lineStart);
                skipFrom = text.indexOf("\"createdAt\"", lineStart);
                skipTo = text.indexOf(',', skipFrom);
            } else if (tag == 'S' && !sealSeen) {
                sealSeen = true;
            } else if (tag == 'W' && !signatureSeen) {
                signatureSeen = true;
            } else if (tag == 'T') {
                denseTo = text.indexOf("\"token\"", lineStart);
                sparse = 11;
            } else {
                denseTo = lineStart;
            }
            for (int i = lineStart; i <= lineEnd; i++) {
                boolean dense = i >= denseFrom && i < denseTo && (i < skipFrom || i >= skipTo);
                if (dense || i % sparse == 0 && (i < skipFrom || i >= skipTo)) {
                    offsets.add(i);
                }
            }
            lineStart = lineEnd + 1;
        }
        return offsets;
    }

    @Test
    void changingSampledBytesOfEveryKindOfLineIsDetected() throws IOException {
        Path copy = copyOfTheLog("bytes");
        List<Path> files = new ArrayList<>(LogFormat.segments(copy));
        files.add(copy.resolve(LogFormat.TIMESTAMPS_FILE));
        List<String> unnoticed = new ArrayList<>();
        int changed = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            List<Integer> offsets = offsetsToChange(text);
            changed += offsets.size();
            for (int i : unnoticedByteChanges(copy, file, offsets)) {
                int lineStart = text.lastIndexOf('\n', i - 1) + 1;
                unnoticed.add(file.getFileName() + " byte " + i + ": " + text.substring(Math.max(lineStart, i - 20), i) + "[" + text.charAt(i) + "]");
            }
        }

        assertThat(changed).isGreaterThan(1500);
        assertThat(unnoticed).as("changes that went unnoticed").isEmpty();
    }

    @Test
    void changingTheCreationTimeOfASegmentIsDetected() throws IOException {
        Path copy = copyOfTheLog("created");
        List<String> unnoticed = new ArrayList<>();
        for (Path file : LogFormat.segments(copy)) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            int from = text.indexOf("\"createdAt\"");
            List<Integer> offsets = java.util.stream.IntStream.range(from, text.indexOf(',', from)).boxed().toList();
            unnoticedByteChanges(copy, file, offsets).forEach(i -> unnoticed.add(file.getFileName() + " byte " + i));
        }

        assertThat(unnoticed).as("changes of a header's createdAt that went unnoticed").isEmpty();
    }

    @Test
    void aSegmentHeaderChangedAfterItWasSignedIsNamedAsAnEditOfThatHeader() throws IOException {
        // retention deletes archives by their header's creation time: moving it back must not go unnoticed
        Report report = tampered(0, lines -> {
            lines.set(0, lines.get(0).replaceFirst("\"createdAt\":\"\\d{4}", "\"createdAt\":\"1999"));
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.EDITED);
        assertThat(report.problem().get().line()).isEqualTo(1);
        assertThat(report.problem().get().message()).contains("segment header", "a header field was changed");
    }

    @Test
    void aSignatureLineNamingAnotherHeaderIsNamedAsABadSignatureNotAsAnEditedHeader() throws IOException {
        long[] signatureLine = {0};
        Report report = tampered(0, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("W ")) {
                    String line = lines.get(i);
                    int at = line.indexOf("\"header\":\"") + "\"header\":\"".length();
                    lines.set(i, line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1));
                    signatureLine[0] = i + 1;
                    break;
                }
            }
            return lines;
        });

        assertThat(signatureLine[0]).isPositive();
        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(report.problem().get().line()).isEqualTo(signatureLine[0]);
    }

    @Test
    void swappingRecordsAcrossABatchBoundaryNamesTheFirstOneOutOfOrder() throws IOException {
        // the last record of batch 1 (record 4) and the first of batch 2 (record 5), a seal line between them
        Report report = tampered(0, lines -> {
            assertThat(lines.get(5)).startsWith("S ");
            String record4 = lines.get(4);
            lines.set(4, lines.get(6));
            lines.set(6, record4);
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.REORDERED);
        assertThat(report.problem().get().seq()).isEqualTo(4);
        assertThat(report.problem().get().line()).isEqualTo(5);
    }

    @Test
    void anEditedSeqNamesTheRecordInItsPlace() throws IOException {
        Report report = tampered(0, lines -> {
            lines.set(3, lines.get(3).replace("{\"seq\":3,", "{\"seq\":9,"));
            return lines;
        });

        assertThat(report.problem().get().problem()).isEqualTo(Problem.EDITED);
        assertThat(report.problem().get().seq()).isEqualTo(3);
        assertThat(report.problem().get().message()).contains("now claiming 9");
    }

    @Test
    void swappingTheContentsOfTwoSegmentFilesNamesTheFirstRecordOutOfOrder() throws IOException {
        Path copy = copyOfTheLog("swapped");
        List<Path> segments = LogFormat.segments(copy);
        Path aside = copy.resolve("aside");
        Files.move(segments.get(0), aside);
        Files.move(segments.get(1), segments.get(0));
        Files.move(aside, segments.get(1));

        Report report = LogVerifier.verify(copy, Optional.empty());

        assertThat(report.problem().get().problem()).isEqualTo(Problem.REORDERED);
        assertThat(report.problem().get().seq()).isEqualTo(1);
        assertThat(report.problem().get().file()).isEqualTo(segments.get(0).getFileName().toString());
    }

    @Test
    void aDeletedMiddleArchiveNamesTheFirstMissingRecord() throws IOException {
        Path log = dir.resolve("three-" + ++copies);
        fixture.write(log, 3, 3, 4);
        Files.delete(LogFormat.segments(log).get(1));

        Report report = LogVerifier.verify(log, Optional.empty());

        assertThat(report.problem().get().seq()).isEqualTo(13);
        // from the files alone a deleted archive and a previous segment cut at a signature look the same
        assertThat(report.problem().get().problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(report.problem().get().message()).contains("records 13..24 are missing");
        assertThat(report.problem().get().file()).isEqualTo(LogFormat.segmentName(25));
    }

    @Test
    void anArchiveReplacedByAnotherGatewaysIsNamed(@TempDir Path other) throws IOException {
        Path otherLog = other.resolve("log");
        try (LogWriter writer = fixture.open(otherLog, LogFixture.OTHER_GATEWAY, fixture.otherGateway())) {
            for (int b = 0; b < 3; b++) {
                writer.append(List.of(LogFixture.body("x", 1), LogFixture.body("y", 2), LogFixture.body("z", 3),
                        LogFixture.body("w", 4)));
            }
            writer.rotate();
            writer.append(List.of(LogFixture.body("v", 13)));
        }
        Path copy = copyOfTheLog("foreign");
        Files.copy(LogFormat.segments(otherLog).get(1), LogFormat.segments(copy).get(1),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Report report = LogVerifier.verify(copy, Optional.of(fixture.ca.certificate()));

        assertThat(report.problem().get().problem()).isEqualTo(Problem.INSERTED);
        assertThat(report.problem().get().seq()).isEqualTo(13);
        assertThat(report.problem().get().message()).contains(LogFixture.OTHER_GATEWAY);
    }

    @Test
    void recordsSignedWithAnotherGatewaysCertificateUnderThisGatewaysNameFail(@TempDir Path other) throws IOException {
        Path log = other.resolve("log");
        try (LogWriter writer = fixture.open(log, LogFixture.GATEWAY, fixture.otherGateway())) {
            writer.append(List.of(LogFixture.body("forged", 1)));
        }

        Report report = LogVerifier.verify(log, Optional.of(fixture.ca.certificate()));

        assertThat(report.problem().get().problem()).isEqualTo(Problem.BAD_CERTIFICATE);
        assertThat(report.problem().get().message()).contains("issued to " + LogFixture.OTHER_GATEWAY, "not to gateway " + LogFixture.GATEWAY);
    }

    /**
     * A log in format {@code /2}, as gateways wrote before signature lines signed their segment's header: the fixture's
     * log with each header marked {@code /2} and each signature line signed again without the header's hash.
     */
    private static Path formatTwoCopy() throws Exception {
        Path copy = copyOfTheLog("format2");
        for (Path segment : LogFormat.segments(copy)) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(segment)) {
                if (line.startsWith("H ")) {
                    line = line.replace(LogFormat.FORMAT, LogFormat.FORMAT_2);
                } else if (line.startsWith("W ")) {
                    LogFormat.SignedWindow window = LogFormat.SignedWindow.parse(line.substring(2));
                    tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode)
                            LogFormat.JSON.readTree(window.signedText());
                    node.remove("header");
                    String text = LogFormat.JSON.writeValueAsString(node);
                    java.security.Signature signer = java.security.Signature.getInstance(window.algorithm());
                    signer.initSign(fixture.gateway.privateKey());
                    signer.update(text.getBytes(StandardCharsets.UTF_8));
                    line = "W " + text + " " + java.util.Base64.getEncoder().encodeToString(signer.sign());
                }
                lines.add(line);
            }
            Files.writeString(segment, String.join("\n", lines) + "\n");
        }
        return copy;
    }

    @Test
    void aLogInTheEarlierFormatTwoStillVerifiesAndItsEvidenceToo() throws Exception {
        Path log = formatTwoCopy();
        assertThat(Files.readString(LogFormat.segments(log).getFirst())).contains(LogFormat.FORMAT_2)
                .doesNotContain("\"header\":");

        assertThat(LogVerifier.verify(log, Optional.of(fixture.ca.certificate())).problem()).isEmpty();
        byte[] evidence = Evidence.export(log, "id-5", Optional.empty()).orElseThrow();
        assertThat(Evidence.verify(evidence, Optional.of(fixture.ca.certificate())).records()).hasSize(1);
    }

    @Test
    void anEditedRecordOfAFormatTwoLogIsStillNamed() throws Exception {
        Path log = formatTwoCopy();
        Path segment = LogFormat.segments(log).getFirst();
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        int record = lines.indexOf(lines.stream().filter(l -> l.startsWith("R ")).skip(2).findFirst().orElseThrow());
        lines.set(record, lines.get(record).replace("/items/3", "/items/9"));
        Files.writeString(segment, String.join("\n", lines) + "\n");

        Report report = LogVerifier.verify(log, Optional.empty());

        assertThat(report.problem().get().problem()).isEqualTo(Problem.EDITED);
        assertThat(report.problem().get().seq()).isEqualTo(3);
    }

    @Test
    void aGatewayWhoseIdHoldsCharactersACommonNameEscapesVerifiesItsOwnLog(@TempDir Path other) throws IOException {
        String gateway = "VN/GOV/TEST.A,B/gw+1=x";
        IssuedCertificate certificate = fixture.ca.issueGatewayCertificate(GatewayCertificateRequest.of(
                GatewayId.parse(gateway), List.of("localhost"), List.of()));
        assertThat(LogVerifier.checkIssuedTo(certificate.certificate(), gateway)).isEmpty();
        Path log = other.resolve("log");
        try (LogWriter writer = fixture.open(log, gateway, certificate)) {
            writer.append(List.of(LogFixture.body("escaped", 1)));
        }

        assertThat(LogVerifier.verify(log, Optional.of(fixture.ca.certificate())).problem()).isEmpty();
    }

    @Test
    void theCommandLineNamesTheFirstDeletedRecordAndWhereARetainedChainStarts() throws IOException {
        Path deleted = copyOfTheLog("cli-deleted");
        Path first = LogFormat.segments(deleted).getFirst();
        List<String> lines = new ArrayList<>(Files.readAllLines(first));
        assertThat(seqOf(lines.remove(7))).isEqualTo(6); // line 8: the second record of batch 2
        Files.writeString(first, String.join("\n", lines) + "\n");
        Path retained = copyOfTheLog("cli-retained");
        try (LogWriter writer = fixture.open(retained)) {
            writer.deleteArchive(LogFormat.segments(retained).getFirst());
        }
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int failed = LogCommand.run(new String[] {"verify", deleted.toString()}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        String failure = out.toString();
        out.reset();
        int ok = LogCommand.run(new String[] {"verify", retained.toString()}, new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(failed).isEqualTo(1);
        assertThat(failure).contains("FAILED after 5 good records. First problem: DELETED record 6 (messages-000000000001.log line 8)");
        assertThat(ok).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK: 12 records", "the chain starts at record 13: records 1..12 were deleted"
                + " under the retention policy (retention.log)");
    }

    @Test
    void aLargeLogWithManySignedWindowsVerifies() throws IOException {
        // Its speed is measured with `ndp log verify` on the benchmark's logs (BENCHMARKS.md), not timed here.
        Path big = dir.resolve("big");
        try (LogWriter writer = fixture.open(big)) {
            for (int b = 0; b < 200; b++) {
                List<byte[]> bodies = new ArrayList<>();
                for (int r = 0; r < 100; r++) {
                    bodies.add(LogFixture.body("bulk-" + b + "-" + r, r));
                }
                writer.append(bodies);
                if (b % 7 == 6) {
                    writer.signPending();
                }
            }
        }

        Report report = LogVerifier.verify(big, Optional.empty());

        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(20_000);
        assertThat(report.batches()).isEqualTo(200);
        assertThat(report.unsignedBatches()).isZero();
        assertThat(Files.readAllLines(LogFormat.segments(big).getFirst()).stream().filter(line -> line.startsWith("W ")))
                .hasSize(29);
    }
}
