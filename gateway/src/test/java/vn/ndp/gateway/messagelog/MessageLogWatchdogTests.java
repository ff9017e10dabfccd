package vn.ndp.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.Poll;
import vn.ndp.protocol.evidence.LogVerifier;

/**
 * The watchdog that fails exchanges the writer has not written within {@code writeTimeout}: with a
 * 1 ms timeout and a flood of appends, the backlog is always older than that when the watchdog
 * looks, so some exchanges must be refused; none may hang, and every one is still written.
 */
class MessageLogWatchdogTests {

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;

    @BeforeAll
    static void start() throws Exception {
        exchange = new ExchangeFixture(directory,
                ExchangeFixture.Overrides.both("{\"messageLog\": {\"writeTimeout\": \"1ms\"}}"));
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void exchangesWaitingLongerThanTheWriteTimeoutAreFailedNeverLeftHanging() throws Exception {
        MessageLog log = exchange.consumer.messageLog().orElseThrow();
        List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
        // at least three watchdog rounds, and on until one of them has found a record waiting over 1 ms: how long
        // the writer's backlog waits depends on the disk and the machine's load, not on this test (10 s at most)
        long atLeast = System.nanoTime() + 3 * MessageLog.WATCHDOG_PERIOD.toNanos();
        long atMost = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        AtomicBoolean refused = new AtomicBoolean();
        List<Thread> floods = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            floods.add(Thread.ofPlatform().start(() -> {
                long now;
                while ((now = System.nanoTime()) - atLeast < 0 || !refused.get() && now - atMost < 0) {
                    CompletableFuture<Void> appended = log.append(exchange());
                    appended.whenComplete((ok, failure) -> refused.compareAndSet(false, failure != null));
                    futures.add(appended);
                }
            }));
        }
        for (Thread flood : floods) {
            flood.join();
        }

        int failed = 0;
        for (CompletableFuture<Void> future : futures) {
            try {
                future.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessageContaining("did not write within PT0.001S");
                failed++;
            }
        }
        assertThat(failed).as("of %d appends", futures.size()).isPositive();

        // close() waits at most 10 s for the writer; a flood on a loaded machine may leave more than that queued
        Poll.until(() -> exchange.consumer.metrics().get("ndp.messagelog.queue").gauge().value() == 0,
                Duration.ofSeconds(60), "the writer to write the whole flood");
        log.close();
        LogVerifier.Report report = LogVerifier.verify(log.directory(), Optional.empty());
        assertThat(report.ok()).as(report.problem().map(Object::toString).orElse("")).isTrue();
        assertThat(report.records()).as("refused exchanges are still written").isGreaterThanOrEqualTo(futures.size());
    }

    private static LoggedExchange exchange() {
        return new LoggedExchange("consumer", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "VN/GOV/TEST.PROVINCE.A/portal", "VN/GOV/TEST.MINISTRY/registry/items", "GET", "/v1/items", 200, "",
                Instant.now(), 100, 0, 10, "hash", new byte[64], null, new byte[64], new byte[64], null, null);
    }
}
