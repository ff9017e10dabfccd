package vn.ndp.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.Poll;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.protocol.evidence.LogFormat;
import vn.ndp.protocol.evidence.LogVerifier;

/**
 * The consumer gateway runs as its own process under concurrent load and is killed with SIGKILL:
 * every request whose response reached the caller must be in both gateways' logs, and both logs
 * must verify.
 */
class MessageLogCrashIntegrationTests {

    private static final Pattern HTTP_PORT = Pattern.compile("consumer http 127\\.0\\.0\\.1:(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDeliveredResponseIsInTheLogAfterKillNine(@TempDir Path directory) throws Exception {
        try (ExchangeFixture exchange = new ExchangeFixture(directory)) {
            exchange.consumer.close();
            Path output = directory.resolve("consumer.err");
            Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), "vn.ndp.gateway.GatewayMain",
                    "--config", directory.resolve("consumer/gateway.json").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                int port = awaitPort(output, gateway);
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String token = awaitToken(http, base);

                ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();
                java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(400);
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger sequence = new AtomicInteger();
                List<Thread> load = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    load.add(Thread.ofVirtual().start(() -> {
                        while (!stop.get()) {
                            String id = "crash-" + sequence.incrementAndGet();
                            try {
                                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                                URI.create(base + "/r1/" + ITEMS + "/v1/items/" + id))
                                        .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                                        .header("X-Road-Id", id).timeout(Duration.ofSeconds(10)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 200) {
                                    delivered.add(id);
                                    enough.countDown();
                                }
                            } catch (Exception e) {
                                if (!gateway.isAlive()) {
                                    return;
                                }
                            }
                        }
                    }));
                }
                enough.await(60, TimeUnit.SECONDS);
                gateway.destroyForcibly();
                assertThat(gateway.waitFor(10, TimeUnit.SECONDS)).isTrue();
                stop.set(true);
                for (Thread thread : load) {
                    thread.join(15_000);
                }

                assertThat(delivered).hasSizeGreaterThanOrEqualTo(400);
                Path consumerLog = directory.resolve("consumer/data/messagelog");
                Path providerLog = directory.resolve("provider/data/messagelog");
                LogVerifier.Report consumer = LogVerifier.verify(consumerLog, Optional.of(exchange.ca.certificate()));
                assertThat(consumer.problem()).isEmpty();
                assertThat(loggedIds(consumerLog)).containsAll(delivered);
                // opening the log again (a restart) signs what the crash left unsigned
                MessageLog.open(GatewayConfigurationReader.read(directory.resolve("consumer/gateway.json")),
                        java.time.Clock.systemUTC(), new SimpleMeterRegistry()).close();
                LogVerifier.Report restarted = LogVerifier.verify(consumerLog, Optional.of(exchange.ca.certificate()));
                assertThat(restarted.problem()).isEmpty();
                assertThat(restarted.unsignedBatches()).isZero();
                assertThat(restarted.records()).isEqualTo(consumer.records());
                exchange.provider.close();
                assertThat(LogVerifier.verify(providerLog, Optional.of(exchange.ca.certificate())).problem()).isEmpty();
                assertThat(loggedIds(providerLog)).containsAll(delivered);
            } finally {
                gateway.destroyForcibly();
            }
        }
    }

    /** The port the gateway process prints once it listens; fails with its output if it dies or stays silent. */
    private static int awaitPort(Path output, Process gateway) throws Exception {
        AtomicInteger port = new AtomicInteger();
        try {
            Poll.until(() -> {
                if (Files.exists(output)) {
                    Matcher matcher = HTTP_PORT.matcher(Files.readString(output, StandardCharsets.UTF_8));
                    if (matcher.find()) {
                        port.set(Integer.parseInt(matcher.group(1)));
                        return true;
                    }
                }
                return !gateway.isAlive();
            }, Duration.ofSeconds(30), "the gateway process to listen");
        } catch (AssertionError silent) {
            throw new AssertionError(silent.getMessage() + "; its output: " + Files.readString(output), silent);
        }
        if (port.get() == 0) {
            throw new AssertionError("The gateway process ended before it listened: " + Files.readString(output));
        }
        return port.get();
    }


    private static String awaitToken(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=province-a&client_secret="
                        + SECRET_A)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static Set<String> loggedIds(Path log) throws Exception {
        Set<String> ids = new HashSet<>();
        for (Path segment : LogFormat.segments(log)) {
            for (String line : LogFormat.lines(LogFormat.readSegment(segment))) {
                if (line.startsWith("R ")) {
                    String json = line.substring(line.indexOf(' ', line.indexOf(' ', 2) + 1) + 1);
                    ids.add(JSON.readTree(json).get("xroadId").asString());
                }
            }
        }
        return ids;
    }
}
