package vn.ndp.registry.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * Keeps document bytes in a directory, content-addressed: {@code DIR/ab/cd/abcd…} for the SHA-256
 * {@code abcd…}, so the same bytes uploaded twice share one file. A file is written to a temporary file in its
 * own directory, forced to disk, then moved into place atomically: a reader sees the whole file or none.
 * Directories and files are readable by the owner only where the file system has POSIX permissions.
 *
 * <p>A crash between writing a temporary file and moving it into place leaves the temporary file behind
 * ({@code .abcd1234-….tmp}, never a document). Opening the store removes those more than an hour old: younger
 * ones may be another registry instance's upload in progress, when instances share the directory.
 *
 * <p>The file is written before its row is inserted. If the transaction then fails, the file stays without a
 * row: harmless, since it is named by its content and a later upload of the same bytes uses it. This store
 * never deletes a file, because any number of rows may name the same content.
 */
final class DirectoryDocumentStore implements DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDocumentStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TEMPORARY = Pattern.compile("\\.[0-9a-f]{8}-[0-9]+\\.tmp");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path root;
    private final boolean posix;

    DirectoryDocumentStore(Path directory, Clock clock) {
        this.root = directory.toAbsolutePath().normalize();
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(root, ownerOnly(true));
        } catch (IOException e) {
            throw new IllegalStateException("ndp.governance.document-directory: cannot create " + root + " ("
                    + e + "); create it, writable by the registry's user, or unset the setting", e);
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IllegalStateException("ndp.governance.document-directory: " + root
                    + " is not a directory the registry can write to");
        }
        int removed = removeAbandoned(clock.instant().minus(ABANDONED_AFTER));
        if (removed > 0) {
            log.info("Document directory {}: removed {} temporary file(s) left by interrupted uploads", root, removed);
        }
    }

    /**
     * Deletes the temporary files of uploads that never finished, last changed before {@code cutoff}, and says how
     * many. Only names this store gives its temporary files, and only where it puts them, are touched.
     */
    int removeAbandoned(Instant cutoff) {
        int removed = 0;
        try (Stream<Path> files = Files.find(root, 3, (file, attributes) -> attributes.isRegularFile()
                && TEMPORARY.matcher(file.getFileName().toString()).matches()
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    Files.deleteIfExists(file);
                    removed++;
                } catch (IOException e) {
                    log.warn("Could not remove the abandoned temporary file {}: {}", file, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not look for abandoned temporary files in {}: {}", root, e.toString());
        }
        return removed;
    }

    Path root() {
        return root;
    }

    /** The file that holds the content with this digest. */
    Path file(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public Placement keep(String sha256, byte[] content) {
        Path target = file(sha256);
        try {
            if (holds(target, sha256)) {
                return new Placement(Location.DIRECTORY, null);
            }
            Path directory = target.getParent();
            // the sub-directories made now: their names must reach the disk too, in their parents
            boolean newParent = !Files.isDirectory(directory.getParent());
            boolean newDirectory = newParent || !Files.isDirectory(directory);
            Files.createDirectories(directory, ownerOnly(true));
            Path temporary = Files.createTempFile(directory, "." + sha256.substring(0, 8) + "-", ".tmp",
                    ownerOnly(false));
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                // replaces a file that no longer holds its content (altered), so the next download is whole again
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            forceDirectory(directory); // the new name
            if (newDirectory) {
                forceDirectory(directory.getParent());
            }
            if (newParent) {
                forceDirectory(root);
            }
        } catch (IOException e) {
            log.error("Could not write evidence document {} to {}", sha256, target, e);
            throw new RegistryException(ErrorCode.DOCUMENT_STORAGE_UNAVAILABLE, "The document could not be"
                    + " stored (" + e.getClass().getSimpleName() + "); nothing was attached. Try again later; if it"
                    + " fails again, tell the registry's operator that the document directory cannot be written.");
        }
        return new Placement(Location.DIRECTORY, null);
    }

    @Override
    public byte[] read(UUID id, String sha256, Placement placement) {
        Path file = file(sha256);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            log.error("Evidence document {}: its file {} is missing", id, file);
            throw unreadable(id, "its file is missing from the document directory", RESTORE);
        } catch (IOException e) {
            log.error("Evidence document {}: its file {} cannot be read", id, file, e);
            throw unreadable(id, "its file cannot be read (" + e.getClass().getSimpleName() + ")", RESTORE);
        }
    }

    private static final String RESTORE = "the registry's operator must restore the file from a backup";

    /** The refusal of a download, naming the document, what is wrong and who can put it right. */
    static RegistryException unreadable(UUID id, String why, String remedy) {
        return new RegistryException(ErrorCode.DOCUMENT_UNREADABLE, "Evidence document " + id
                + " cannot be downloaded: " + why + ". Nothing was served; " + remedy + ".");
    }

    /** Whether the file exists and holds exactly the content with this digest. */
    private static boolean holds(Path file, String sha256) throws IOException {
        try {
            return Hashes.hex(Hashes.sha256(Files.readAllBytes(file))).equals(sha256);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Makes the new directory entry durable (a rename is only on disk once its directory is). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems (and Windows) cannot open or force a directory; the file itself is on disk
            log.debug("Cannot force directory {}: {}", directory, e.toString());
        }
    }

    private FileAttribute<?>[] ownerOnly(boolean directory) {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"))
        };
    }

}
