package vn.ndp.registry.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The first build of an in-memory index, started while the rest of the
 * application is created: whoever needs the index {@link #join joins} the
 * build first, and a failed build fails every join (and so the start, which
 * joins it from {@code afterSingletonsInstantiated}) instead of leaving an
 * empty index.
 */
public final class FirstBuild {

    private final CompletableFuture<Void> done;

    private FirstBuild(CompletableFuture<Void> done) {
        this.done = done;
    }

    /**
     * Starts {@code build} on {@code executor}, or runs it before returning when {@code executor} is null (a
     * failure is then thrown from here).
     */
    public static FirstBuild start(Runnable build, Executor executor) {
        if (executor == null) {
            build.run();
            return new FirstBuild(CompletableFuture.completedFuture(null));
        }
        return new FirstBuild(CompletableFuture.runAsync(build, executor));
    }

    /** Runs each task on a new daemon platform thread with this name, so that a build never holds the exit back. */
    public static Executor ownThread(String name) {
        return task -> Thread.ofPlatform().name(name).daemon(true).start(task);
    }

    /** Waits for the build; when it failed, throws a {@link CompletionException} with its cause. */
    public void join() {
        done.join();
    }

    /** Waits for the build to end, failed or not: before closing what it writes to. */
    public void awaitEnd() {
        done.exceptionally(failure -> null).join();
    }
}
