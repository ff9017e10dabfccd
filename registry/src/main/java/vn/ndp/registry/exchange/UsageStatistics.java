package vn.ndp.registry.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Usage reported by gateways (per-minute aggregates), and transactions per day
 * per platform, agency and province. An exchange is counted from the
 * provider's side, where both ends are known, and a failure the consumer's
 * gateway raised before the provider's saw it from the consumer's side
 * ({@link #USAGE}); a report delivered twice is counted once.
 */
@Service
public class UsageStatistics {

    public enum Dimension {
        PLATFORM, AGENCY, PROVINCE
    }

    public record DailyCount(LocalDate day, String key, long transactions, long failures) {
    }

    /** How many days, the last one included, the pages' usage figures and the API by default cover. */
    public static final int RECENT_DAYS = 30;

    /** The first of the {@link #RECENT_DAYS} days that end with {@code last}. */
    public static LocalDate recentFrom(LocalDate last) {
        return last.minusDays(RECENT_DAYS - 1L);
    }

    /**
     * The exchanges counted, per Vietnamese day, client and service: every provider-side aggregate (an exchange that
     * reached the provider's gateway is counted there once, where both ends are known), and the consumer-side failures
     * that never reached it: the faults the consumer's gateway raised itself ({@code Server.ClientProxy.*}: the
     * provider's gateway down or unreachable, its certificate revoked, an outdated global configuration, an unknown
     * service...). A consumer-side {@code NetworkError} can also follow a request the provider's gateway did receive
     * (it timed out, or the response broke off) and then counted, and aggregates carry no request id; so those
     * failures are counted only up to the consumer-side exchanges of that day, client and service that the provider's
     * side did not report. An unreachable provider reports nothing: all of them count, as failed transactions. The
     * table is read once, both sides of a day, client and service together; a group only the consumer's side saw
     * succeed is left out, as it reached the provider's gateway and counts there.
     */
    private static final String USAGE = """
            usage as (
                select day, client_id, service_id, reached + unreached as count, reached_failed + unreached as failed
                from (
                    select (minute at time zone 'Asia/Ho_Chi_Minh')::date as day, client_id, service_id,
                           bool_or(side = 'provider') as reported,
                           coalesce(sum(count) filter (where side = 'provider'), 0) as reached,
                           coalesce(sum(count) filter (where side = 'provider'
                                                       and (status >= 500 or fault <> '')), 0) as reached_failed,
                           greatest(0, least(coalesce(sum(count) filter (where side = 'consumer'
                                                                         and fault like 'Server.ClientProxy.%'), 0),
                                             coalesce(sum(count) filter (where side = 'consumer'), 0)
                                             - coalesce(sum(count) filter (where side = 'provider'), 0))) as unreached
                    from exchange_usage where minute >= ? and minute < ?
                    group by 1, 2, 3) per_day
                where reported or unreached > 0)""";

    /**
     * The {@link #USAGE} with the members at both ends, summed per day and pair of ends, so that a dimension's keys
     * are looked up once per pair, not once per minute. The days are bounded by the moments they start and end in
     * Vietnam, which the index on the minute serves.
     */
    private static final String EXCHANGES = USAGE + """
            ,
            exchanges as (
                select u.day, sum(u.count) as count, sum(u.failed) as failed,
                       coalesce(s.platform_code, s.id) as platform, coalesce(m.agency_code, m.id) as agency,
                       m.agency_code as provider_agency, cm.agency_code as consumer_agency
                from usage u
                join exchange_service sv on sv.id = u.service_id
                join exchange_subsystem s on s.id = sv.subsystem_id
                join exchange_member m on m.id = s.member_id
                left join exchange_subsystem cs on cs.id = u.client_id
                left join exchange_member cm on cm.id = cs.member_id
                group by 1, 4, 5, 6, 7)""";

    private final JdbcClient jdbc;
    private final ExchangeRegister register;
    private final Clock clock;

    UsageStatistics(JdbcClient jdbc, ExchangeRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    /**
     * Stores a gateway's report; returns false when it was already received. A report from a gateway not in the
     * directory, or with a negative number, is refused.
     */
    @Transactional
    public boolean receive(UsageReport report) {
        refuseNegativeNumbers(report);
        if (register.gateways().stream().noneMatch(g -> g.id().equals(report.gateway()))) {
            throw new RegistryException(ErrorCode.INVALID_BODY,
                    "The gateway '" + report.gateway() + "' is not in the exchange directory.");
        }
        int inserted = jdbc.sql("""
                insert into exchange_usage_report (report_id, gateway_id, received_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(report.reportId(), report.gateway(), OffsetDateTime.now(clock)).update();
        if (inserted == 0) {
            return false;
        }
        for (UsageAggregate a : report.aggregates()) {
            jdbc.sql("""
                    insert into exchange_usage (report_id, gateway_id, minute, side, client_id, service_id, status,
                                                fault, count, request_bytes, response_bytes, duration_ms)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (report_id, minute, side, client_id, service_id, status, fault)
                    do update set count = exchange_usage.count + excluded.count""")
                    .params(report.reportId(), report.gateway(), OffsetDateTime.ofInstant(a.minute(), ZoneOffset.UTC),
                            a.side(), a.client(), a.service(), a.status(), a.fault(), a.count(), a.requestBytes(),
                            a.responseBytes(), a.durationMillis())
                    .update();
        }
        return true;
    }

    /** A count, a sum, a status or a latency bucket below 0 is refused, each by its field. */
    private static void refuseNegativeNumbers(UsageReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < report.aggregates().size(); i++) {
            UsageAggregate a = report.aggregates().get(i);
            String at = "aggregates[" + i + "].";
            List.of(Map.entry("status", (long) a.status()), Map.entry("count", a.count()),
                            Map.entry("requestBytes", a.requestBytes()), Map.entry("responseBytes", a.responseBytes()),
                            Map.entry("durationMillis", a.durationMillis())).stream()
                    .filter(number -> number.getValue() < 0)
                    .forEach(number -> errors.add(FieldError.of(at + number.getKey(), "must be 0 or more.")));
            if (a.latencyBuckets().stream().anyMatch(bucket -> bucket < 0)) {
                errors.add(FieldError.of(at + "latencyBuckets", "must each be 0 or more."));
            }
        }
        ExchangeRegister.reject(errors);
    }

    /**
     * Transactions per Vietnamese calendar day, by platform, owning agency or province, between two days.
     * By platform and by agency an exchange counts for the provider's platform or agency. By province it counts
     * for the province of the consuming system and for the province of the providing system, once when both
     * are the same province: a province sees the
     * exchanges its systems took part in, on either side, and the figures of two provinces may overlap.
     */
    public List<DailyCount> perDay(Dimension by, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                with %s
                select e.day, k.key, sum(e.count) as transactions, sum(e.failed) as failures
                from exchanges e cross join lateral (%s) k
                group by 1, 2 order by 1, 2""".formatted(EXCHANGES, keys(by)))
                .params(VietnamTime.startOf(from), VietnamTime.startOf(to.plusDays(1)))
                .query((rs, n) -> new DailyCount(rs.getObject("day", LocalDate.class), rs.getString("key"),
                        rs.getLong("transactions"), rs.getLong("failures")))
                .list();
    }

    /** {@link #perDay} with each day's total of the exchanges that have a key in the dimension ({@link #totals}). */
    public DailyUsage daily(Dimension by, LocalDate from, LocalDate to) {
        List<DailyCount> perKey = perDay(by, from, to);
        List<DailyCount> totals = switch (by) {
            // every exchange has one platform and one agency: a day's counts add up to its total
            case PLATFORM, AGENCY -> summedPerDay(perKey);
            // an exchange between two provinces counts for both: only a query of its own counts it once
            case PROVINCE -> totals(by, null, from, to);
        };
        return new DailyUsage(perKey, totals);
    }

    private static List<DailyCount> summedPerDay(List<DailyCount> counts) {
        Map<LocalDate, DailyCount> days = new TreeMap<>();
        for (DailyCount c : counts) {
            days.merge(c.day(), new DailyCount(c.day(), null, c.transactions(), c.failures()),
                    (sum, more) -> new DailyCount(sum.day(), null, sum.transactions() + more.transactions(),
                            sum.failures() + more.failures()));
        }
        return List.copyOf(days.values());
    }

    /** Counts by day and key ({@code perKey}) and by day alone ({@code totals}, whose key is null), by day. */
    public record DailyUsage(List<DailyCount> perKey, List<DailyCount> totals) {
    }

    /**
     * Transactions per day of the exchanges that count for at least one of {@code keys} (any key of the dimension
     * when null), each exchange counted once: by province an exchange between two provinces counts for both, so
     * that summing {@link #perDay} over several provinces (a province and the ones merged into it) would count it
     * twice.
     */
    public List<DailyCount> totals(Dimension by, Collection<String> keys, LocalDate from, LocalDate to) {
        String among = keys == null ? "" : " where k.key = any(?)";
        var query = jdbc.sql("""
                with %s
                select e.day, sum(e.count) as transactions, sum(e.failed) as failures
                from exchanges e where exists (select 1 from (%s) k%s)
                group by 1 order by 1""".formatted(EXCHANGES, keys(by), among))
                .params(VietnamTime.startOf(from), VietnamTime.startOf(to.plusDays(1)));
        if (keys != null) {
            query = query.param(keys.toArray(String[]::new));
        }
        return query.query((rs, n) -> new DailyCount(rs.getObject("day", LocalDate.class), null,
                rs.getLong("transactions"), rs.getLong("failures"))).list();
    }

    /** The keys one exchange {@code e} counts for: one platform or agency, up to two provinces. */
    private static String keys(Dimension by) {
        return switch (by) {
            case PLATFORM -> "select e.platform as key";
            case AGENCY -> "select e.agency as key";
            case PROVINCE -> """
                    select a.code as key from agency a
                    where a.code in (e.provider_agency, e.consumer_agency) and a.kind in ('PROVINCE', 'CENTRAL_CITY')""";
        };
    }

    public static String wire(Dimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }
}
