package vn.ndp.registry.catalog.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.ndp.registry.catalog.PlatformImport;
import vn.ndp.registry.shared.RegistryException;

/** {@code ./ndp import platforms FILE}: runs the import with a progress bar and exits. */
@Component
@ConditionalOnProperty(name = "ndp.command", havingValue = "import-platforms")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final PlatformImport platformImport;
    private final Path file;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    ImportCommand(PlatformImport platformImport, @Value("${ndp.import.file}") Path file) {
        this.platformImport = platformImport;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            exitCode = 2;
            return;
        }
        long started = System.nanoTime();
        try {
            var report = platformImport.importFile(file.getFileName().toString(), content, new Bar(err));
            double seconds = (System.nanoTime() - started) / 1e9;
            err.println();
            out.printf("Imported %s: %d created, %d updated in %.1f s%n", file.getFileName(), report.created(),
                    report.updated(), seconds);
        } catch (RegistryException e) {
            err.println();
            err.println(e.getMessage());
            for (var error : e.errors()) {
                err.println((error.line() == null ? "" : "  line " + error.line() + ", ")
                        + "column " + error.field() + ": " + error.message());
            }
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** A one-line progress bar on the terminal. */
    private static final class Bar implements PlatformImport.Progress {

        private final PrintStream err;
        private int lastRead;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void read(int rows) {
            if (rows - lastRead >= 5000) {
                lastRead = rows;
                err.printf("\rReading... %,d rows", rows);
            }
        }

        @Override
        public void written(int rows, int of) {
            int width = 40;
            int done = (int) ((long) rows * width / of);
            err.printf("\rWriting [%s%s] %,d/%,d", "#".repeat(done), " ".repeat(width - done), rows, of);
        }
    }
}
