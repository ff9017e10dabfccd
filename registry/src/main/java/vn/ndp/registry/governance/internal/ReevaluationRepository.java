package vn.ndp.registry.governance.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.governance.Evaluation;
import vn.ndp.registry.governance.StandingAction;

@Repository
public class ReevaluationRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReevaluationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(String code, StandingAction outcome, Evaluation evaluation, String reason, String legalBasis,
            String by, LocalDate on, OffsetDateTime at) {
        jdbc.sql("""
                insert into reevaluation (id, platform_code, outcome, evaluation, reason, legal_basis, decided_by,
                    decided_on, decided_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), code, outcome.name(),
                        evaluation == null ? null : json.writeValueAsString(evaluation), reason, legalBasis, by, on, at)
                .update();
    }

    /** The date of each platform's latest re-evaluation that kept or reinstated it. */
    public Map<String, LocalDate> lastConfirmations() {
        Map<String, LocalDate> last = new HashMap<>();
        jdbc.sql("""
                select platform_code, max(decided_on) as on_date from reevaluation
                where outcome in ('KEEP', 'REINSTATE') group by platform_code""")
                .query(rs -> {
                    last.put(rs.getString("platform_code"), rs.getObject("on_date", LocalDate.class));
                });
        return last;
    }
}
