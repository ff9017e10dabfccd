package vn.ndp.gateway.messagelog;

import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.protocol.evidence.LogVerifier;

/**
 * Gateway pair throughput with the message log on (durable group commit, signed batches) and off,
 * in the same run: two loopback gateway pairs, a Java HTTP client with N concurrent keep-alive
 * callers, rounds alternating on/off; then the verification speed of the log written. Run with
 * the gateway's test classpath: {@code java -cp ... vn.ndp.gateway.messagelog.MessageLogBenchmark [seconds] [callers] [rounds]}.
 */
public final class MessageLogBenchmark {

    private MessageLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("ndp-messagelog-bench");
        try (ExchangeFixture on = new ExchangeFixture(dir.resolve("on"));
             ExchangeFixture off = new ExchangeFixture(dir.resolve("off"),
                     ExchangeFixture.Overrides.both("{\"messageLog\": {\"enabled\": false}}"))) {
            String tokenOn = on.token("province-a", SECRET_A);
            String tokenOff = off.token("province-a", SECRET_A);
            run(off, tokenOff, 3, callers);
            run(on, tokenOn, 3, callers);
            double[] withLog = new double[rounds];
            double[] without = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                without[r] = run(off, tokenOff, seconds, callers);
                withLog[r] = run(on, tokenOn, seconds, callers);
                System.out.printf("round %d: log off %.0f req/s, log on %.0f req/s%n", r + 1, without[r], withLog[r]);
            }
            double medianOn = median(withLog);
            double medianOff = median(without);
            System.out.printf("median: log off %.0f req/s, log on %.0f req/s, cost %.1f%%%n", medianOff, medianOn,
                    100 * (1 - medianOn / medianOff));
            MessageLog consumerLog = on.consumer.messageLog().orElseThrow();
            System.out.println("consumer log batches: " + on.consumer.metrics().scrape().lines()
                    .filter(line -> line.startsWith("ndp_messagelog_batch_records_") || line.startsWith("ndp_messagelog_write_seconds"))
                    .toList());
            on.consumer.close();
            LogVerifier.Report report = LogVerifier.verify(consumerLog.directory(), Optional.empty());
            report = LogVerifier.verify(consumerLog.directory(), Optional.empty());
            System.out.printf("verification: %s, %d records in %d batches, %d ms, %d records/s%n",
                    report.ok() ? "OK" : report.problem().get(), report.records(), report.batches(),
                    report.elapsed().toMillis(), report.recordsPerSecond());
        }
    }

    private static double run(ExchangeFixture exchange, String token, int seconds, int callers) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items/1"));
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).header("X-Road-Client", CLIENT_A.encoded())
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
                while (!stop.get()) {
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        (response.statusCode() == 200 ? done : failed).increment();
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long count = done.sum();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.sum() > 0) {
            System.out.println("  (" + failed.sum() + " failed requests)");
        }
        return count / elapsed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
