package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.registry.governance.ProposalStatus.DRAFT;
import static vn.ndp.registry.governance.ProposalStatus.RECOGNISED;
import static vn.ndp.registry.governance.ProposalStatus.RECOGNISED_AS_POTENTIAL;
import static vn.ndp.registry.governance.ProposalStatus.REJECTED;
import static vn.ndp.registry.governance.ProposalStatus.RETURNED;
import static vn.ndp.registry.governance.ProposalStatus.SUBMITTED;
import static vn.ndp.registry.governance.ProposalStatus.UNDER_EVALUATION;
import static vn.ndp.registry.governance.ProposalStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.catalog.LifecycleStatus;

/**
 * Every status × every command of the three workflows, against tables written
 * out here independently of the production code: each legal transition lands
 * where it should, and every other pair is refused.
 */
class WorkflowTransitionsTests {

    static final ProposalCommand EDIT = new ProposalCommand.Edit(Map.of());
    static final ProposalCommand ATTACH = new ProposalCommand.AttachEvidence("a.pdf", new byte[] {1});
    static final ProposalCommand SUBMIT = new ProposalCommand.Submit();
    static final ProposalCommand WITHDRAW = new ProposalCommand.Withdraw();
    static final ProposalCommand EVALUATE = new ProposalCommand.RecordEvaluation(null);
    static final ProposalCommand RETURN = new ProposalCommand.ReturnForChanges("x");
    static final ProposalCommand RECOGNISE = new ProposalCommand.Recognise("1/QĐ", LocalDate.of(2026, 1, 5), null);
    static final ProposalCommand POTENTIAL = new ProposalCommand.RecogniseAsPotential("2/QĐ", LocalDate.of(2026, 1, 5),
            null);
    static final ProposalCommand REJECT = new ProposalCommand.Reject("x");
    static final List<ProposalCommand> COMMANDS = List.of(EDIT, ATTACH, SUBMIT, WITHDRAW, EVALUATE, RETURN, RECOGNISE,
            POTENTIAL, REJECT);

    /** The legal proposal transitions, as the workflow is specified; anything absent is illegal. */
    static final Map<ProposalStatus, Map<ProposalCommand, ProposalStatus>> LEGAL = new EnumMap<>(ProposalStatus.class);

    static {
        LEGAL.put(DRAFT, Map.of(EDIT, DRAFT, ATTACH, DRAFT, SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN));
        LEGAL.put(RETURNED, Map.of(EDIT, RETURNED, ATTACH, RETURNED, SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN));
        LEGAL.put(SUBMITTED, Map.of(EVALUATE, UNDER_EVALUATION, RETURN, RETURNED, WITHDRAW, WITHDRAWN));
        LEGAL.put(UNDER_EVALUATION, Map.of(EVALUATE, UNDER_EVALUATION, RETURN, RETURNED, RECOGNISE, RECOGNISED,
                POTENTIAL, RECOGNISED_AS_POTENTIAL, REJECT, REJECTED));
        LEGAL.put(RECOGNISED, Map.of());
        LEGAL.put(RECOGNISED_AS_POTENTIAL, Map.of());
        LEGAL.put(REJECTED, Map.of());
        LEGAL.put(WITHDRAWN, Map.of());
    }

    @Test
    void everyProposalStatusAllowsExactlyTheSpecifiedCommands() {
        List<String> wrong = new ArrayList<>();
        int legal = 0;
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalCommand command : COMMANDS) {
                Optional<ProposalStatus> expected = Optional.ofNullable(LEGAL.get(from).get(command));
                Optional<ProposalStatus> actual = from.after(command);
                if (!expected.equals(actual)) {
                    wrong.add(from + " + " + command.getClass().getSimpleName() + ": expected " + expected + ", was "
                            + actual);
                }
                legal += expected.isPresent() ? 1 : 0;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(legal).as("legal transitions checked").isEqualTo(16);
    }

    @Test
    void closedProposalsAcceptNoCommandAtAll() {
        for (ProposalStatus closed : List.of(RECOGNISED, RECOGNISED_AS_POTENTIAL, REJECTED, WITHDRAWN)) {
            assertThat(closed.closed()).isTrue();
            assertThat(COMMANDS).allSatisfy(c -> assertThat(closed.after(c)).isEmpty());
        }
    }

    @Test
    void editorsIssueDraftingCommandsAndReviewersTheRest() {
        assertThat(COMMANDS.stream().filter(ProposalCommand::byEditor).toList())
                .containsExactly(EDIT, ATTACH, SUBMIT, WITHDRAW);
    }

    @Test
    void suspensionAndRevocationComeOnlyFromNamedStates() {
        List<String> wrong = new ArrayList<>();
        List<LifecycleStatus> published = List.of(LifecycleStatus.RECOGNISED, LifecycleStatus.POTENTIAL,
                LifecycleStatus.TRIAL, LifecycleStatus.IN_USE);
        for (LifecycleStatus from : LifecycleStatus.values()) {
            boolean isPublished = published.contains(from);
            expect(wrong, StandingAction.KEEP, from, isPublished ? from : null);
            expect(wrong, StandingAction.SUSPEND, from, isPublished ? LifecycleStatus.SUSPENDED : null);
            expect(wrong, StandingAction.REVOKE, from,
                    isPublished || from == LifecycleStatus.SUSPENDED ? LifecycleStatus.REVOKED : null);
            expect(wrong, StandingAction.REINSTATE, from,
                    from == LifecycleStatus.SUSPENDED ? LifecycleStatus.RECOGNISED : null);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aChangeRequestIsDecidedOnceFromPendingOnly() {
        for (ChangeStatus from : ChangeStatus.values()) {
            for (ChangeStatus.Action action : ChangeStatus.Action.values()) {
                Optional<ChangeStatus> expected = from != ChangeStatus.PENDING ? Optional.empty()
                        : Optional.of(switch (action) {
                            case APPROVE -> ChangeStatus.APPROVED;
                            case DECLINE -> ChangeStatus.DECLINED;
                            case WITHDRAW -> ChangeStatus.WITHDRAWN;
                        });
                assertThat(from.after(action)).as(from + " + " + action).isEqualTo(expected);
            }
        }
    }

    private static void expect(List<String> wrong, StandingAction action, LifecycleStatus from, LifecycleStatus to) {
        Optional<LifecycleStatus> actual = action.after(from);
        if (!actual.equals(Optional.ofNullable(to))) {
            wrong.add(action + " from " + from + ": expected " + to + ", was " + actual);
        }
    }
}
