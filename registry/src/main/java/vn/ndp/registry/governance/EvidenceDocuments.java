package vn.ndp.registry.governance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.governance.internal.DocumentRepository;
import vn.ndp.registry.governance.internal.DocumentStores;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.Said;
import vn.ndp.registry.shared.Sizes;

/**
 * Evidence documents: accepted only within the size limit and only when the
 * content is what the name says (magic bytes of PDF, PNG, JPEG; an Office Open
 * XML package with the right part and no macros for DOCX and XLSX). Kept in
 * the database or, when {@code ndp.governance.document-directory} is set, in
 * that directory ({@link DocumentStores}); never opened, rendered or executed by
 * the registry, served back only as attachments with the type it was
 * recognised as, and only when the bytes still match their recorded SHA-256.
 */
@Service
public class EvidenceDocuments {

    private static final Logger log = LoggerFactory.getLogger(EvidenceDocuments.class);

    /** The accepted kinds, with the extensions a name may have and the content type they are served with. */
    public enum Kind {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg");

        private final String contentType;
        private final List<String> extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = List.of(extensions);
        }

        public String contentType() {
            return contentType;
        }
    }

    public record Download(EvidenceDocument document, byte[] content) {
    }

    /** A file as it was uploaded, before any check. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A file that passed {@link #check}: the name it is kept under, its kind and its SHA-256. */
    public record Checked(String fileName, Kind kind, byte[] content, String sha256) {
    }

    /**
     * What a form's file chooser takes, from the configured types: its {@code accept} list ({@code .pdf,.jpg,.jpeg}),
     * the types for its hint ({@code PDF, JPEG}) and the size limit as a person reads it ({@code 20 MB}).
     */
    public record Accepted(String accept, String types, String limit) {
    }

    private final DocumentRepository documents;
    private final DocumentStores stores;
    private final GovernanceSettings settings;
    private final Clock clock;
    private final Accepted accepted;

    EvidenceDocuments(DocumentRepository documents, DocumentStores stores, GovernanceSettings settings,
            Clock clock) {
        this.documents = documents;
        this.stores = stores;
        this.settings = settings;
        this.clock = clock;
        List<Kind> kinds = settings.documentTypes().stream().flatMap(type -> Arrays.stream(Kind.values())
                .filter(kind -> kind.name().equalsIgnoreCase(type))).toList();
        this.accepted = new Accepted(kinds.stream().flatMap(kind -> kind.extensions.stream()).map(e -> "." + e)
                .collect(Collectors.joining(",")), kinds.stream().map(Kind::name).collect(Collectors.joining(", ")),
                Sizes.text(settings.maxDocumentSize()));
    }

    /** What an evidence document form takes: the configured types and the evidence size limit. */
    public Accepted accepted() {
        return accepted;
    }

    /** What a form takes whose files are checked by {@link #inspect(String, byte[], DataSize)} under {@code limit}. */
    public Accepted accepted(DataSize limit) {
        return new Accepted(accepted.accept(), accepted.types(), Sizes.text(limit));
    }

    /**
     * Stores a checked document; the caller has checked who may attach it to the owner. The bytes are kept
     * first (in a directory, a file that outlives a failed transaction is harmless: it is named by its content),
     * then the row is inserted in the caller's transaction, so no row ever names bytes that were not kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    EvidenceDocument store(EvidenceOwner owner, Checked file, String actor) {
        EvidenceDocument document = new EvidenceDocument(UUID.randomUUID(), file.fileName(),
                file.kind().contentType(), file.content().length, file.sha256(), actor, Moments.now(clock));
        documents.insert(owner, document, stores.forNewDocuments().keep(file.sha256(), file.content()));
        return document;
    }

    /**
     * The document, if the user may see what it is attached to: the proposal ({@link RecognitionDesk#get}) or
     * the change request ({@link ChangeDesk#visible}). The desks are arguments, not dependencies, because each of
     * them stores its documents here. Bytes that are missing or no longer match the recorded SHA-256 are never
     * served: {@link ErrorCode#DOCUMENT_UNREADABLE} names the document instead.
     */
    public Download download(UUID id, CurrentUser user, RecognitionDesk proposals, ChangeDesk changes) {
        DocumentRepository.Stored stored = documents.find(id).orElseThrow(() -> notFound(id));
        switch (stored.owner()) {
            case EvidenceOwner.OfProposal proposal -> proposals.get(proposal.id(), user);
            case EvidenceOwner.OfChangeRequest change -> {
                if (!changes.visible(change.id(), user)) {
                    throw notFound(id);
                }
            }
        }
        String recorded = stored.document().sha256();
        byte[] content = stores.holding(id, stored.placement().location()).read(id, recorded, stored.placement());
        if (content == null || !Hashes.hex(Hashes.sha256(content)).equals(recorded)) {
            log.error("Evidence document {} ({}) no longer matches its recorded SHA-256 {}", id,
                    stored.placement().location(), recorded);
            throw new RegistryException(ErrorCode.DOCUMENT_UNREADABLE, "Evidence document " + id + " cannot be"
                    + " downloaded: its stored bytes no longer match the SHA-256 recorded at upload (" + recorded
                    + "). Nothing was served; the registry's operator must restore it from a backup.");
        }
        return new Download(stored.document(), content);
    }

    /**
     * The file under its safe name, checked as {@link #check} does, with its digest: for other modules that
     * keep files of their own under the same rules (support attachments).
     */
    public Checked inspect(String fileName, byte[] content) {
        return inspect(fileName, content, settings.maxDocumentSize());
    }

    /** As {@link #inspect(String, byte[])}, with a size limit of the caller's (support attachments have their own). */
    public Checked inspect(String fileName, byte[] content, DataSize limit) {
        String name = safeName(fileName);
        return new Checked(name, check(name, content, limit), content, Hashes.hex(Hashes.sha256(content)));
    }

    /** What kind of document the content is, refusing anything over the limit or not what its name says. */
    public Kind check(String fileName, byte[] content) {
        return check(fileName, content, settings.maxDocumentSize());
    }

    private Kind check(String fileName, byte[] content, DataSize limit) {
        long max = limit.toBytes();
        if (content == null || content.length == 0) {
            throw rejected(fileName + " is empty.", Said.of("refused.file.empty", fileName));
        }
        if (content.length > max) {
            throw rejected(fileName + " is " + content.length + " bytes; the limit is " + max + " bytes ("
                    + Sizes.text(limit) + ").", Said.of("refused.file.size", fileName, content.length,
                    Sizes.text(limit)));
        }
        String extension = extension(fileName);
        Kind byName = null;
        for (Kind kind : Kind.values()) {
            if (kind.extensions.contains(extension)) {
                byName = kind;
            }
        }
        if (byName == null || !settings.documentTypes().contains(byName.name().toLowerCase(Locale.ROOT))) {
            throw rejected(fileName + ": only " + settings.documentTypes() + " documents are accepted.",
                    Said.of("refused.file.type", fileName, accepted.types()));
        }
        Kind byContent = sniff(content).orElseThrow(() -> rejected(fileName
                + ": the content is not a PDF, DOCX, XLSX, PNG or JPEG document.",
                Said.of("refused.file.content", fileName)));
        if (byContent != byName) {
            throw rejected(fileName + ": the name says " + byName.name() + " but the content is "
                    + byContent.name() + ".", Said.of("refused.file.mismatch", fileName, byName.name(),
                    byContent.name()));
        }
        return byContent;
    }

    static Optional<Kind> sniff(byte[] c) {
        if (startsWith(c, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of(Kind.PDF);
        }
        if (startsWith(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(c, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(c, 0x50, 0x4B, 0x03, 0x04)) {
            return officePackage(c);
        }
        return Optional.empty();
    }

    /** DOCX or XLSX by its main part; packages with macros (vbaProject.bin) are refused. */
    private static Optional<Kind> officePackage(byte[] content) {
        boolean word = false;
        boolean excel = false;
        boolean types = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName();
                types |= name.equals("[Content_Types].xml");
                word |= name.equals("word/document.xml");
                excel |= name.equals("xl/workbook.xml");
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    return Optional.empty();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!types || word == excel) {
            return Optional.empty();
        }
        return Optional.of(word ? Kind.DOCX : Kind.XLSX);
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static RegistryException notFound(UUID id) {
        return new RegistryException(ErrorCode.NOT_FOUND, "No evidence document has the id " + id + ".");
    }

    /** A refused file: {@code detail} for the API, {@code said} naming the file in the reader's language. */
    private static RegistryException rejected(String detail, Said said) {
        return new RegistryException(ErrorCode.DOCUMENT_REJECTED, detail, said);
    }
}
