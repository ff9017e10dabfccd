package vn.ndp.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.protocol.evidence.LogFormat;
import vn.ndp.protocol.evidence.LogVerifier;

/**
 * A gateway pair whose message log runs with the default outage policy ({@code continue}), rotation every
 * 10 minutes and a retention of 30 minutes, and no evidence token: past the outage window traffic goes on
 * with the alarm raised; retention deletes only the archives closed long enough ago, and the rest still
 * verifies from where the chain now starts; without a token no evidence is handed out.
 */
class MessageLogPolicyIntegrationTests {

    @TempDir
    static Path directory;
    static OutageTsa tsa;
    static ExchangeFixture exchange;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        tsa = OutageTsa.start(directory.resolve("tsa"));
        exchange = new ExchangeFixture(directory, ExchangeFixture.Overrides.both("""
                {"messageLog": {"signEvery": "0", "rotateEvery": "10m", "retention": "30m",
                 "timestamping": {"url": "%s", "interval": "1h", "outageWindow": "1m"}}}
                """.formatted(tsa.url())));
    }

    /** The tests move the shared clock: each starts with a configuration valid at the clock's time. */
    @BeforeEach
    void currentConfiguration() throws Exception {
        exchange.publish(builder -> { });
    }

    @AfterAll
    static void stop() {
        exchange.close();
        tsa.close();
    }

    private static MessageLog consumerLog() {
        return exchange.consumer.messageLog().orElseThrow();
    }

    private static int call(String xroadId) throws Exception {
        String token = exchange.token("province-a", SECRET_A);
        return http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items/7")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                .header("X-Road-Id", xroadId).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void log(String xroadId) throws Exception {
        consumerLog().append(new LoggedExchange("consumer", xroadId, "req", CLIENT_A.encoded(), ITEMS.encoded(), "GET",
                "/v1/items", 200, "", exchange.clock.instant(), 100, 0, 10, "hash", new byte[64], null, new byte[64],
                new byte[64], null, null)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void pastTheOutageWindowTheDefaultPolicyKeepsServingWithTheAlarmRaised() throws Exception {
        tsa.stop();
        try {
            assertThat(call("outage-" + UUID.randomUUID())).isEqualTo(200);
            consumerLog().stampNow();
            assertThat(consumerLog().unstampedBatches()).isPositive();
            assertThat(exchange.consumer.metrics().scrape()).contains("ndp_messagelog_stamp_overdue 0.0");

            exchange.clock.advance(Duration.ofMinutes(2));

            assertThat(consumerLog().stampOverdue()).isTrue();
            assertThat(exchange.consumer.metrics().scrape()).contains("ndp_messagelog_stamp_overdue 1.0");
            assertThat(consumerLog().refusal()).isEmpty();
            assertThat(call("past-window-" + UUID.randomUUID())).isEqualTo(200);
        } finally {
            tsa.restart();
        }
        consumerLog().stampNow();

        assertThat(consumerLog().unstampedBatches()).isZero();
        assertThat(exchange.consumer.metrics().scrape()).contains("ndp_messagelog_stamp_overdue 0.0");
        LogVerifier.Report report = LogVerifier.verify(consumerLog().directory(), Optional.of(exchange.ca.certificate()));
        assertThat(report.problem()).isEmpty();
        assertThat(report.unstampedBatches()).isZero();
    }

    @Test
    void retentionDeletesOnlyArchivesClosedLongerAgoAndTheRestVerifiesFromWhereTheChainNowStarts() throws Exception {
        Path log = consumerLog().directory();
        log("retention-1");
        consumerLog().stampNow();
        List<Path> before = LogFormat.segments(log);
        exchange.clock.advance(Duration.ofMinutes(11));
        log("retention-2"); // rotates: the segment it starts closes the ones before 30 minutes from now
        consumerLog().stampNow();
        Path kept = LogFormat.segments(log).getLast();
        exchange.clock.advance(Duration.ofMinutes(11));
        log("retention-3"); // rotates again: an archive closed 11 minutes ago, kept
        consumerLog().stampNow();
        assertThat(consumerLog().applyRetention()).as("nothing is old enough yet").isZero();

        exchange.clock.advance(Duration.ofMinutes(25));
        int deleted = consumerLog().applyRetention();

        assertThat(deleted).isEqualTo(before.size());
        assertThat(LogFormat.segments(log)).doesNotContainAnyElementsOf(before).startsWith(kept).hasSize(2);
        assertThat(consumerLog().applyRetention()).isZero();
        LogVerifier.Report report = LogVerifier.verify(log, Optional.of(exchange.ca.certificate()));
        assertThat(report.problem()).isEmpty();
        assertThat(LogFormat.segmentName(report.firstSeq())).isEqualTo(kept.getFileName().toString());
        assertThat(report.records()).isEqualTo(2);
        assertThat(LogFormat.readDeletions(log)).hasSize(before.size());
    }

    @Test
    void withoutAnEvidenceTokenTheAdminApiHandsOutNoEvidence() throws Exception {
        String id = "no-token-" + UUID.randomUUID();
        assertThat(call(id)).isEqualTo(200);
        URI url = URI.create("http://127.0.0.1:" + exchange.consumer.adminPort() + EvidenceEndpoint.PATH + "?id=" + id);

        for (String authorization : List.of("", "Bearer anything", "Basic YWJjOmRlZg==")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url);
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("no evidence endpoint without a token: " + authorization).isEqualTo(404);
            assertThat(response.body()).as(authorization).doesNotContain(id);
        }
        assertThat(consumerLog().evidence(id, Optional.empty())).as("the log holds it").isPresent();
    }
}
