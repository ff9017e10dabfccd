package vn.ndp.registry.governance.internal;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ndp.registry.governance.GovernanceSettings;

/**
 * The {@link DocumentStore} new evidence goes to, as configured ({@code ndp.governance.document-directory}:
 * the directory when set, the database otherwise), and the store that holds an existing document, as its row
 * says: documents in the database stay readable whatever the setting.
 */
@Component
public class DocumentStores {

    private static final Logger log = LoggerFactory.getLogger(DocumentStores.class);

    private final DocumentStore database = new DatabaseDocumentStore();
    private final DirectoryDocumentStore directory;

    DocumentStores(GovernanceSettings settings, Clock clock) {
        directory = settings.documentDirectory() == null ? null
                : new DirectoryDocumentStore(settings.documentDirectory(), clock);
        if (directory != null) {
            log.info("New evidence documents are kept in {}", directory.root());
        }
    }

    /** Where a document uploaded now is kept. */
    public DocumentStore forNewDocuments() {
        return directory != null ? directory : database;
    }

    /** The store that holds the bytes of the document, as its row records. */
    public DocumentStore holding(UUID id, DocumentStore.Location location) {
        return switch (location) {
            case DATABASE -> database;
            case DIRECTORY -> {
                if (directory == null) {
                    log.error("Evidence document {} is kept in a document directory, but"
                            + " ndp.governance.document-directory is not set", id);
                    throw DirectoryDocumentStore.unreadable(id, "it is kept in a document directory and this"
                            + " registry has none configured", "the registry's operator must set"
                            + " ndp.governance.document-directory to the directory it was stored in");
                }
                yield directory;
            }
        };
    }
}
