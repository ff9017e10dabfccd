package vn.ndp.registry.lists.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.lists.ListDiff;
import vn.ndp.registry.lists.ListEntry;
import vn.ndp.registry.lists.ListField;
import vn.ndp.registry.lists.ListVersion;
import vn.ndp.registry.lists.OfficialLists;
import vn.ndp.registry.lists.UndatedPlatform;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.ProblemApi;
import vn.ndp.registry.shared.RegistryException;

@ProblemApi
@RequestMapping("/api/v1/lists")
@Tag(name = "Official lists")
class ListApi {

    static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OfficialLists lists;
    private final ListDocuments documents;

    ListApi(OfficialLists lists, ListDocuments documents) {
        this.lists = lists;
        this.documents = documents;
    }

    /**
     * {@code dateUnknown}: the platforms of its statuses the version left out because their listing date was unknown
     * when it was published (a version dated before its publication day counts only platforms known to be listed on
     * its date); empty when none was.
     */
    record Summary(UUID id, String title, String documentNumber, LocalDate documentDate, String issuer, String note,
            List<String> statuses, OffsetDateTime publishedAt, String publishedBy, int platformCount,
            List<Undated> dateUnknown, Map<String, String> links) {

        static Summary of(ListVersion v) {
            String self = "/api/v1/lists/" + v.id();
            return new Summary(v.id(), v.title(), v.documentNumber(), v.documentDate(), v.issuer(), v.note(),
                    v.statuses().stream().map(Wire::name).toList(), v.publishedAt(), v.publishedBy(),
                    v.platformCount(), v.undated().stream().map(Undated::of).toList(), Map.of("self", self,
                            "csv", self + ".csv", "xlsx", self + ".xlsx", "pdf", self + ".pdf",
                            "page", "/lists/" + v.id()));
        }
    }

    record Undated(String platformCode, String nameVi, String nameEn, String status) {

        static Undated of(UndatedPlatform u) {
            return new Undated(u.platformCode(), u.nameVi(), u.nameEn(), Wire.name(u.status()));
        }
    }

    record Entry(int position, String platformCode, String ownerCode, String ownerNameVi, String ownerNameEn,
            Map<String, String> fields) {

        static Entry of(ListEntry e) {
            return new Entry(e.position(), e.platformCode(), e.ownerCode(), e.ownerNameVi(), e.ownerNameEn(),
                    e.fields());
        }
    }

    record Detail(Summary version, List<Entry> platforms) {
    }

    record Changed(String platformCode, String nameVi, List<FieldChange<String>> changes) {
    }

    record Diff(Summary before, Summary after, List<Entry> added, List<Entry> removed, List<Changed> changed,
            int unchanged) {

        static Diff of(ListDiff d) {
            return new Diff(Summary.of(d.before()), Summary.of(d.after()), d.added().stream().map(Entry::of).toList(),
                    d.removed().stream().map(Entry::of).toList(),
                    d.changed().stream().map(c -> new Changed(c.platformCode(), c.nameVi(), c.changes().stream()
                            .map(f -> f.map(ListField::key)).toList())).toList(),
                    d.unchanged());
        }
    }

    /** What the authority sends to publish a version; dates as yyyy-MM-dd, statuses as wire names. */
    record PublishRequest(String title, String documentNumber, String documentDate, String issuer, String note,
            List<String> statuses) {
    }

    @GetMapping
    @Operation(summary = "Every published version of the official list, newest document first")
    List<Summary> all() {
        return lists.all().stream().map(Summary::of).toList();
    }

    @GetMapping("/" + ID)
    @Operation(summary = "One list version with its platforms as they stood when it was published")
    Detail get(@PathVariable UUID id) {
        return new Detail(Summary.of(lists.get(id)), lists.entries(id).stream().map(Entry::of).toList());
    }

    @GetMapping("/" + ID + "/diff")
    @Operation(summary = "What changed between this version and 'against', from the older (by document date, then"
            + " publication) to the newer, whichever is 'against': added, removed, changed fields")
    Diff diff(@PathVariable UUID id, @RequestParam(required = false) String against) {
        return Diff.of(lists.diff(id, parseAgainst(against)));
    }

    @GetMapping("/" + ID + ".csv")
    @Operation(summary = "The version as CSV (UTF-8)")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        return file(documents.csv(id), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                documents.fileName(id, "csv"));
    }

    @GetMapping("/" + ID + ".xlsx")
    @Operation(summary = "The version as an XLSX workbook")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
        return file(documents.xlsx(id), XLSX, documents.fileName(id, "xlsx"));
    }

    @GetMapping("/" + ID + ".pdf")
    @Operation(summary = "The version as PDF: title page, platforms grouped by owner, page numbers")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return file(documents.pdf(id), MediaType.APPLICATION_PDF, documents.fileName(id, "pdf"));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a new version from the current catalogue (administrators)", description = "Publishes "
            + "at once and asks for no confirmation. A version dated before today lists only the platforms known to "
            + "be listed on its date: one whose listing date is unknown (no listed_from and no legal basis date) "
            + "counts from today only, so it is left out and named in the answer's dateUnknown, as in the version "
            + "ever after. To have such a platform in the version, give it a listing date before publishing. A "
            + "document (number and issuer) already published is refused (409, LIST_DOCUMENT_PUBLISHED), naming the "
            + "version published from it.")
    ResponseEntity<Summary> publish(@RequestBody PublishRequest request, Authentication authentication) {
        InvalidParameters params = new InvalidParameters();
        LocalDate date = params.date("documentDate", request.documentDate());
        Set<LifecycleStatus> statuses = EnumSet.noneOf(LifecycleStatus.class);
        if (request.statuses() != null) {
            for (String name : request.statuses()) {
                LifecycleStatus status = params.choice("statuses", name, LifecycleStatus.class);
                if (status != null) {
                    statuses.add(status);
                }
            }
        }
        params.throwIfAny();
        ListVersion version = lists.publish(new OfficialLists.Publication(request.title(), request.documentNumber(),
                date, request.issuer(), request.note(), statuses),
                CurrentUser.from(authentication).orElseThrow().username());
        return ResponseEntity.created(URI.create("/api/v1/lists/" + version.id())).body(Summary.of(version));
    }

    static UUID parseAgainst(String against) {
        InvalidParameters params = new InvalidParameters();
        if (against == null || against.isBlank()) {
            params.reject("against", "is required: the id of the version to compare with.",
                    RegistryException.Said.of("param.invalid.against"));
        }
        UUID id = against == null || against.isBlank() ? null : uuid(against.strip());
        if (id == null && against != null && !against.isBlank()) {
            params.reject("against", "is not a list version id (a UUID).",
                    RegistryException.Said.of("param.invalid.againstId"));
        }
        params.throwIfAny();
        return id;
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
