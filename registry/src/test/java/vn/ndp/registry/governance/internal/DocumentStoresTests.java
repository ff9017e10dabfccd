package vn.ndp.registry.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ndp.registry.governance.GovernanceSettings;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

class DocumentStoresTests {

    static GovernanceSettings withDirectory(Path directory) {
        GovernanceSettings d = GovernanceSettings.defaults();
        return new GovernanceSettings(d.criteria(), d.reevaluationInterval(), d.dueSoon(), d.reviewedFields(),
                d.directFields(), d.maxDocumentSize(), d.documentTypes(), d.decisionIssuer(), directory);
    }

    @Test
    void withoutADirectoryNewDocumentsGoToTheDatabase() {
        DocumentStores stores = new DocumentStores(GovernanceSettings.defaults());

        DocumentStore.Placement placement = stores.forNewDocuments().keep("a".repeat(64), new byte[] {1, 2});

        assertThat(placement.location()).isEqualTo(DocumentStore.Location.DATABASE);
        assertThat(placement.inRow()).containsExactly(1, 2);
    }

    @Test
    void aDocumentKeptInADirectoryIsRefusedWhenNoDirectoryIsConfiguredNamingTheSetting() {
        DocumentStores stores = new DocumentStores(GovernanceSettings.defaults());
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> stores.holding(id, DocumentStore.Location.DIRECTORY))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE))
                .hasMessageContaining(id.toString()).hasMessageContaining("ndp.governance.document-directory");
    }

    @Test
    void documentsInTheDatabaseAreReadFromTheirRowWhenADirectoryIsConfigured(@TempDir Path directory) {
        DocumentStores stores = new DocumentStores(withDirectory(directory));
        DocumentStore.Placement inRow = new DocumentStore.Placement(DocumentStore.Location.DATABASE, new byte[] {7});

        assertThat(stores.forNewDocuments().keep("b".repeat(64), new byte[] {1}).location())
                .isEqualTo(DocumentStore.Location.DIRECTORY);
        assertThat(stores.holding(UUID.randomUUID(), DocumentStore.Location.DATABASE)
                .read(UUID.randomUUID(), "c".repeat(64), inRow)).containsExactly(7);
    }

    @Test
    void aDirectoryThatCannotBeCreatedStopsTheStartWithTheSettingNamed(@TempDir Path parent) throws Exception {
        Path file = Files.writeString(parent.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> new DocumentStores(withDirectory(file.resolve("documents"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ndp.governance.document-directory");
    }

    @Test
    void onlyAHexDigestNamesAFileSoNoPathCanEscapeTheDirectory(@TempDir Path directory) {
        DirectoryDocumentStore store = new DirectoryDocumentStore(directory);

        assertThatThrownBy(() -> store.file("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.file("ab".repeat(32)))
                .isEqualTo(directory.toAbsolutePath().normalize().resolve("ab/ab/" + "ab".repeat(32)));
    }
}
