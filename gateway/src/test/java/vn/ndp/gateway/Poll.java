package vn.ndp.gateway;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waiting in tests for something another thread does: the condition is checked every 20 ms, never a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    /** A condition that may throw, as reading a file or calling a gateway does. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns once {@code condition} holds; fails, naming {@code what}, if it still does not after {@code timeout}. */
    public static void until(Condition condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Still waiting after " + timeout + " for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
