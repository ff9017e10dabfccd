package vn.ndp.gateway;

import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The thread pool of the exchange listeners and of the proxies' HTTP clients, which resumes a connection on the thread
 * that finished its previous exchange instead of waking another thread for it.
 *
 * <p>An exchange ends on whichever thread completes its response: the thread that read the backend's answer, or the
 * message log's writer. Jetty 12.1 then hands the connection to the pool to look for the next request
 * ({@code HttpStreamOverHTTP1.resume}), so every request cost a wake-up of an idle pool thread and two context switches
 * (about a fifth of the gateway pair's CPU went into parking and waking pool threads). On threads of this pool the
 * connection is resumed in place instead: the next request, when it has already arrived, is parsed and forwarded at
 * once, and otherwise the read finds nothing and the connection goes back to its selector, as in Jetty 12.0. That is
 * safe because the exchange handlers and the clients' listeners never block (see the exchange package); everything else,
 * and any other thread (the message log's writer, virtual threads of the admin listener), still goes through the pool.
 */
final class ExchangeThreadPool extends QueuedThreadPool {
    ExchangeThreadPool(String name, int maxThreads, int minThreads) {
        super(maxThreads, minThreads);
        setName(name);
    }

    /** As Jetty's own threads (name, daemon flag, priority, class loader), marked as exchange threads. */
    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new ExchangeThread(runnable);
        thread.setDaemon(isDaemon());
        thread.setPriority(getThreadsPriority());
        thread.setName(getName() + "-" + thread.threadId());
        thread.setContextClassLoader(getClass().getClassLoader());
        return thread;
    }

    @Override
    public void execute(Runnable job) {
        if (job instanceof HttpConnection && Thread.currentThread() instanceof ExchangeThread) {
            job.run();
        } else {
            super.execute(job);
        }
    }

    /** A platform thread of an exchange pool: its tasks never block. */
    private static final class ExchangeThread extends Thread {
        ExchangeThread(Runnable runnable) {
            super(runnable);
        }
    }
}
