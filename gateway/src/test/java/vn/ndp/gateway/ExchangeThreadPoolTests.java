package vn.ndp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeThreadPoolTests {

    private final ExchangeThreadPool pool = new ExchangeThreadPool("exchange-test", 8, 2);
    private final Server server = new Server();

    @BeforeEach
    void start() throws Exception {
        pool.start();
    }

    @AfterEach
    void stop() throws Exception {
        pool.stop();
    }

    @Test
    void threadsAreNamedAfterThePoolAsJettyNamesThem() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        pool.execute(() -> ran.complete(Thread.currentThread()));

        Thread thread = ran.get(5, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("exchange-test-" + thread.threadId());
        assertThat(thread.isVirtual()).isFalse();
    }

    @Test
    void aConnectionResumedOnAnExchangeThreadRunsThereAndAnywhereElseGoesToThePool() throws Exception {
        CompletableFuture<Thread> fromPool = new CompletableFuture<>();
        CompletableFuture<Thread> poolThread = new CompletableFuture<>();
        pool.execute(() -> {
            poolThread.complete(Thread.currentThread());
            pool.execute(connection(fromPool));
        });
        assertThat(fromPool.get(5, TimeUnit.SECONDS)).isSameAs(poolThread.get());

        CompletableFuture<Thread> fromOutside = new CompletableFuture<>();
        pool.execute(connection(fromOutside));
        assertThat(fromOutside.get(5, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
        assertThat(fromOutside.get().getName()).startsWith("exchange-test-");

        CompletableFuture<Thread> plainTask = new CompletableFuture<>();
        CompletableFuture<Thread> outer = new CompletableFuture<>();
        pool.execute(() -> {
            outer.complete(Thread.currentThread());
            pool.execute(() -> plainTask.complete(Thread.currentThread()));
            // Only connections are run in place: this task is still running when the other one starts.
            try {
                plainTask.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                plainTask.completeExceptionally(e);
            }
        });
        assertThat(plainTask.get(5, TimeUnit.SECONDS)).isNotSameAs(outer.get());
    }

    /** A connection whose resumption only notes the thread it ran on. */
    private HttpConnection connection(CompletableFuture<Thread> ranOn) {
        return new HttpConnection(new HttpConfiguration(), new ServerConnector(server), new ByteArrayEndPoint()) {
            @Override
            public void run() {
                ranOn.complete(Thread.currentThread());
            }
        };
    }
}
