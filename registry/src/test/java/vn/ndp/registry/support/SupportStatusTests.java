package vn.ndp.registry.support;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.registry.support.SupportAction.ASK_REQUESTER;
import static vn.ndp.registry.support.SupportAction.CLOSE;
import static vn.ndp.registry.support.SupportAction.REOPEN;
import static vn.ndp.registry.support.SupportAction.RESOLVE;
import static vn.ndp.registry.support.SupportAction.RESUME;
import static vn.ndp.registry.support.SupportAction.START;
import static vn.ndp.registry.support.SupportStatus.CLOSED;
import static vn.ndp.registry.support.SupportStatus.IN_PROGRESS;
import static vn.ndp.registry.support.SupportStatus.OPEN;
import static vn.ndp.registry.support.SupportStatus.RESOLVED;
import static vn.ndp.registry.support.SupportStatus.WAITING_FOR_REQUESTER;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.support.SupportAction.Side;

/** Every status × every action: exactly the documented transitions are legal. */
class SupportStatusTests {

    static final Map<SupportStatus, Map<SupportAction, SupportStatus>> LEGAL = Map.of(
            OPEN, Map.of(START, IN_PROGRESS),
            IN_PROGRESS, Map.of(ASK_REQUESTER, WAITING_FOR_REQUESTER, RESOLVE, RESOLVED),
            WAITING_FOR_REQUESTER, Map.of(RESUME, IN_PROGRESS),
            RESOLVED, Map.of(REOPEN, IN_PROGRESS, CLOSE, CLOSED),
            CLOSED, Map.of());

    @Test
    void everyLegalTransitionLeadsWhereTheWorkflowSays() {
        LEGAL.forEach((from, moves) -> moves.forEach((action, to) ->
                assertThat(from.after(action)).as(from + " --" + action + "-->").contains(to)));
    }

    @Test
    void everyOtherPairOfStatusAndActionIsIllegal() {
        int illegal = 0;
        for (SupportStatus from : SupportStatus.values()) {
            for (SupportAction action : SupportAction.values()) {
                if (!LEGAL.get(from).containsKey(action)) {
                    assertThat(from.after(action)).as(from + " --" + action + "-->").isEmpty();
                    illegal++;
                }
            }
        }
        assertThat(illegal).isEqualTo(5 * 6 - 6);
    }

    @Test
    void theActionsOfAStatusAreExactlyItsLegalTransitions() {
        for (SupportStatus status : SupportStatus.values()) {
            assertThat(status.actions()).containsExactlyInAnyOrderElementsOf(LEGAL.get(status).keySet());
        }
    }

    @Test
    void closedIsFinal() {
        for (SupportAction action : SupportAction.values()) {
            assertThat(CLOSED.after(action)).isEmpty();
        }
    }

    @Test
    void onlyTheOperatorStartsAsksAndResolvesAndOnlyTheRequesterReopens() {
        for (SupportAction action : new SupportAction[] {START, ASK_REQUESTER, RESOLVE}) {
            assertThat(action.mayBeTakenBy(Side.OPERATOR)).isTrue();
            assertThat(action.mayBeTakenBy(Side.REQUESTER)).isFalse();
        }
        assertThat(REOPEN.mayBeTakenBy(Side.REQUESTER)).isTrue();
        assertThat(REOPEN.mayBeTakenBy(Side.OPERATOR)).isFalse();
        assertThat(CLOSE.mayBeTakenBy(Side.REQUESTER)).isTrue();
        assertThat(CLOSE.mayBeTakenBy(Side.OPERATOR)).isTrue();
    }

    @Test
    void onlyOpenAndInProgressCountAgainstTheServiceLevel() {
        assertThat(OPEN.operatorsTurn()).isTrue();
        assertThat(IN_PROGRESS.operatorsTurn()).isTrue();
        assertThat(WAITING_FOR_REQUESTER.operatorsTurn()).isFalse();
        assertThat(RESOLVED.operatorsTurn()).isFalse();
        assertThat(CLOSED.operatorsTurn()).isFalse();
    }
}
