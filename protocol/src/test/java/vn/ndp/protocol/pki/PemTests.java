package vn.ndp.protocol.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner-only files every part of NDP writes its secrets and logs with. The test JVM runs with the user's umask
 * (022 on a usual machine), so a file left to the umask would be readable by all, and these assertions would fail.
 */
class PemTests {

    @TempDir
    Path directory;

    @Test
    void aSecretIsTheOwnersAloneFromTheStartAndReplacedWhole() throws Exception {
        Path file = directory.resolve("tokens/usage-token");

        Pem.writeOwnerOnly(file, "first\n");
        Pem.writeOwnerOnly(file, "Bộ Khoa học và Công nghệ\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("Bộ Khoa học và Công nghệ\n");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void anExistingDirectoryOrFileIsMadeTheOwnersAlone() throws Exception {
        // set after creation: permissions given at creation are masked by the umask, which may be 077
        Path logs = Files.setPosixFilePermissions(Files.createDirectory(directory.resolve("messagelog")),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.setPosixFilePermissions(Files.createFile(logs.resolve("records.jsonl")),
                PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");

        Pem.restrictToOwner(logs);
        Pem.restrictToOwner(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aNewFileIsCreatedOwnerOnlyAndAnExistingOneLeftAsItIs() throws Exception {
        Path created = Pem.createOwnerOnly(directory.resolve("timestamps"));
        Path existing = Files.writeString(directory.resolve("retention"), "kept");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(Pem.createOwnerOnly(existing)).isEqualTo(existing);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
        assertThat(Files.size(created)).isZero();
        assertThat(Files.readString(existing)).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");
    }
}
