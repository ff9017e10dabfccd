package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
@Import(ReevaluationRemindersIntegrationTests.Collector.class)
class ReevaluationRemindersIntegrationTests {

    @TestConfiguration
    static class Collector {
        final List<GovernanceEvent.ReevaluationDue> received = new CopyOnWriteArrayList<>();

        @Bean
        Object reevaluationListener() {
            return new Object() {
                @EventListener
                public void on(GovernanceEvent.ReevaluationDue due) {
                    received.add(due);
                }
            };
        }
    }

    @Autowired
    ReevaluationReminders reminders;

    @Autowired
    ReevaluationDesk desk;

    @Autowired
    Collector collector;

    @Test
    void eachDuePlatformsOwnersAreRemindedOnceForEachDueDate() {
        List<ReevaluationDesk.Due> due = desk.due(false);
        int first = reminders.remind();
        int second = reminders.remind();
        assertThat(due).isNotEmpty();
        assertThat(second).isZero();
        assertThat(collector.received).extracting(GovernanceEvent.ReevaluationDue::platformCode)
                .containsAll(due.stream().map(d -> d.platform().code()).limit(first).toList())
                .doesNotHaveDuplicates();
    }
}
