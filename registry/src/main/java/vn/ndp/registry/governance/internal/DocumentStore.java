package vn.ndp.registry.governance.internal;

import java.util.UUID;

/**
 * Where the bytes of evidence documents are kept: in their row of {@code evidence_document}
 * ({@link DatabaseDocumentStore}) or in a configured directory ({@link DirectoryDocumentStore}).
 * {@link DocumentStores} picks the one new documents go to; each row records which one holds its bytes.
 * A store neither checks documents (that is {@code EvidenceDocuments}' job, before anything is kept) nor
 * verifies what it reads (the caller compares the bytes with the recorded SHA-256).
 */
public interface DocumentStore {

    /** Where a document's bytes are, as its row records it. */
    enum Location {
        DATABASE, DIRECTORY
    }

    /** What a row records about its bytes: where they are, and the bytes themselves when that is the row. */
    record Placement(Location location, byte[] inRow) {
    }

    /**
     * Keeps the bytes of a document whose row is about to be inserted in the caller's transaction.
     *
     * @return what the row must record
     */
    Placement keep(String sha256, byte[] content);

    /**
     * The bytes of the document, as kept; a {@code RegistryException} with
     * {@link vn.ndp.registry.shared.ErrorCode#DOCUMENT_UNREADABLE} naming the document if they cannot be read.
     */
    byte[] read(UUID id, String sha256, Placement placement);
}
