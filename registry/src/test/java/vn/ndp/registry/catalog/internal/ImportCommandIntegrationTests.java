package vn.ndp.registry.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ndp.registry.RegistryApplication;
import vn.ndp.registry.catalog.CatalogueCsv;

/**
 * Runs {@code ./ndp import platforms} as the launcher does: the registry's main
 * class in a JVM of its own, without a web server, on a fresh data directory.
 */
class ImportCommandIntegrationTests {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private Run importPlatforms(String fileName, byte[] content) throws IOException, InterruptedException {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                RegistryApplication.class.getName(),
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--ndp.data-dir=" + dir.resolve("data"), "--ndp.db.throwaway=true",
                "--ndp.command=import-platforms", "--ndp.import.file=" + file))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the import did not end within 3 minutes: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aGoodFileIsImportedAndTheCommandEndsWithZeroAndASummary() throws Exception {
        Run run = importPlatforms("good.csv", CatalogueCsv.of(
                "TEST-CMD-1,Nền tảng thử một,,BTC,government,platform,central,trial,,,,,",
                "TEST-CMD-2,Nền tảng thử hai,,BCA,society,application,province,in_use,,,,,"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Imported good\\.csv: 2 created, 0 updated, 0 unchanged in [0-9.]+ s");
    }

    @Test
    void aBadFileEndsWithOneAndEveryProblemByLineAndColumn() throws Exception {
        Run run = importPlatforms("bad.csv", CatalogueCsv.of(
                "TEST-CMD-1,Nền tảng thử một,,BTC,government,platform,central,trial,,,,,",
                "TEST-CMD-2,\"Tên\nhai dòng\",,BTC,cloud,platform,central,trial,,,,,",
                "TEST-CMD-3,Nền tảng thử ba,,NOPE,society,platform,central,trial,,,,,www.example.vn"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("Imported");
        assertThat(run.err())
                .contains("3 problem(s) in 'bad.csv'; nothing was imported.")
                .contains("line 3, column category: 'cloud' is not one of [government, economy, society].")
                .contains("line 5, column owner_code: no agency has the code 'NOPE'")
                .contains("line 5, column website: 'www.example.vn' is not an http(s) address.");
    }

    @Test
    void aFileThatIsNotUtf8EndsWithTwoAndSaysHowToSaveIt() throws Exception {
        String file = CatalogueCsv.text(List.of(), "TEST-CMD-1,Hà Nội,,BTC,government,platform,central,trial,,,,,");
        Run run = importPlatforms("latin.csv", file.getBytes(Charset.forName("windows-1258")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not UTF-8", "line 2", "CSV UTF-8");
    }
}
