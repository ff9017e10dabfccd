package vn.ndp.registry.governance;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells owners once when a recognised platform's yearly re-evaluation falls
 * due (within the look-ahead) by publishing {@link GovernanceEvent.ReevaluationDue};
 * notifications turn it into in-app notices and e-mail. Runs every few hours,
 * so a restart or a second registry node never sends a reminder twice.
 */
@Component
public class ReevaluationReminders {

    private final ReevaluationDesk desk;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReevaluationReminders(ReevaluationDesk desk, JdbcClient jdbc, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.desk = desk;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many reminders were sent. */
    @Scheduled(fixedDelayString = "${ndp.governance.reminders-every:PT6H}", initialDelayString = "PT1M")
    public int remind() {
        int sent = 0;
        for (ReevaluationDesk.Due due : desk.due(false)) {
            Boolean first = transaction.execute(status -> {
                int inserted = jdbc.sql("""
                        insert into reevaluation_reminder (platform_code, due_date, sent_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(due.platform().code(), due.dueDate(), OffsetDateTime.now(clock)).update();
                if (inserted == 1) {
                    events.publishEvent(new GovernanceEvent.ReevaluationDue(due.platform().code(), due.ownerCode(),
                            "system", due.dueDate()));
                }
                return inserted == 1;
            });
            if (Boolean.TRUE.equals(first)) {
                sent++;
            }
        }
        return sent;
    }
}
