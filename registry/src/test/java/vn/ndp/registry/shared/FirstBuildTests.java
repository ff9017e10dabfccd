package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class FirstBuildTests {

    @Test
    void withoutAnExecutorTheBuildIsDoneBeforeStartReturns() {
        AtomicInteger builds = new AtomicInteger();

        FirstBuild build = FirstBuild.start(builds::incrementAndGet, null);

        assertThat(builds).hasValue(1);
        build.join();
        assertThat(builds).as("joining does not build again").hasValue(1);
    }

    @Test
    void withoutAnExecutorAFailedBuildIsThrownByStart() {
        assertThatThrownBy(() -> FirstBuild.start(() -> {
            throw new IllegalStateException("database unavailable");
        }, null)).isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
    }

    @Test
    void theBuildIsLeftToItsExecutorAndAJoinWaitsForIt() throws Exception {
        assertThat(buildsSeenAfter(FirstBuild::join)).as("what the joiner saw once the join returned").isEqualTo(1);
    }

    @Test
    void aFailedBuildFailsEveryJoinWithItsCause() {
        FirstBuild build = FirstBuild.start(() -> {
            throw new IllegalStateException("database unavailable");
        }, Runnable::run);

        assertThatThrownBy(build::join).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("database unavailable");
        assertThatThrownBy(build::join).as("a second user fails too, not with an empty index")
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("database unavailable");
    }

    @Test
    void awaitingTheEndOfAFailedBuildDoesNotThrow() {
        FirstBuild build = FirstBuild.start(() -> {
            throw new IllegalStateException("database unavailable");
        }, Runnable::run);

        assertThatCode(build::awaitEnd).doesNotThrowAnyException();
    }

    @Test
    void awaitingTheEndWaitsForABuildUnderWay() throws Exception {
        assertThat(buildsSeenAfter(FirstBuild::awaitEnd)).isEqualTo(1);
    }

    /**
     * Starts a build left to an executor that has not run it, has another thread {@code wait} on it, runs the build
     * once that thread is parked, and returns how many builds the thread saw when its wait returned.
     */
    private static int buildsSeenAfter(java.util.function.Consumer<FirstBuild> wait) throws Exception {
        Queue<Runnable> executor = new ArrayDeque<>();
        AtomicInteger builds = new AtomicInteger();
        FirstBuild build = FirstBuild.start(builds::incrementAndGet, executor::add);
        assertThat(executor).as("start leaves the build to its executor").hasSize(1);
        assertThat(builds).hasValue(0);

        FutureTask<Integer> waiter = new FutureTask<>(() -> {
            wait.accept(build);
            return builds.get();
        });
        awaitWaiting(Thread.ofPlatform().start(waiter));
        assertThat(waiter.isDone()).as("the wait has not returned before the build ran").isFalse();
        executor.remove().run();
        return waiter.get(30, TimeUnit.SECONDS);
    }

    /**
     * Returns once {@code thread} is parked, so that the build runs only after the thread is inside the wait the
     * test is about (a build that ran before would let the wait return at once, and the test could not tell).
     */
    private static void awaitWaiting(Thread thread) {
        Awaitility.await(thread.getName() + " waiting while the build is under way").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> thread.getState() == Thread.State.WAITING
                        || thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void anOwnThreadIsANamedDaemonThatDoesNotHoldTheExitBack() {
        AtomicReference<Thread> ran = new AtomicReference<>();

        FirstBuild.start(() -> ran.set(Thread.currentThread()), FirstBuild.ownThread("test-index-build")).join();

        assertThat(ran.get()).isNotSameAs(Thread.currentThread());
        assertThat(ran.get().getName()).isEqualTo("test-index-build");
        assertThat(ran.get().isDaemon()).isTrue();
    }
}
