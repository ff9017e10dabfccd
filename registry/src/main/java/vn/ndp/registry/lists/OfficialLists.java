package vn.ndp.registry.lists;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.lists.internal.ListRepository;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FoldedSearch;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Publishes official list versions and reads them back. Publishing takes the
 * catalogue's platforms of the chosen statuses (by default those configured
 * in {@code ndp.lists.statuses}, "recognised") listed on the document date,
 * with each platform's owner on that date, and freezes them; the version and
 * its audit record commit together. A version dated before today leaves out,
 * and names, the platforms of its statuses whose listing date is unknown.
 */
@Service
public class OfficialLists {

    /** Versions in the order they were issued: by document date, then by publication. */
    private static final Comparator<ListVersion> OLDER_FIRST = Comparator.comparing(ListVersion::documentDate)
            .thenComparing(ListVersion::publishedAt);

    private final ListRepository repository;
    private final Catalog catalog;
    private final Agencies agencies;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<LifecycleStatus> defaultStatuses;

    OfficialLists(ListRepository repository, Catalog catalog, Agencies agencies, AuditLog audit, Clock clock,
            @Value("${ndp.lists.statuses:recognised}") List<String> defaultStatuses) {
        this.repository = repository;
        this.catalog = catalog;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
        EnumSet<LifecycleStatus> statuses = EnumSet.noneOf(LifecycleStatus.class);
        for (String name : defaultStatuses) {
            LifecycleStatus status = Wire.parse(LifecycleStatus.class, name);
            if (status == null) {
                throw new IllegalStateException("ndp.lists.statuses: '" + name + "' is not one of "
                        + Wire.values(LifecycleStatus.class));
            }
            statuses.add(status);
        }
        this.defaultStatuses = Set.copyOf(statuses);
    }

    /**
     * What the authority fills in to publish a version.
     *
     * @param statuses the statuses to freeze; empty or null = the configured default
     */
    public record Publication(String title, String documentNumber, LocalDate documentDate, String issuer,
            String note, Set<LifecycleStatus> statuses) {
    }

    public Set<LifecycleStatus> defaultStatuses() {
        return defaultStatuses;
    }

    /**
     * What publishing {@code publication} now would freeze, without publishing it: how many platforms, and those of
     * its statuses it would leave out because their listing date is unknown (a version dated before today counts
     * only platforms known to be listed on its date). Refused as {@link #publish} would refuse it.
     */
    public Draft draft(Publication publication) {
        Prepared prepared = prepare(publication);
        return new Draft(publication.documentDate(), prepared.entries().size(), prepared.undated());
    }

    /**
     * What a publication dated {@code documentDate} would freeze: {@code platformCount} platforms, leaving out
     * {@code undated}.
     */
    public record Draft(LocalDate documentDate, int platformCount, List<UndatedPlatform> undated) {

        public Draft {
            undated = List.copyOf(undated);
        }
    }

    /**
     * Publishes the version as of its document date. It asks nothing: platforms of its statuses whose listing date is
     * unknown are left out of a version dated before today and named in it ({@link ListVersion#undated()}); a form
     * that has the publisher confirm this asks {@link #draft} first.
     */
    @Transactional
    public ListVersion publish(Publication publication, String actor) {
        repository.lockPublishing();
        Prepared prepared = prepare(publication);
        List<ListEntry> entries = prepared.entries();
        List<LifecycleStatus> ordered = prepared.statuses().stream().sorted().toList();
        ListVersion version = new ListVersion(UUID.randomUUID(), prepared.title(), prepared.number(),
                publication.documentDate(), prepared.issuer(), prepared.note(), ordered, Moments.now(clock),
                actor, entries.size(), prepared.undated());
        repository.insert(version, entries);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", prepared.title());
        detail.put("documentNumber", prepared.number());
        detail.put("documentDate", publication.documentDate().toString());
        detail.put("platforms", entries.size());
        detail.put("statuses", ordered.stream().map(Wire::name).toList());
        if (!prepared.undated().isEmpty()) {
            detail.put("dateUnknown", prepared.undated().stream().map(UndatedPlatform::platformCode).toList());
        }
        audit.record(AuditEvent.LIST_VERSION_PUBLISHED, actor, version.id().toString(), detail);
        return version;
    }

    private record Prepared(String title, String number, String issuer, String note, Set<LifecycleStatus> statuses,
            List<ListEntry> entries, List<UndatedPlatform> undated) {
    }

    /** The publication checked, and what it freezes and leaves out; every field problem named at once. */
    private Prepared prepare(Publication publication) {
        List<FieldError> errors = new ArrayList<>();
        String title = required(publication.title(), "title", 300, errors);
        String number = required(publication.documentNumber(), "documentNumber", 100, errors);
        String issuer = required(publication.issuer(), "issuer", 300, errors);
        String note = publication.note() == null || publication.note().isBlank() ? null : publication.note().strip();
        if (note != null && note.length() > 2000) {
            errors.add(FieldError.of("note", "is " + note.length() + " characters long; at most 2000 are allowed."));
        }
        LocalDate today = agencies.today();
        if (publication.documentDate() == null) {
            errors.add(FieldError.of("documentDate", "is required; " + CalendarDates.EXPECTED + "."));
        } else if (publication.documentDate().isAfter(today)) {
            errors.add(FieldError.of("documentDate", "is after today (" + today + "); a list is published on or "
                    + "after the date of its document."));
        } else if (publication.documentDate().isBefore(PlatformField.EARLIEST_DATE)) {
            // a mistyped year (0202 for 2022), as the catalogue's dates are checked
            errors.add(FieldError.of("documentDate", "'" + publication.documentDate() + "' is not a plausible date:"
                    + " the year must be from " + PlatformField.EARLIEST_DATE.getYear() + " to "
                    + PlatformField.LATEST_DATE.getYear() + "."));
        }
        Set<LifecycleStatus> statuses = publication.statuses() == null || publication.statuses().isEmpty()
                ? defaultStatuses : publication.statuses();
        if (!errors.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "The list version cannot be published: "
                    + errors.size() + " field(s) need attention.", errors);
        }
        refuseIfPublished(number, issuer);
        List<ListEntry> entries = snapshot(statuses, publication.documentDate());
        List<UndatedPlatform> undated = undated(statuses, publication.documentDate(), today);
        if (entries.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "No platform in the catalogue has the status(es) "
                    + statuses.stream().map(Wire::name).sorted().toList() + " on " + publication.documentDate()
                    + "; there is nothing to publish." + (undated.isEmpty() ? "" : " " + undated.size()
                    + " platform(s) with these statuses have no known listing date and count from today only: "
                    + undated.stream().map(UndatedPlatform::platformCode).toList() + "."),
                    List.of(FieldError.of("statuses", "no platform has these statuses.")));
        }
        return new Prepared(title, number, issuer, note, statuses, entries, undated);
    }

    /**
     * Refuses a document (number and issuer, case and spacing aside) from which a version was already published: a
     * version cannot be corrected or withdrawn, so a second one from the same document would only be a copy that
     * readers cannot tell apart. A new document (a new number) makes a new version.
     */
    private void refuseIfPublished(String number, String issuer) {
        String key = documentKey(number, issuer);
        repository.documents().stream().filter(d -> documentKey(d.number(), d.issuer()).equals(key)).findFirst()
                .flatMap(document -> repository.find(document.id())).ifPresent(existing -> {
                    throw new RegistryException(ErrorCode.LIST_DOCUMENT_PUBLISHED, "Document " + number + " of "
                            + issuer + " was already published as the version '" + existing.title() + "' (id "
                            + existing.id() + ", dated " + existing.documentDate() + ", published "
                            + VietnamTime.moment(existing.publishedAt()) + "); see /api/v1/lists/" + existing.id()
                            + ". A version cannot be published twice from one document.",
                            new RegistryException.Said("lists.publish.error.published", List.of(number, issuer,
                                    existing.title(), CalendarDates.vietnamese(existing.documentDate()),
                                    VietnamTime.moment(existing.publishedAt()))));
                });
    }

    private static String documentKey(String number, String issuer) {
        return normalised(number) + "\n" + normalised(issuer);
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every version, newest document first. */
    public List<ListVersion> all() {
        return repository.findAll();
    }

    public ListVersion get(UUID id) {
        return repository.find(id).orElseThrow(() -> new RegistryException(ErrorCode.LIST_VERSION_NOT_FOUND,
                "No official list version has the id '" + id + "'; see /api/v1/lists."));
    }

    /** The version's platforms in list order (grouped by owner, then by name). */
    public List<ListEntry> entries(UUID id) {
        get(id);
        return repository.entries(id);
    }

    /**
     * What changed between the two versions, from the older (by document date, then by publication) to the newer,
     * whichever of them is {@code against}: "added" always means added later.
     */
    public ListDiff diff(UUID id, UUID against) {
        ListVersion one = get(id);
        ListVersion other = get(against);
        boolean oneFirst = OLDER_FIRST.compare(one, other) <= 0;
        ListVersion before = oneFirst ? one : other;
        ListVersion after = oneFirst ? other : one;
        return ListDiff.between(before, repository.entries(before.id()), after, repository.entries(after.id()));
    }


    private List<ListEntry> snapshot(Set<LifecycleStatus> statuses, LocalDate date) {
        record Row(String ownerSort, String nameSort, String code, Agency owner, Map<String, String> fields) {
        }
        List<Row> rows = new ArrayList<>();
        for (LifecycleStatus status : statuses) {
            PlatformQuery query = new PlatformQuery(null, null, null, null, status, null, date, 1,
                    PlatformQuery.MAX_SIZE, PlatformQuery.Sort.CODE);
            catalog.forEachMatch(query, (PlatformPage.Hit hit) -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (ListField field : ListField.values()) {
                    fields.put(field.key(), field.of(hit.platform(), hit.owner()));
                }
                rows.add(new Row(FoldedSearch.fold(hit.owner().nameVi()), FoldedSearch.fold(hit.platform().nameVi()),
                        hit.platform().code(), hit.owner(), fields));
            });
        }
        rows.sort(Comparator.comparing(Row::ownerSort).thenComparing(Row::nameSort).thenComparing(Row::code));
        List<ListEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(new ListEntry(entries.size() + 1, row.code(), row.owner().code(), row.owner().nameVi(),
                    row.owner().nameEn(), row.fields()));
        }
        return entries;
    }

    /**
     * The platforms of {@code statuses} that a version dated {@code date} leaves out because their listing date is
     * unknown: none when the date is today, as such a platform counts from today on. Each is taken by the status in
     * force on {@code date} ({@link Platform#statusOn}), as the version's own platforms are by the search's as-of
     * status filter, not by today's: one in use then but retired since is named, one in trial then is not. In code
     * order, as {@link Catalog#forEachUndated} gives them.
     */
    private List<UndatedPlatform> undated(Set<LifecycleStatus> statuses, LocalDate date, LocalDate today) {
        List<UndatedPlatform> undated = new ArrayList<>();
        if (!date.isBefore(today)) {
            return undated;
        }
        catalog.forEachUndated(p -> {
            LifecycleStatus then = p.statusOn(date);
            if (statuses.contains(then)) {
                undated.add(new UndatedPlatform(p.code(), p.nameVi(), p.nameEn(), then));
            }
        });
        return undated;
    }

    private static String required(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required."));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.add(FieldError.of(field, "is " + stripped.length() + " characters long; at most " + max
                    + " are allowed."));
        }
        return stripped;
    }
}
