package vn.ndp.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.GatewayErrors;
import vn.ndp.gateway.Poll;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.evidence.Evidence;
import vn.ndp.protocol.evidence.LogVerifier;

/**
 * The message log of a real gateway pair: both sides log every exchange before answering, bodies
 * encrypted when kept, batches time-stamped; a TSA outage is ridden out for the window and then
 * refused (this fixture is configured with {@code onOutage: refuse}); the admin API hands out
 * evidence to a caller with the token.
 */
class MessageLogIntegrationTests {

    private static final String EVIDENCE_TOKEN = "evidence-token-for-tests-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path directory;
    static OutageTsa tsa;
    static ExchangeFixture exchange;
    static String token;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        tsa = OutageTsa.start(directory.resolve("tsa"));
        Files.writeString(directory.resolve("evidence-token"), EVIDENCE_TOKEN + "\n");
        Files.writeString(directory.resolve("body.key"), Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        exchange = new ExchangeFixture(directory, ExchangeFixture.Overrides.both("""
                {"messageLog": {"bodies": true, "bodyKeyFile": "../body.key", "evidenceTokenFile": "../evidence-token", "signEvery": "200ms",
                 "timestamping": {"url": "%s", "interval": "1h", "outageWindow": "1m", "onOutage": "refuse"}}}
                """.formatted(tsa.url())));
        token = exchange.token("province-a", SECRET_A);
    }

    @AfterAll
    static void stop() {
        exchange.close();
        tsa.close();
    }

    private static HttpResponse<String> call(String xroadId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items/7")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                .header("X-Road-Id", xroadId).header("Content-Type", "application/json")
                .method("POST", HttpRequest.BodyPublishers.ofString("{\"ask\":\"" + xroadId + "\"}"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRecordHoldsItsExchangeAsOneJsonObjectWithEveryFieldInAFixedOrder() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] requestHeaders = filled(1);
        byte[] responseHeaders = filled(2);
        byte[] responseBody = filled(3);
        consumerLog().append(new LoggedExchange("consumer", id, "req-7", "VN/GOV/A/sub", "VN/GOV/B/sub/svc", "POST",
                "/v1/đường \"x\"", 201, "", java.time.Instant.parse("2026-11-24T06:00:00.5Z"), 1530, 12, 1024, "hash=",
                requestHeaders, null, responseHeaders, responseBody, null, null)).get(10, java.util.concurrent.TimeUnit.SECONDS);

        String line = null;
        for (Path segment : vn.ndp.protocol.evidence.LogFormat.segments(consumerLog().directory())) {
            for (String candidate : vn.ndp.protocol.evidence.LogFormat.lines(vn.ndp.protocol.evidence.LogFormat.readSegment(segment))) {
                if (candidate.startsWith("R ") && candidate.contains(id)) {
                    line = candidate;
                }
            }
        }
        assertThat(line).isNotNull();
        Base64.Encoder base64 = Base64.getEncoder();
        assertThat(line).endsWith(",\"side\":\"consumer\",\"xroadId\":\"" + id + "\",\"requestId\":\"req-7\","
                + "\"client\":\"VN/GOV/A/sub\",\"service\":\"VN/GOV/B/sub/svc\",\"method\":\"POST\","
                + "\"path\":\"/v1/đường \\\"x\\\"\",\"status\":201,\"fault\":\"\",\"startedAt\":\"2026-11-24T06:00:00.500Z\","
                + "\"durationMicros\":1530,\"requestBytes\":12,\"responseBytes\":1024,\"requestHash\":\"hash=\","
                + "\"requestHeadersSha512\":\"" + base64.encodeToString(requestHeaders) + "\",\"requestBodySha512\":\"\","
                + "\"responseHeadersSha512\":\"" + base64.encodeToString(responseHeaders) + "\","
                + "\"responseBodySha512\":\"" + base64.encodeToString(responseBody) + "\"}");
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[64];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static MessageLog consumerLog() {
        return exchange.consumer.messageLog().orElseThrow();
    }

    private static MessageLog providerLog() {
        return exchange.provider.messageLog().orElseThrow();
    }

    private static List<JsonNode> records(MessageLog log, String xroadId) {
        return log.evidence(xroadId, Optional.empty()).map(bytes -> Evidence.verify(bytes, Optional.empty()).records()
                .stream().map(Evidence.ProvenRecord::record).toList()).orElse(List.of());
    }

    @Test
    void bothGatewaysLogTheExchangeBeforeAnsweringWithDigestsAndEncryptedBodies() throws Exception {
        String id = "log-" + UUID.randomUUID();

        HttpResponse<String> response = call(id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode consumer = records(consumerLog(), id).getFirst();
        JsonNode provider = records(providerLog(), id).getFirst();
        assertThat(consumer.get("side").asString()).isEqualTo("consumer");
        assertThat(provider.get("side").asString()).isEqualTo("provider");
        for (JsonNode record : List.of(consumer, provider)) {
            assertThat(record.get("client").asString()).isEqualTo(CLIENT_A.encoded());
            assertThat(record.get("service").asString()).isEqualTo(ITEMS.encoded());
            assertThat(record.get("method").asString()).isEqualTo("POST");
            assertThat(record.get("path").asString()).isEqualTo("/v1/items/7");
            assertThat(record.get("status").asInt()).isEqualTo(200);
            assertThat(record.get("requestBodySha512").asString()).hasSize(88);
            assertThat(record.get("responseBodySha512").asString()).hasSize(88);
            assertThat(record.get("requestHash").asString()).isEqualTo(response.headers().firstValue("X-Road-Request-Hash").orElseThrow());
            assertThat(record.get("requestBody").asString()).startsWith("A256GCM:").doesNotContain(id);
        }
        assertThat(new String(consumerLog().openBody(consumer.get("requestBody").asString()), StandardCharsets.UTF_8))
                .isEqualTo("{\"ask\":\"" + id + "\"}");
        assertThat(consumer.get("requestHeadersSha512").asString()).isEqualTo(provider.get("requestHeadersSha512").asString());
        // at rest: neither the body nor its base64 is anywhere in either gateway's log files
        String plain = "{\"ask\":\"" + id + "\"}";
        for (MessageLog log : List.of(consumerLog(), providerLog())) {
            for (Path file : vn.ndp.protocol.evidence.LogFormat.segments(log.directory())) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).contains(id)
                        .doesNotContain(plain).doesNotContain(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void gatewayErrorsAreLoggedToo() throws Exception {
        String id = "err-" + UUID.randomUUID();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(exchange.consumerUrl("/r1/" + ExchangeFixture.PROVIDER.service("nosuch"))))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token)
                .header("X-Road-Id", id).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(records(consumerLog(), id)).singleElement()
                .satisfies(r -> assertThat(r.get("fault").asString()).isEqualTo("Server.ClientProxy.UnknownService"));
        // the error names the exchange it was logged under
        assertThat(XRoadError.fromJson(response.body()).detail()).isEqualTo(id);
        assertThat(response.headers().firstValue("X-Road-Id")).contains(id);
    }

    @Test
    void aRequestRefusedBeforeItHadAnXRoadIdIsLoggedUnderTheNewIdItsErrorNames() throws Exception {
        // no credential: refused before the X-Road-Id header is read, so the caller knows only the error's detail
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(exchange.consumerUrl("/r1/" + ExchangeFixture.PROVIDER.service("nosuch"))))
                .header("X-Road-Client", CLIENT_A.encoded()).header("X-Road-Id", "never-read-" + UUID.randomUUID())
                .build(), HttpResponse.BodyHandlers.ofString());
        String detail = XRoadError.fromJson(response.body()).detail();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(detail).isNotBlank().doesNotStartWith("never-read-");
        assertThat(response.headers().firstValue("X-Road-Id")).contains(detail);
        assertThat(records(consumerLog(), detail)).singleElement()
                .satisfies(r -> assertThat(r.get("fault").asString()).isEqualTo("Client.SslAuthenticationFailed"));
        Poll.until(() -> consumerLog().unsignedBatches() == 0, Duration.ofSeconds(10), "the consumer to sign its batch");
        assertThat(Evidence.verify(Evidence.export(consumerLog().directory(), detail, Optional.empty()).orElseThrow(),
                Optional.of(exchange.ca.certificate())).records()).hasSize(1);
    }

    @Test
    void aRequestJettyRefusesIsAnsweredAndLoggedUnderTheNewXRoadIdItsErrorNames() throws Exception {
        String head = "HTTP/1.1\r\nHost: x\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + token;
        String items = "/r1/" + ITEMS + "/v1/items";
        Map<String, String> refused = Map.of(
                "an encoded NUL", "GET " + items + "/%00 " + head,
                "oversized headers", "GET " + items + " " + head + "\r\nX-Big: " + "a".repeat(20_000),
                "an authority that is not the Host", "GET http://elsewhere.example" + items + " " + head,
                "an asterisk target", "GET * " + head,
                "an upgrade to h2c without Connection: Upgrade", "GET " + items + " " + head + "\r\nUpgrade: h2c");
        io.micrometer.core.instrument.search.Search badRequests = exchange.consumer.metrics().find("ndp_exchange_duration")
                .tags("side", "consumer", "status", "400", "fault", "Client.BadRequest");
        long before = badRequests.timer() == null ? 0 : badRequests.timer().count();

        refused.forEach((what, request) -> {
            try {
                RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), request, "");
                assertThat(answer.header("X-Road-Error")).as(what + ": " + answer).isEqualTo("Client.BadRequest");
                XRoadError error = GatewayErrors.assertGatewayError(answer, "Client.BadRequest");
                assertThat(answer.header("X-Road-Id")).as(what).isEqualTo(error.detail());
                assertThat(error.message()).as(what).doesNotContain("null");
                assertThat(records(consumerLog(), error.detail())).as(what).singleElement().satisfies(r -> {
                    assertThat(r.get("side").asString()).isEqualTo("consumer");
                    assertThat(r.get("status").asInt()).isEqualTo(400);
                    assertThat(r.get("fault").asString()).isEqualTo("Client.BadRequest");
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // recorded once each answer is written, which the caller may have read a moment before
        Poll.until(() -> badRequests.timer().count() - before == refused.size(), Duration.ofSeconds(10),
                "each refusal to be recorded for monitoring");

        RawHttp.Answer fromAGateway = RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET " + items
                + "/%00 HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, "");
        XRoadError error = GatewayErrors.assertGatewayError(fromAGateway, "Client.BadRequest");
        assertThat(fromAGateway.header("X-Road-Id")).isEqualTo(error.detail());
        assertThat(records(providerLog(), error.detail())).singleElement()
                .satisfies(r -> assertThat(r.get("side").asString()).isEqualTo("provider"));
    }

    @Test
    void aMetaserviceAnswerIsLoggedUnderTheXRoadIdItIsSentWith() throws Exception {
        HttpResponse<String> clients = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/listClients")))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> methods = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/"
                        + ExchangeFixture.PROVIDER + "/listMethods"))).header("X-Road-Client", CLIENT_A.encoded())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> answer : List.of(clients, methods)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String id = answer.headers().firstValue("X-Road-Id").orElseThrow();
            assertThat(records(consumerLog(), id)).as(answer.uri().getPath()).singleElement().satisfies(r -> {
                assertThat(r.get("status").asInt()).isEqualTo(200);
                assertThat(r.get("path").asString() + r.get("service").asString()).endsWith(answer.uri().getPath()
                        .replaceFirst("^/r1/", ""));
            });
        }
    }

    @Test
    void aTimeStampingOutageIsRiddenOutForTheWindowThenRefusedAndRecovers() throws Exception {
        assertThat(call("before-outage-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        consumerLog().stampNow();
        assertThat(consumerLog().unstampedBatches()).isZero();

        tsa.stop();
        assertThat(call("during-outage-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        consumerLog().stampNow();
        assertThat(consumerLog().unstampedBatches()).isPositive();
        assertThat(exchange.consumer.metrics().scrape()).contains("ndp_messagelog_unstamped_batches")
                .contains("ndp_messagelog_stamp_overdue 0.0");

        exchange.clock.advance(Duration.ofMinutes(2));
        assertThat(exchange.consumer.metrics().scrape()).contains("ndp_messagelog_stamp_overdue 1.0");
        assertThat(consumerLog().oldestUnstampedAge()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        HttpResponse<String> refused = call("refused-" + UUID.randomUUID());
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.headers().firstValue("X-Road-Error")).contains("Server.ClientProxy.InternalError");
        assertThat(refused.body()).contains("time-stamp");

        tsa.restart();
        consumerLog().stampNow();
        providerLog().stampNow();
        assertThat(consumerLog().unstampedBatches()).isZero();
        assertThat(consumerLog().refusal()).isEmpty();
        // the batches written during the outage are stamped now, and the stamps verify
        LogVerifier.Report report = LogVerifier.verify(consumerLog().directory(), Optional.of(exchange.ca.certificate()));
        assertThat(call("after-outage-" + UUID.randomUUID()).statusCode()).isEqualTo(200);

        assertThat(report.problem()).isEmpty();
        assertThat(report.stampedBatches()).isPositive();
        assertThat(report.unstampedBatches()).as("batches left unstamped after the TSA came back").isZero();
    }

    @Test
    void theAdminApiHandsEvidenceOnlyToTheTokenHolder() throws Exception {
        String id = "evidence-" + UUID.randomUUID();
        assertThat(call(id).statusCode()).isEqualTo(200);
        URI url = URI.create("http://127.0.0.1:" + exchange.provider.adminPort() + EvidenceEndpoint.PATH + "?id=" + id);

        HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> wrong = http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer nope").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> prefix = http.send(HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + EVIDENCE_TOKEN.substring(0, EVIDENCE_TOKEN.length() - 1)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> otherScheme = http.send(HttpRequest.newBuilder(url).header("Authorization", "Basic " + EVIDENCE_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> allowed = http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + EVIDENCE_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> unknown = http.send(HttpRequest.newBuilder(URI.create(url.toString().replace(id, "never")))
                .header("Authorization", "Bearer " + EVIDENCE_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(prefix.statusCode()).isEqualTo(401);
        assertThat(otherScheme.statusCode()).isEqualTo(401);
        assertThat(new String(wrong.body(), StandardCharsets.UTF_8)).doesNotContain(id);
        HttpResponse<byte[]> twice = http.send(HttpRequest.newBuilder(URI.create(url + "&id=never"))
                .header("Authorization", "Bearer " + EVIDENCE_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(twice.statusCode()).as("a repeated id is not read as its first value").isEqualTo(400);
        assertThat(new String(twice.body(), StandardCharsets.UTF_8)).contains("once");
        assertThat(allowed.statusCode()).isEqualTo(200);
        Evidence.Verified verified = Evidence.verify(allowed.body(), Optional.of(exchange.ca.certificate()));
        assertThat(verified.records()).singleElement().satisfies(r -> {
            assertThat(r.gateway()).isEqualTo(ExchangeFixture.PROVIDER_GATEWAY.encoded());
            assertThat(r.record().get("xroadId").asString()).isEqualTo(id);
        });
        assertThat(verified.revocations()).as("the file carries the configuration the gateway serves from")
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(exchange.version()));
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + EVIDENCE_TOKEN).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> delete = http.send(HttpRequest.newBuilder(url).DELETE()
                .header("Authorization", "Bearer " + EVIDENCE_TOKEN).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).as("an export is not run to be thrown away").isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).contains("GET");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void exportFromTheWholeDataDirectoryCoversBothGateways() throws Exception {
        String id = "both-" + UUID.randomUUID();
        assertThat(call(id).statusCode()).isEqualTo(200);
        // the writers sign their pending batches on their own, within signEvery, with no traffic to wake them
        Poll.until(() -> consumerLog().unsignedBatches() == 0 && providerLog().unsignedBatches() == 0,
                Duration.ofSeconds(10), "both writers to sign their pending batches");

        Evidence.Verified verified = Evidence.verify(Evidence.export(directory, id, Optional.empty()).orElseThrow(),
                Optional.of(exchange.ca.certificate()));

        assertThat(verified.records()).extracting(Evidence.ProvenRecord::gateway).containsExactlyInAnyOrder(
                ExchangeFixture.CONSUMER_GATEWAY.encoded(), ExchangeFixture.PROVIDER_GATEWAY.encoded());
    }

    @Test
    void aSigningCertificateIssuedToAnotherGatewayIsRefusedAtStartNamingTheSetting() throws Exception {
        // the provider's own certificate, configured as the consumer's dedicated message-log signing certificate
        Path file = exchange.consumerVariant("consumer-signed-by-another", JSON.writeValueAsString(Map.of("messageLog",
                Map.of("signingCertificate", exchange.providerCertificate.certificateFile().toString(),
                        "signingKey", exchange.providerCertificate.privateKeyFile().toString()))));

        assertThatThrownBy(() -> MessageLog.open(GatewayConfigurationReader.read(file), Clock.systemUTC(),
                new SimpleMeterRegistry()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("messageLog.signingCertificate")
                .hasMessageContaining("not to gateway " + ExchangeFixture.CONSUMER_GATEWAY.encoded());
        assertThat(file.resolveSibling("data/messagelog")).doesNotExist();
    }
}
