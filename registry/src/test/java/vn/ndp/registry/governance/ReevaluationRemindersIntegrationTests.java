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
        List<String> due = desk.due(false).stream().map(d -> d.platform().code()).toList();
        reminders.remind();
        int again = reminders.remind();
        assertThat(due).isNotEmpty();
        assertThat(again).isZero();
        // every due platform was reminded exactly once, by this call or by the scheduled run before it
        assertThat(collector.received).extracting(GovernanceEvent.ReevaluationDue::platformCode)
                .containsExactlyInAnyOrderElementsOf(due);
    }
}
