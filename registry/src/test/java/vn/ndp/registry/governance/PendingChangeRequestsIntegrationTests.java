package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.AdvisoryLocks;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/** A change request that repeats one already waiting for review is refused, even when both are sent at once. */
@RegistryIntegrationTest
class PendingChangeRequestsIntegrationTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionDesk desk;

    @Autowired
    ChangeDesk changes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameChangeSentTwiceAtOnceIsStoredOnceAndTheSecondIsToldTheFirstIsWaiting() throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = recognised(editor);
        // the lock ChangeRequestRepository.lockRequestsOf takes: the second request waits for this one, no other
        long requestsOf = AdvisoryLocks.hashtext(jdbc, "change_request " + code);
        Map<PlatformField, String> wanted = Map.of(PlatformField.SECURITY_LEVEL, "4");
        CountDownLatch firstAsked = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first request, stored but not committed, waits until the second is blocked behind it
            Future<ChangeRequest> first = threads.submit(() -> transaction.execute(s -> {
                ChangeRequest asked = changes.request(code, 0, wanted, "Lần một", null, List.of(), editor).pending();
                firstAsked.countDown();
                Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> AdvisoryLocks.awaited(jdbc, requestsOf));
                return asked;
            }));
            assertThat(firstAsked.await(30, TimeUnit.SECONDS)).as("the first request was stored").isTrue();
            Future<ChangeDesk.Outcome> second = threads.submit(() -> changes.request(code, 0, wanted, "Lần hai", null,
                    List.of(), editor));

            ChangeRequest stored = first.get(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CHANGE_REQUEST_PENDING);
                        assertThat(e.getMessage()).contains(stored.id().toString());
                    });
        } finally {
            threads.shutdownNow();
        }
        assertThat(changes.ofPlatform(code)).singleElement().satisfies(c -> assertThat(c.reason())
                .isEqualTo("Lần một"));
    }

    @Test
    void theSameChangeIsAskedAgainOnceTheWaitingOneIsDecided() {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = recognised(editor);
        Map<PlatformField, String> wanted = Map.of(PlatformField.SECURITY_LEVEL, "4");
        ChangeRequest first = changes.request(code, 0, wanted, null, null, List.of(), editor).pending();
        changes.decide(first.id(), first.version(), ChangeStatus.Action.WITHDRAW, null, editor);

        ChangeRequest again = changes.request(code, 0, wanted, null, null, List.of(), editor).pending();

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(changes.pending()).extracting(ChangeRequest::id).contains(again.id()).doesNotContain(first.id());
    }

    /** A platform of the Ministry of Finance listed through the workflow at security level 3, at version 0. */
    private String recognised(CurrentUser editor) {
        CurrentUser reviewer = CurrentUser.of(accounts.create(Role.REVIEWER, null));
        String code = "PENDING-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal draft = desk.draft(editor, code, ProposalFlow.platform("Nền tảng thử đề nghị trùng " + code,
                "Nền tảng để kiểm thử đề nghị thay đổi gửi hai lần."));
        return ProposalFlow.recognised(desk, draft, editor, reviewer).platformCode();
    }
}
