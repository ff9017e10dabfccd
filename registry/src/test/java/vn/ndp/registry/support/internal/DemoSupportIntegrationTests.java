package vn.ndp.registry.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.support.RequestQuery;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;
import vn.ndp.registry.support.SupportStatus;

/**
 * The demo's sample requests: loaded only with {@code ndp.demo=true} (the
 * loader is not a bean in this context), every one marked sample, in a spread
 * of statuses with one overdue, and loaded once.
 */
@RegistryIntegrationTest
class DemoSupportIntegrationTests {

    @Autowired
    SupportDesk desk;

    @Autowired
    SupportRepository requests;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegistryStartWithoutDemoHasNoSampleRequestsAndTheDemoLoadsAHandfulMarkedSampleOnce() {
        assertThat(context.getBeanNamesForType(DemoSupport.class)).isEmpty();
        assertThat(requests.samples()).isZero();

        DemoSupport demo = new DemoSupport(desk, requests, accounts, transaction, clock);
        demo.load();
        demo.load();

        assertThat(requests.samples()).isEqualTo(5);
        // read by their flag, not as the newest rows: other test classes share this database
        List<SupportRequest> samples = jdbc.sql("select id from support_request where sample").query(UUID.class)
                .list().stream().map(id -> requests.find(id).orElseThrow()).toList();
        assertThat(samples).hasSize(5);
        assertThat(samples).extracting(SupportRequest::status).contains(SupportStatus.OPEN,
                SupportStatus.WAITING_FOR_REQUESTER, SupportStatus.RESOLVED, SupportStatus.CLOSED);
        CurrentUser operator = CurrentUser.of(accounts.findByUsername("demo-dvcqg-operator").orElseThrow());
        RequestQuery overdue = new RequestQuery(null, null, null, null, true, null, RequestQuery.Sort.DUE,
                Paging.first(Paging.MAX_SIZE));
        List<SupportRequest> late = samples.stream().filter(r -> r.overdueOn(LocalDate.now(clock))).toList();
        assertThat(late).as("one sample is past its due date with the operator to move").hasSize(1);
        assertThat(desk.find(operator, overdue).items()).filteredOn(SupportRequest::sample)
                .extracting(SupportRequest::id).containsExactly(late.getFirst().id());
        assertThat(accounts.findByUsername("demo-ha-noi").orElseThrow().displayName()).contains("(mẫu)");
    }
}
