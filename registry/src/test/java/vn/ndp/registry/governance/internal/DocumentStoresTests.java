package vn.ndp.registry.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.registry.governance.GovernanceSettings;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

class DocumentStoresTests {

    /** File times are the system\'s: the store compares them with this clock. */
    private static final Clock CLOCK = Clock.systemUTC();

    static GovernanceSettings withDirectory(Path directory) {
        GovernanceSettings d = GovernanceSettings.defaults();
        return new GovernanceSettings(d.criteria(), d.reevaluationInterval(), d.dueSoon(), d.reviewedFields(),
                d.directFields(), d.maxDocumentSize(), d.documentTypes(), d.decisionIssuer(), directory);
    }

    @Test
    void withoutADirectoryNewDocumentsGoToTheDatabase() {
        DocumentStores stores = new DocumentStores(GovernanceSettings.defaults(), CLOCK);

        DocumentStore.Placement placement = stores.forNewDocuments().keep("a".repeat(64), new byte[] {1, 2});

        assertThat(placement.location()).isEqualTo(DocumentStore.Location.DATABASE);
        assertThat(placement.inRow()).containsExactly(1, 2);
    }

    @Test
    void aDocumentKeptInADirectoryIsRefusedWhenNoDirectoryIsConfiguredNamingTheSetting() {
        DocumentStores stores = new DocumentStores(GovernanceSettings.defaults(), CLOCK);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> stores.holding(id, DocumentStore.Location.DIRECTORY))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE))
                .hasMessageContaining(id.toString()).hasMessageContaining("ndp.governance.document-directory");
    }

    @Test
    void documentsInTheDatabaseAreReadFromTheirRowWhenADirectoryIsConfigured(@TempDir Path directory) {
        DocumentStores stores = new DocumentStores(withDirectory(directory), CLOCK);
        DocumentStore.Placement inRow = new DocumentStore.Placement(DocumentStore.Location.DATABASE, new byte[] {7});

        assertThat(stores.forNewDocuments().keep("b".repeat(64), new byte[] {1}).location())
                .isEqualTo(DocumentStore.Location.DIRECTORY);
        assertThat(stores.holding(UUID.randomUUID(), DocumentStore.Location.DATABASE)
                .read(UUID.randomUUID(), "c".repeat(64), inRow)).containsExactly(7);
    }

    @Test
    void aDirectoryThatCannotBeCreatedStopsTheStartWithTheSettingNamed(@TempDir Path parent) throws Exception {
        Path file = Files.writeString(parent.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> new DocumentStores(withDirectory(file.resolve("documents")), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ndp.governance.document-directory");
    }

    @Test
    void onlyAHexDigestNamesAFileSoNoPathCanEscapeTheDirectory(@TempDir Path directory) {
        DirectoryDocumentStore store = new DirectoryDocumentStore(directory, CLOCK);

        assertThatThrownBy(() -> store.file("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.file("ab".repeat(32)))
                .isEqualTo(directory.toAbsolutePath().normalize().resolve("ab/ab/" + "ab".repeat(32)));
    }

    @Test
    void openingTheStoreRemovesOnlyTheTemporaryFilesOfUploadsAbandonedOverAnHourAgo(@TempDir Path directory)
            throws Exception {
        byte[] content = "Quyết định số 1/QĐ-BKHCN".getBytes(StandardCharsets.UTF_8);
        String sha256 = Hashes.hex(Hashes.sha256(content));
        DirectoryDocumentStore first = new DirectoryDocumentStore(directory, CLOCK);
        first.keep(sha256, content);
        Path folder = first.file(sha256).getParent();
        Path abandoned = Files.writeString(folder.resolve("." + sha256.substring(0, 8) + "-4242424242.tmp"), "half");
        Path inProgress = Files.writeString(folder.resolve("." + sha256.substring(0, 8) + "-77.tmp"), "half");
        Path someoneElses = Files.writeString(folder.resolve("notes.tmp"), "not ours");
        FileTime twoHoursAgo = FileTime.from(CLOCK.instant().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(abandoned, twoHoursAgo);
        Files.setLastModifiedTime(someoneElses, twoHoursAgo);

        DirectoryDocumentStore reopened = new DirectoryDocumentStore(directory, CLOCK);

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(someoneElses).exists();
        assertThat(reopened.read(UUID.randomUUID(), sha256, null)).isEqualTo(content);
    }
}
