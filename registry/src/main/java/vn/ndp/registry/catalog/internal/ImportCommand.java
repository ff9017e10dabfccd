package vn.ndp.registry.catalog.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.ndp.registry.catalog.PlatformImport;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * {@code ./ndp import platforms FILE}: runs the import with a progress bar,
 * prints a summary (or every problem as {@code line N, column X: why}), closes
 * the application and ends the JVM with 0 (imported), 1 (rejected, nothing
 * written) or 2 (the file cannot be read).
 */
@Component
@ConditionalOnProperty(name = "ndp.command", havingValue = "import-platforms")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int IMPORTED = 0;
    static final int REJECTED = 1;
    static final int UNREADABLE = 2;

    /** Below this many rows no progress bar is drawn. */
    private static final int LARGE = 5000;

    private final PlatformImport platformImport;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    ImportCommand(PlatformImport platformImport, ConfigurableApplicationContext context,
            @Value("${ndp.import.file}") Path file) {
        this.platformImport = platformImport;
        this.context = context;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = importFile();
        out.flush();
        err.flush();
        // other components may keep non-daemon threads; a command must end when its work is done
        System.exit(SpringApplication.exit(context, this));
    }

    int importFile() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        long started = System.nanoTime();
        Bar bar = new Bar(err);
        try {
            var report = platformImport.importFile(file.getFileName().toString(), content, bar,
                    "import (" + System.getProperty("user.name") + ")");
            double seconds = (System.nanoTime() - started) / 1e9;
            bar.end();
            if (!report.ignoredColumns().isEmpty()) {
                err.println("Ignored columns (not part of the platform format): "
                        + String.join(", ", report.ignoredColumns()));
            }
            out.printf(Locale.ROOT, "Imported %s: %d created, %d updated, %d unchanged in %.1f s (%.0f rows/s)%n",
                    file.getFileName(), report.created(), report.updated(), report.unchanged(), seconds,
                    report.rows() / Math.max(seconds, 1e-3));
            return IMPORTED;
        } catch (RegistryException e) {
            bar.end();
            err.println(e.getMessage());
            for (var error : e.errors()) {
                StringBuilder line = new StringBuilder("  ");
                if (error.line() != null) {
                    line.append("line ").append(error.line());
                }
                if (error.field() != null && !error.field().isEmpty()) {
                    line.append(line.length() > 2 ? ", " : "").append("column ").append(error.field());
                }
                err.println(line.append(": ").append(error.message()));
            }
            return e.errors().isEmpty() && e.code() != ErrorCode.IMPORT_REJECTED
                    ? UNREADABLE : REJECTED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** A one-line progress bar on the terminal, drawn only for large files. */
    private static final class Bar implements PlatformImport.Progress {

        private static final int WIDTH = 40;

        private final PrintStream err;
        private int lastRead;
        private boolean drawn;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void read(int rows) {
            if (rows - lastRead >= LARGE) {
                lastRead = rows;
                drawn = true;
                err.printf(Locale.ROOT, "\rReading  %,d rows", rows);
            }
        }

        @Override
        public void written(int rows, int of) {
            if (of < LARGE) {
                return;
            }
            if (!drawn) {
                drawn = true;
            } else if (rows <= LARGE) {
                err.println();
            }
            int done = (int) ((long) rows * WIDTH / of);
            err.printf(Locale.ROOT, "\rWriting  [%s%s] %,d/%,d", "#".repeat(done), " ".repeat(WIDTH - done), rows,
                    of);
        }

        void end() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }
    }
}
