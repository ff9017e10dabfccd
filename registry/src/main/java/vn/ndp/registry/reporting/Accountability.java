package vn.ndp.registry.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FoldedSearch;
import vn.ndp.registry.shared.RegistryException;

/**
 * Which ministries, ministerial-level and government agencies have announced
 * platforms — own at least one in the catalogue on the date, counting the
 * platforms of the bodies merged into them — and which have not, with the date
 * their platforms were last updated; and reminders to those that have not.
 */
@Service
public class Accountability {

    private final Agencies agencies;
    private final Catalog catalog;
    private final Notices notices;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    Accountability(Agencies agencies, Catalog catalog, Notices notices, AuditLog audit, JdbcClient jdbc) {
        this.agencies = agencies;
        this.catalog = catalog;
        this.notices = notices;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** One central agency: how many platforms it owns on the date and when they last changed (null if none). */
    public record AgencyStatus(Agency agency, List<String> platformCodes, OffsetDateTime lastUpdate) {

        public int platforms() {
            return platformCodes.size();
        }

        public boolean announced() {
            return !platformCodes.isEmpty();
        }
    }

    public record Report(LocalDate asOf, List<AgencyStatus> announced, List<AgencyStatus> notAnnounced) {

        public int total() {
            return announced.size() + notAnnounced.size();
        }
    }

    public Report report(LocalDate asOf) {
        LocalDate date = asOf == null ? agencies.today() : asOf;
        List<Agency> central = agencies.list(null, date, null).stream().filter(a -> a.kind().isCentral()).toList();
        return compute(date, central,
                code -> catalog.ownedBy(code, date).stream().map(PlatformPage.Hit::platform)
                        .map(p -> p.code()).toList(),
                this::lastUpdates);
    }

    /** The report from its inputs: the central agencies of the date, what each owns, when platforms changed. */
    static Report compute(LocalDate asOf, List<Agency> central, Function<String, List<String>> platformsOf,
            Function<Collection<String>, Map<String, OffsetDateTime>> lastUpdates) {
        List<AgencyStatus> announced = new ArrayList<>();
        List<AgencyStatus> notAnnounced = new ArrayList<>();
        for (Agency agency : central) {
            List<String> codes = platformsOf.apply(agency.code());
            if (codes.isEmpty()) {
                notAnnounced.add(new AgencyStatus(agency, List.of(), null));
                continue;
            }
            OffsetDateTime last = lastUpdates.apply(codes).values().stream().max(Comparator.naturalOrder())
                    .orElse(null);
            announced.add(new AgencyStatus(agency, List.copyOf(codes), last));
        }
        Comparator<AgencyStatus> byName = FoldedSearch.byFolded(s -> s.agency().nameVi());
        announced.sort(Comparator.comparing(AgencyStatus::platforms).reversed().thenComparing(byName));
        notAnnounced.sort(byName);
        return new Report(asOf, List.copyOf(announced), List.copyOf(notAnnounced));
    }

    /**
     * Reminds the editors of a central agency (as it is today) to announce its
     * platforms, and audits it; returns how many editors were told. An agency that
     * has platforms today is not reminded, whatever date the reviewer was looking at:
     * the reminder says it has announced none.
     */
    @Transactional
    public int remind(String agencyCode, String actor) {
        Agency agency = agencies.find(agencyCode).orElseThrow(() ->
                RegistryException.notFound(ErrorCode.AGENCY_NOT_FOUND, "agency", agencyCode));
        Agency today = agencies.successorOn(agency.code(), agencies.today());
        if (!today.kind().isCentral()) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "Reminders go to ministries, ministerial-level "
                    + "and government agencies; '" + agencyCode + "' is " + today.kind().name().toLowerCase() + ".",
                    List.of(RegistryException.FieldError.of("code", "is not a central agency.")));
        }
        int platforms = catalog.ownedBy(today.code(), agencies.today()).size();
        if (platforms > 0) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, today.nameEn() + " (" + today.code()
                    + ") has announced " + platforms + " platform(s) already: reminders go to agencies that have not.",
                    RegistryException.Said.of("accountability.alreadyAnnounced", today.nameVi(), platforms,
                            today.name(Locale.ENGLISH)));
        }
        int told = notices.remindToAnnounce(today.code());
        audit.record(AuditEvent.REMINDER_SENT, actor, today.code(), Map.of("recipients", told,
                "platforms", platforms));
        return told;
    }

    /** When each platform was last written (created or updated). */
    private Map<String, OffsetDateTime> lastUpdates(Collection<String> codes) {
        return jdbc.sql("select code, greatest(created_at, updated_at) as changed from platform where code in (:codes)")
                .param("codes", codes)
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getObject("changed", OffsetDateTime.class)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
