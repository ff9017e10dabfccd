package vn.ndp.registry.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * Usage reported by gateways (per-minute aggregates), and transactions per day
 * per platform, agency and province. An exchange is counted once, on the
 * provider's side; a report delivered twice is counted once.
 */
@Service
public class UsageStatistics {

    public enum Dimension {
        PLATFORM, AGENCY, PROVINCE
    }

    public record DailyCount(LocalDate day, String key, long transactions, long failures) {
    }

    private final JdbcClient jdbc;
    private final ExchangeRegister register;
    private final Clock clock;

    UsageStatistics(JdbcClient jdbc, ExchangeRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    /** Stores a gateway's report; returns false when it was already received. */
    @Transactional
    public boolean receive(UsageReport report) {
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

    /** Transactions per Vietnamese calendar day, by platform, owning agency or province, between two days. */
    public List<DailyCount> perDay(Dimension by, LocalDate from, LocalDate to) {
        String key = switch (by) {
            case PLATFORM -> "coalesce(s.platform_code, s.id)";
            case AGENCY -> "coalesce(m.agency_code, m.id)";
            case PROVINCE -> "a.code";
        };
        String provinceOnly = by == Dimension.PROVINCE ? " and a.kind in ('PROVINCE', 'CENTRAL_CITY')" : "";
        return jdbc.sql("""
                select (u.minute at time zone 'Asia/Ho_Chi_Minh')::date as day, %s as key,
                       sum(u.count) as transactions,
                       sum(case when u.status >= 500 or u.fault <> '' then u.count else 0 end) as failures
                from exchange_usage u
                join exchange_service sv on sv.id = u.service_id
                join exchange_subsystem s on s.id = sv.subsystem_id
                join exchange_member m on m.id = s.member_id
                left join agency a on a.code = m.agency_code
                where u.side = 'provider'
                  and (u.minute at time zone 'Asia/Ho_Chi_Minh')::date between ? and ?%s
                group by 1, 2 order by 1, 2""".formatted(key, provinceOnly))
                .params(from, to)
                .query((rs, n) -> new DailyCount(rs.getObject("day", LocalDate.class), rs.getString("key"),
                        rs.getLong("transactions"), rs.getLong("failures")))
                .list();
    }

    public static String wire(Dimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }
}
