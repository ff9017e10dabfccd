package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_A;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_B;
import static vn.ndp.gateway.ExchangeFixture.CLIENT_UNREGISTERED;
import static vn.ndp.gateway.ExchangeFixture.DEAD;
import static vn.ndp.gateway.ExchangeFixture.GHOST;
import static vn.ndp.gateway.ExchangeFixture.ITEMS;
import static vn.ndp.gateway.ExchangeFixture.MINISTRY;
import static vn.ndp.gateway.ExchangeFixture.NARROW;
import static vn.ndp.gateway.ExchangeFixture.PROVIDER;
import static vn.ndp.gateway.ExchangeFixture.PROVINCE_B;
import static vn.ndp.gateway.ExchangeFixture.SECRET_A;
import static vn.ndp.gateway.ExchangeFixture.SECRET_B;
import static vn.ndp.gateway.ExchangeFixture.SECRET_UNREGISTERED;
import static vn.ndp.gateway.ExchangeFixture.SLOW;
import static vn.ndp.gateway.ExchangeFixture.UNCONFIGURED;
import static vn.ndp.gateway.GatewayErrors.assertGatewayError;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLSocket;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.ExchangeFixture;
import vn.ndp.gateway.Poll;
import vn.ndp.gateway.GatewayNode;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.RecordingBackend.Received;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.protocol.errors.XRoadError;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.globalconf.Subsystem;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.usage.UsageAggregate;

class ExchangeIntegrationTests {

    @TempDir
    static Path directory;
    static ExchangeFixture exchange;
    static String tokenA;
    static String tokenB;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        exchange = new ExchangeFixture(directory);
        tokenA = exchange.token("province-a", SECRET_A);
        tokenB = exchange.token("province-b", SECRET_B);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @BeforeEach
    void forgetBackendRequests() {
        exchange.backend.clear();
    }

    private static HttpResponse<String> get(String path, String client, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(exchange.consumerUrl(path))).timeout(Duration.ofSeconds(15));
        if (client != null) {
            request.header("X-Road-Client", client);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The head of a request for {@code target} through the consumer's plain listener, as {@link ExchangeFixture#CLIENT_A} with {@code tokenA}. */
    private static String headAsA(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\nHost: x\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + tokenA;
    }

    @Test
    void aTokenHolderReachesTheProviderBackendThroughBothGateways() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items/42?q=h%C3%A0+n%E1%BB%99i&x=1")))
                .header("X-Road-Client", CLIENT_A.encoded())
                .header("X-Road-Id", id)
                .header("X-Road-UserId", "VN001234567890")
                .header("Authorization", "Bearer " + tokenA)
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"path\":\"/api/v1/items/42\",\"bytes\":0}");
        assertThat(response.headers().firstValue("X-Road-Client")).contains(CLIENT_A.encoded());
        assertThat(response.headers().firstValue("X-Road-Service")).contains(ITEMS.encoded());
        assertThat(response.headers().firstValue("X-Road-Id")).contains(id);
        assertThat(response.headers().firstValue("X-Road-Request-Id")).isPresent();
        assertThat(Base64.getDecoder().decode(response.headers().firstValue("X-Road-Request-Hash").orElseThrow())).hasSize(64);
        assertThat(response.headers().firstValue("X-Road-Error")).isEmpty();
        assertThat(response.headers().firstValue("X-Backend")).contains("kept");

        List<Received> received = exchange.backend.received();
        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/api/v1/items/42");
        assertThat(request.rawQuery()).isEqualTo("q=h%C3%A0+n%E1%BB%99i&x=1");
        assertThat(request.header("X-Road-Client")).isEqualTo(CLIENT_A.encoded());
        assertThat(request.header("X-Road-Service")).isEqualTo(ITEMS.encoded());
        assertThat(request.header("X-Road-Id")).isEqualTo(id);
        assertThat(request.header("X-Road-UserId")).isEqualTo("VN001234567890");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).as("the gateway's own token stays at the gateway").isNull();
    }

    @Test
    void aCertificateHolderPostsABodyThatArrivesWholeOverHttp2OrHttp11() throws Exception {
        HttpClient withCertificate = HttpClient.newBuilder().sslContext(exchange.tlsAs(exchange.localSystemCertificate)).build();
        String body = "{\"name\":\"Sở Tư pháp\"}".repeat(50);

        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
            exchange.backend.clear();
            HttpResponse<String> response = withCertificate.send(HttpRequest.newBuilder(
                            URI.create("https://localhost:" + exchange.consumer.consumerHttpsPort() + "/r1/" + ITEMS + "/v1/items"))
                    .version(version)
                    .header("X-Road-Client", CLIENT_A.encoded())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.version()).as("HTTP/2 offered in ALPN, HTTP/1.1 still served").isEqualTo(version);
            Received received = exchange.backend.received().getFirst();
            assertThat(received.method()).isEqualTo("POST");
            assertThat(new String(received.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
            assertThat(received.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        }
    }

    @Test
    void aBodyOfUnknownLengthStreamsWholeThroughBothGatewaysAndARequestWithoutBodyGetsNone() throws Exception {
        String body = "{\"tên\":\"Sở Tư pháp\"}".repeat(100);
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
        List<Received> received = exchange.backend.received();
        assertThat(received).extracting(Received::method).containsExactly("POST", "DELETE");
        assertThat(new String(received.get(0).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(received.get(1).body()).isEmpty();
        assertThat(received.get(1).header("Transfer-Encoding")).isNull();
        assertThat(received.get(1).header("Content-Length")).isNull();
    }

    @Test
    void aProviderErrorPassesThroughUnchanged() throws Exception {
        HttpResponse<String> response = get("/r1/" + ITEMS + "/v1/missing", CLIENT_A.encoded(), tokenA);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"path\":\"/api/v1/missing\",\"bytes\":0}");
        assertThat(response.headers().firstValue("X-Road-Error")).as("a backend cannot pose as a gateway").isEmpty();
        assertThat(response.headers().firstValue("X-Road-Client")).contains(CLIENT_A.encoded());
    }

    @Test
    void aRequestWithoutClientHeaderIsRefused() throws Exception {
        assertGatewayError(get("/r1/" + ITEMS + "/x", null, tokenA), "Client.MissingHeader");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aMalformedClientHeaderIsRefused() throws Exception {
        assertGatewayError(get("/r1/" + ITEMS + "/x", "VN/GOV/TEST.PROVINCE.A", tokenA), "Client.InvalidClientIdentifier");
        assertGatewayError(get("/r1/" + ITEMS + "/x", "VN/GOV/TEST.PROVINCE.A/por%2Ftal", tokenA), "Client.InvalidClientIdentifier");
        assertGatewayError(get("/r1/" + ITEMS + "/x", "XX/GOV/TEST.PROVINCE.A/portal", tokenA), "Client.InvalidClientIdentifier");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aClientHeaderWithForbiddenCharactersOrRepeatedIsRefused() throws Exception {
        for (String forbidden : List.of("VN/GOV/TEST.PROVINCE.A/por tal", "VN/GOV/TEST.PROVINCE.A/portal;x=1",
                "VN/GOV/TEST.PROVINCE.A/por%00tal", "VN/GOV/TEST.PROVINCE.A/por%0d%0atal", "VN/GOV/TEST.PROVINCE.A/p*rtal",
                "VN/GOV/TEST.PROVINCE.A/portal/extra", "VN/GOV//portal", "VN/XYZ/TEST.PROVINCE.A/portal")) {
            assertGatewayError(get("/r1/" + ITEMS + "/x", forbidden, tokenA), "Client.InvalidClientIdentifier");
        }
        // A second X-Road-Client could make the gateway check one subsystem and the backend see the other.
        assertGatewayError(RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("GET", "/r1/" + ITEMS + "/x")
                + "\r\nX-Road-Client: " + CLIENT_B, ""), "Client.InvalidClientIdentifier");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aServiceIdentifierWithForbiddenCharactersIsRefused() throws Exception {
        assertGatewayError(get("/r1/VN/GOV/TEST.MINISTRY/registry/it%20ems/x", CLIENT_A.encoded(), tokenA), "Client.BadRequest");
        assertGatewayError(get("/r1/VN/GOV/TEST.MINISTRY/reg*istry/items", CLIENT_A.encoded(), tokenA), "Client.BadRequest");
        assertGatewayError(get("/r1/VN/GOV/TEST.MINISTRY", CLIENT_A.encoded(), tokenA), "Client.BadRequest");
        assertGatewayError(get("/r2/" + ITEMS, CLIENT_A.encoded(), tokenA), "Client.InvalidProtocolVersion");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void r1WithoutAServiceIdentifierIsToldTheIdentifierIsMissingNotThatItSpeaksAnotherVersion() throws Exception {
        XRoadError error = assertGatewayError(get("/r1", CLIENT_A.encoded(), tokenA), "Client.BadRequest");
        assertThat(error.message()).contains("service identifier is missing").doesNotContain("r1 only");
    }

    @Test
    void anXRoadIdUserIdOrIssueHeaderThatIsRepeatedTooLongOrNotPrintableIsRefused() throws Exception {
        for (String name : List.of("X-Road-Id", "X-Road-UserId", "X-Road-Issue")) {
            for (String bad : List.of(name + ": a\r\n" + name + ": b", name + ": " + "x".repeat(256), name + ": t\u00e2m")) {
                RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(),
                        headAsA("GET", "/r1/" + ITEMS + "/v1/items") + "\r\n" + bad, "");
                assertGatewayError(answer, "Client.BadRequest");
                assertThat(XRoadError.fromJson(answer.body()).message()).as(bad).contains(name);
            }
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aCallerWithoutCredentialOrWithAnUnknownTokenIsRefused() throws Exception {
        assertGatewayError(get("/r1/" + ITEMS + "/x", CLIENT_A.encoded(), null), "Client.SslAuthenticationFailed");
        assertGatewayError(get("/r1/" + ITEMS + "/x", CLIENT_A.encoded(), "forged-token"), "Client.SslAuthenticationFailed");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void oneTenantCannotActAsAnotherWithItsToken() throws Exception {
        assertGatewayError(get("/r1/" + ITEMS + "/x", CLIENT_A.encoded(), tokenB), "Client.SslAuthenticationFailed");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void oneTenantCannotActAsAnotherWithItsCertificateAndAnUnboundCertificateActsAsNoOne() throws Exception {
        for (var certificate : List.of(exchange.localSystemCertificate, exchange.consumerCertificate)) {
            try (HttpClient withCertificate = HttpClient.newBuilder().sslContext(exchange.tlsAs(certificate)).build()) {
                HttpResponse<String> response = withCertificate.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                                + exchange.consumer.consumerHttpsPort() + "/r1/" + ITEMS + "/v1/items"))
                        .timeout(Duration.ofSeconds(15)).header("X-Road-Client", CLIENT_B.encoded()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertGatewayError(response, "Client.SslAuthenticationFailed");
            }
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aGatewayCannotSpeakForAClientItDoesNotHostNorCanACertificateThatIsNoGateways() throws Exception {
        String head = "GET /r1/" + ITEMS + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A;

        // The ghost gateway is registered, with a certificate of the national CA, but hosts only the ghost provider.
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.ghostCertificate), head, ""), "Server.ServerProxy.AccessDenied");
        // A certificate of the national CA that the global configuration registers for no gateway.
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.localSystemCertificate), head, ""),
                "Server.ServerProxy.SslAuthenticationFailed");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aProviderGatewaysRefusalOfTheCallingGatewayNamesTheExchangeByTheCallersXRoadId() throws Exception {
        // The consumer gateway with a new certificate of its own that the global configuration does not register yet:
        // the provider gateway refuses it before it knows which client or service the request is for.
        IssuedCertificate renewed = exchange.issueGatewayCertificate(ExchangeFixture.CONSUMER_GATEWAY);
        Path unregistered = exchange.consumerVariant("consumer-with-unregistered-certificate", """
                {"tls": {"certificate": "%s", "privateKey": "%s"}}""".formatted(renewed.certificateFile(),
                renewed.privateKeyFile()));
        try (GatewayNode consumer = new GatewayNode(GatewayConfigurationReader.read(unregistered), exchange.clock)) {
            consumer.startWithoutSchedules();
            consumer.globalConfiguration().refreshNow();
            String id = UUID.randomUUID().toString();

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + consumer.consumerHttpPort() + "/r1/" + ITEMS + "/v1/items"))
                    .timeout(Duration.ofSeconds(15)).header("X-Road-Client", CLIENT_A.encoded()).header("X-Road-Id", id)
                    .header("Authorization", "Bearer " + ExchangeFixture.token(consumer, "province-a", SECRET_A)).build(),
                    HttpResponse.BodyHandlers.ofString());

            XRoadError error = assertGatewayError(response, "Server.ServerProxy.SslAuthenticationFailed");
            assertThat(response.headers().firstValue("X-Road-Id")).contains(id);
            assertThat(error.detail()).as("the provider gateway's error names the exchange as its caller does")
                    .isEqualTo(id);
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aMethodTheGatewaysDoNotRelayIsRefusedEvenUnderARightToAnyMethod() throws Exception {
        // ITEMS is open to A with any method on any path; TRACE would echo A's token back, the others mean nothing here
        for (String method : List.of("TRACE", "PROPFIND", "FOO")) {
            XRoadError refused = assertGatewayError(RawHttp.send(exchange.consumer.consumerHttpPort(),
                    headAsA(method, "/r1/" + ITEMS + "/v1/items"), ""), "Client.BadRequest");
            assertThat(refused.message()).as(method).contains("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            // a calling gateway is held to it as well
            assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), method + " /r1/" + ITEMS
                    + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, ""), "Client.BadRequest");
        }
        assertThat(exchange.backend.received()).isEmpty();
        assertThat(RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("OPTIONS", "/r1/" + ITEMS + "/v1/items"), "")
                .status()).as("a method the gateways relay").isEqualTo(200);
    }

    @Test
    void theProviderGatewayChecksPathServiceAndRightItselfWhateverACallingGatewaySends() throws Exception {
        String items = "/r1/" + ITEMS;
        for (String trick : List.of(items + "/v1/../../secret", items + "/v1/%2e%2e/%2e%2e/secret", items + "/v1%2F..%2Fsecret",
                items + "/v1//secret", items + "/..;/secret", items + "/v1%5Csecret")) {
            assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET " + trick
                    + " HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, ""), "Client.BadRequest");
        }
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + PROVIDER.service("nothing")
                + "/x HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, ""), "Server.ServerProxy.UnknownService");
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + NARROW
                + "/items/7/secret HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, ""), "Server.ServerProxy.AccessDenied");
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_B, ""), "Server.ServerProxy.AccessDenied");
        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: localhost", ""), "Client.MissingHeader");
        assertThat(exchange.backend.received()).isEmpty();

        // Two X-Road-Client headers: the provider gateway checks one, and the backend must see that one only.
        RawHttp.Answer twice = RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "GET /r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Id: twice\r\nX-Road-Client: " + CLIENT_A
                + "\r\nX-Road-Client: " + CLIENT_B, "");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        assertThat(twice.values("X-Road-Client")).containsExactly(CLIENT_A.encoded());
        assertThat(exchange.backend.received()).singleElement()
                .satisfies(received -> assertThat(received.headers().entrySet().stream()
                        .filter(header -> header.getKey().equalsIgnoreCase("X-Road-Client"))
                        .flatMap(header -> header.getValue().stream())).containsExactly(CLIENT_A.encoded()));
        exchange.backend.clear();

        assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "POST /r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Id: big\r\nX-Road-Client: " + CLIENT_A,
                "x".repeat((int) ExchangeFixture.MAX_BODY + 1)), "Client.InvalidBody");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aGatewaysRequestWithoutXRoadIdIsRefusedUnderAnIdOfItsOwnAndNeverServed() throws Exception {
        String head = "GET /r1/" + ITEMS + "/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A;
        for (String target : List.of("/r1/" + ITEMS + "/v1/items", "/r1/" + PROVIDER + "/getOpenAPI?serviceCode=items")) {
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A;
            RawHttp.Answer missing = RawHttp.send(exchange.toProvider(exchange.consumerCertificate), request, "");
            XRoadError error = assertGatewayError(missing, "Client.MissingHeader");
            assertThat(error.message()).as(target).contains("X-Road-Id");
            assertThat(missing.header("X-Road-Id")).as("the refusal's own id, under which it is logged")
                    .isEqualTo(error.detail()).satisfies(UUID::fromString);

            for (String bad : List.of("\r\nX-Road-Id: one\r\nX-Road-Id: two", "\r\nX-Road-Id: " + "x".repeat(256))) {
                assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), request + bad, ""),
                        "Client.BadRequest");
            }
        }
        assertThat(exchange.backend.received()).as("neither the service nor its OpenAPI description was fetched").isEmpty();

        RawHttp.Answer named = RawHttp.send(exchange.toProvider(exchange.consumerCertificate), head + "\r\nX-Road-Id: named", "");
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.header("X-Road-Id")).isEqualTo("named");
    }

    @Test
    void aClientTheGlobalConfigurationRegistersAtAnotherGatewayCannotCallThroughThisOne() throws Exception {
        String token = exchange.token("unregistered", SECRET_UNREGISTERED);
        GatewayId elsewhere = new GatewayId(PROVINCE_B, "own-gateway");
        IssuedCertificate certificate = exchange.issueGatewayCertificate(elsewhere);
        try {
            exchange.publish(builder -> builder.subsystem(new Subsystem(CLIENT_UNREGISTERED, null))
                    .gateway(Gateway.of(elsewhere, "127.0.0.1:" + exchange.deadPort, certificate.certificate(),
                            List.of(CLIENT_UNREGISTERED)))
                    .accessRight(AccessRight.toWholeService(CLIENT_UNREGISTERED, ITEMS)));

            HttpResponse<String> response = get("/r1/" + ITEMS + "/v1/items", CLIENT_UNREGISTERED.encoded(), token);

            assertGatewayError(response, "Server.ClientProxy.UnknownMember");
            assertThat(XRoadError.fromJson(response.body()).message()).contains("at this gateway");
            assertThat(exchange.backend.received()).isEmpty();
        } finally {
            exchange.publish(builder -> { });
        }
    }

    @Test
    void theTokenEndpointRefusesAWrongSecret() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("province-a:wrong".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void aClientTheGlobalConfigurationDoesNotKnowIsRefused() throws Exception {
        String token = exchange.token("unregistered", SECRET_UNREGISTERED);
        assertGatewayError(get("/r1/" + ITEMS + "/x", CLIENT_UNREGISTERED.encoded(), token), "Server.ClientProxy.UnknownMember");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void anUnknownServiceIsRefused() throws Exception {
        assertGatewayError(get("/r1/" + PROVIDER.service("nothing") + "/x", CLIENT_A.encoded(), tokenA),
                "Server.ClientProxy.UnknownService");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aClientWithoutAccessRightIsDeniedByTheProviderGateway() throws Exception {
        HttpResponse<String> denied = get("/r1/" + ITEMS + "/v1/items", CLIENT_B.encoded(), tokenB);

        XRoadError error = assertGatewayError(denied, "Server.ServerProxy.AccessDenied");
        assertThat(exchange.backend.received()).isEmpty();
        // the provider's refusal, passed on by the consumer, names the exchange's X-Road-Id both ways
        assertThat(denied.headers().firstValue("X-Road-Id")).contains(error.detail());
        assertThat(error.detail()).matches("[0-9a-f-]{36}");
    }

    @Test
    void anEndpointRightAllowsOnlyItsMethodAndPath() throws Exception {
        assertThat(get("/r1/" + NARROW + "/items/7", CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
        assertGatewayError(get("/r1/" + NARROW + "/items/7/secret", CLIENT_A.encoded(), tokenA), "Server.ServerProxy.AccessDenied");
        assertGatewayError(get("/r1/" + NARROW + "/other", CLIENT_A.encoded(), tokenA), "Server.ServerProxy.AccessDenied");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + NARROW + "/items/7")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertGatewayError(post, "Server.ServerProxy.AccessDenied");
        assertThat(exchange.backend.received()).extracting(Received::rawPath).containsExactly("/narrow/items/7");
    }

    @Test
    void anEndpointRightForGetDoesNotGrantHead() throws Exception {
        RawHttp.Answer head = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("HEAD", "/r1/" + NARROW + "/items/7"), "");

        assertThat(head.status()).as(head.toString()).isEqualTo(500);
        assertThat(head.header("X-Road-Error")).isEqualTo("Server.ServerProxy.AccessDenied");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void metaservicesAnswerJsonWhateverTheAcceptHeaderAsks() throws Exception {
        for (String accept : List.of("application/xml", "text/xml", "application/json", "*/*")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + PROVIDER
                            + "/listMethods"))).header("X-Road-Client", CLIENT_A.encoded())
                    .header("Authorization", "Bearer " + tokenA).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(accept).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(accept).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(answer.body()).as(accept).startsWith("{\"service\":[");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "x".repeat((int) ExchangeFixture.MAX_BODY + 1);
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/upload")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA)
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertGatewayError(declared, "Client.InvalidBody");

        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/upload")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertGatewayError(streamed, "Client.InvalidBody");
        assertThat(exchange.backend.received()).as("no complete oversized request reaches the backend").isEmpty();
    }

    @Test
    void aResponseUnderTheLimitStreamsWholeAndOneOverItNeverReachesTheCaller() throws Exception {
        int limit = (int) ExchangeFixture.MAX_BODY;
        for (String kind : List.of("big", "streamed")) {
            HttpResponse<byte[]> fits = http.send(HttpRequest.newBuilder(
                            URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/" + kind + "/" + limit)))
                    .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fits.statusCode()).as(kind).isEqualTo(200);
            assertThat(fits.body()).as(kind).hasSize(limit);
        }

        HttpResponse<String> declared = get("/r1/" + ITEMS + "/big/" + (limit + 1), CLIENT_A.encoded(), tokenA);
        assertGatewayError(declared, "Server.ServerProxy.ServiceFailed");
        assertThat(XRoadError.fromJson(declared.body()).message()).contains("larger than the limit");

        // Chunked, the size shows only while relaying; the relay holds each chunk until the next one
        // arrives, so the limit trips before anything was sent and the caller gets the error.
        HttpResponse<String> streamed = get("/r1/" + ITEMS + "/streamed/" + (3 * limit), CLIENT_A.encoded(), tokenA);
        assertGatewayError(streamed, "Server.ServerProxy.ServiceFailed");
        assertThat(XRoadError.fromJson(streamed.body()).message()).contains("larger than the limit");
    }

    @Test
    void aResponseOverTheConsumerGatewaysOwnLimitNeverReachesTheCallerWhateverTheProviderGatewayAllows() throws Exception {
        // The same consumer gateway (identifier, certificate, clients) with a quarter of the provider gateway's limit.
        Path smaller = exchange.consumerVariant("smaller-consumer",
                "{\"limits\": {\"maxBodySize\": " + ExchangeFixture.MAX_BODY / 4 + "}}");
        try (GatewayNode consumer = new GatewayNode(GatewayConfigurationReader.read(smaller), exchange.clock)) {
            consumer.startWithoutSchedules();
            consumer.globalConfiguration().refreshNow();
            String token = ExchangeFixture.token(consumer, "province-a", SECRET_A);

            for (String kind : List.of("big", "streamed")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + consumer.consumerHttpPort() + "/r1/" + ITEMS + "/" + kind + "/" + ExchangeFixture.MAX_BODY / 2))
                        .timeout(Duration.ofSeconds(15)).header("X-Road-Client", CLIENT_A.encoded())
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

                assertGatewayError(response, "Server.ClientProxy.ServiceFailed");
                assertThat(XRoadError.fromJson(response.body()).message()).as(kind).contains("larger than the limit");
            }
        }
    }

    @Test
    void aBackendThatBreaksOffItsAnswerGivesServiceFailed() throws Exception {
        HttpResponse<String> response = get("/r1/" + ITEMS + "/broken", CLIENT_A.encoded(), tokenA);

        assertGatewayError(response, "Server.ServerProxy.ServiceFailed");
        assertThat(XRoadError.fromJson(response.body()).message()).contains("broke off");
        assertThat(get("/r1/" + ITEMS + "/v1/items", CLIENT_A.encoded(), tokenA).statusCode())
                .as("the gateways carry on").isEqualTo(200);
    }

    @Test
    void aGetOnAKeepAliveConnectionTheBackendDropsIsSentOnceMore() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("/r1/" + ITEMS + "/fickle", CLIENT_A.encoded(), tokenA);
            assertThat(response.statusCode()).as(i + ": " + response.body()).isEqualTo(200);
        }
        assertThat(exchange.backend.received()).as("the dropped requests reached the backend too").hasSizeGreaterThan(3);
    }

    @Test
    void aCookieABackendSetsIsNeverReplayedByTheGateways() throws Exception {
        HttpResponse<String> first = get("/r1/" + ITEMS + "/v1/items/1", CLIENT_A.encoded(), tokenA);
        assertThat(first.headers().firstValue("Set-Cookie")).as("end to end, the caller gets it")
                .hasValueSatisfying(v -> assertThat(v).contains("secret-of-" + CLIENT_A.encoded()));

        assertThat(get("/r1/" + ITEMS + "/v1/items/2", CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);

        // Neither gateway's HTTP client keeps it: it would be sent on every later request, whoever the caller.
        assertThat(exchange.backend.received()).hasSize(2)
                .allSatisfy(received -> assertThat(received.header("Cookie")).isNull());
    }

    @Test
    void aSlowBackendGivesServiceFailedWithinTheBackendTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/r1/" + SLOW + "/wait", CLIENT_A.encoded(), tokenA);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // ended by the backend's read timeout, not by the later exchange limit (6 s here), which has the same type
        assertThat(assertGatewayError(response, "Server.ServerProxy.ServiceFailed").message())
                .contains("did not answer within PT1.5S");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofMillis(8000));
        assertThat(exchange.backend.received()).as("a timed-out request is not sent again").hasSize(1);
    }

    @Test
    void aDeadBackendGivesNetworkErrorAtOnce() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/r1/" + DEAD + "/x", CLIENT_A.encoded(), tokenA);

        assertGatewayError(response, "Server.ServerProxy.NetworkError");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered at once, not left to hang")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aServiceWithoutBackendOnTheProviderGatewayGivesServiceMissingUrl() throws Exception {
        assertGatewayError(get("/r1/" + UNCONFIGURED + "/x", CLIENT_A.encoded(), tokenA), "Server.ServerProxy.ServiceMissingUrl");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void anUnreachableProviderGatewayGivesNetworkErrorFromTheConsumerGateway() throws Exception {
        assertGatewayError(get("/r1/" + GHOST + "/x", CLIENT_A.encoded(), tokenA), "Server.ClientProxy.NetworkError");
    }

    @Test
    void aProviderGatewayThatTakesTheConnectionButNeverAnswersGivesNetworkErrorWithinTheGatewayTimeout() throws Exception {
        ServiceId silent = MINISTRY.subsystem("silent").service("silent");
        GatewayId silentGateway = new GatewayId(MINISTRY, "silent");
        IssuedCertificate certificate = exchange.issueGatewayCertificate(silentGateway);
        // Listening, so the kernel completes TCP connections, but never accepting: the TLS handshake gets no answer.
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            exchange.publishProviderGateway(silentGateway, "127.0.0.1:" + blackHole.getLocalPort(), certificate, silent);
            long start = System.nanoTime();

            HttpResponse<String> response = get("/r1/" + silent + "/x", CLIENT_A.encoded(), tokenA);

            // ended by the gateway hop's own timeouts, not by the exchange limit (6 s here)
            assertThat(assertGatewayError(response, "Server.ClientProxy.NetworkError").message())
                    .doesNotContain("limits.exchangeTimeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("gatewayReadTimeout is 4 s")
                    .isLessThan(Duration.ofSeconds(9));
        } finally {
            exchange.publish(builder -> { });
        }
    }

    /**
     * A provider gateway registered in the global configuration, with a certificate of the national CA, that answers
     * without the request hash it must compute, with a wrong one, or for another request id: the consumer gateway
     * refuses each answer, and the caller never sees what it sent.
     */
    @Test
    void anAnswerWhoseRequestHashOrRequestIdDoesNotMatchTheRequestNeverReachesTheCaller() throws Exception {
        ServiceId forged = MINISTRY.subsystem("forging").service("forged");
        GatewayId forger = new GatewayId(MINISTRY, "forger");
        IssuedCertificate certificate = exchange.issueGatewayCertificate(forger);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(exchange.tlsAs(certificate)));
        server.createContext("/", call -> {
            call.getRequestBody().readAllBytes();
            String path = call.getRequestURI().getPath();
            String requestId = call.getRequestHeaders().getFirst("X-Road-Request-Id");
            if (!path.endsWith("/no-hash")) {
                call.getResponseHeaders().add("X-Road-Request-Hash", Base64.getEncoder().encodeToString(new byte[64]));
            }
            call.getResponseHeaders().add("X-Road-Request-Id", path.endsWith("/other-id") ? UUID.randomUUID().toString() : requestId);
            byte[] body = "{\"forged\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            call.sendResponseHeaders(200, body.length);
            try (var out = call.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            exchange.publishProviderGateway(forger, "127.0.0.1:" + server.getAddress().getPort(), certificate, forged);

            for (String answer : List.of("/wrong-hash", "/no-hash", "/other-id")) {
                HttpResponse<String> response = get("/r1/" + forged + answer, CLIENT_A.encoded(), tokenA);

                assertGatewayError(response, "Server.ClientProxy.InconsistentResponse");
                assertThat(response.body()).as(answer).doesNotContain("forged\":true");
            }
        } finally {
            server.stop(0);
            exchange.publish(builder -> { });
        }
    }

    @Test
    void pathTricksNeverReachAnythingButTheRegisteredBackend() throws Exception {
        String service = "/r1/" + ITEMS;
        List<String> tricks = List.of(
                service + "/../../admin",
                service + "/v1/../../secret",
                service + "/%2e%2e/secret",
                service + "/%2E%2E/%2e%2e/secret",
                service + "/v1%2F..%2F..%2Fsecret",
                service + "/v1%5C..%5Csecret",
                service + "/v1\\..\\secret",
                service + "//evil.example/x",
                service + "/v1//x",
                service + "/http://evil.example/x",
                service + "/..;/admin",
                service + "/v1/%252e%252e/secret",
                service + "/v1/%00/x",
                service + "/v1/%0d%0aX-Injected:%201",
                service + "/v1;x=1/..;y=2/secret",
                service + "/v1/%2e%2e%2fsecret",
                service + "/v1/%c0%ae%c0%ae/secret",
                "/r1/VN/GOV/TEST.MINISTRY/registry/items/../slow/x",
                "/r1/VN/GOV/TEST.MINISTRY/registry/items;x=1/v1",
                "/r1/VN/GOV/TEST.MINISTRY/registry/items%2F..%2Fslow/x",
                "/r1/../r1/VN/GOV/TEST.MINISTRY/registry/slow/x");
        for (String trick : tricks) {
            RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("GET", trick), "");
            assertGatewayError(answer, "Client.BadRequest");
        }
        RawHttp.Answer absolute = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("GET", "http://127.0.0.1:"
                + exchange.backend.port() + "/api/secret"), "");
        assertGatewayError(absolute, "Client.BadRequest");
        assertGatewayError(RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("OPTIONS", "*"), ""), "Client.BadRequest");
        long start = System.nanoTime();
        RawHttp.Answer connect = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("CONNECT", "127.0.0.1:"
                + exchange.backend.port()), "");
        assertGatewayError(connect, "Client.BadRequest");
        assertThat(connect.header("Connection")).isEqualTo("close");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed once answered, not at the idle timeout (9 s)")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(exchange.backend.received()).isEmpty();

        // An absolute URI naming another host with a valid path still reaches only the registered backend, at the
        // registered path, and the other host's name goes nowhere.
        RawHttp.Answer elsewhere = RawHttp.send(exchange.consumer.consumerHttpPort(), "GET http://evil.example/r1/" + ITEMS
                + "/v1/items HTTP/1.1\r\nHost: evil.example\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + tokenA, "");
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        Received received = exchange.backend.received().getFirst();
        assertThat(received.rawPath()).isEqualTo("/api/v1/items");
        assertThat(received.header("Host")).isEqualTo("127.0.0.1:" + exchange.backend.port());
    }

    @Test
    void aRequestUriOverTheLimitIsRefusedWhetherTheGatewayOrJettyMeasuresIt() throws Exception {
        // 4096 characters is the gateway's default limit; Jetty refuses request heads over 8 KiB itself.
        for (int length : List.of(5000, 9000)) {
            RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(),
                    headAsA("GET", "/r1/" + ITEMS + "/v1/items?q=" + "a".repeat(length)), "");
            assertGatewayError(answer, "Client.BadRequest");
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void requestSmugglingWithTransferEncodingIsRefusedAndNeverReachesTheBackend() throws Exception {
        String smuggled = "GET /r1/" + ITEMS + "/smuggled HTTP/1.1\r\nHost: x\r\nX-Road-Client: " + CLIENT_A
                + "\r\nAuthorization: Bearer " + tokenA + "\r\n\r\n";
        // Content-Length (added by RawHttp) and chunked together: which one frames the body is the smuggler's question.
        RawHttp.Answer both = RawHttp.send(exchange.consumer.consumerHttpPort(),
                headAsA("POST", "/r1/" + ITEMS + "/v1/items") + "\r\nTransfer-Encoding: chunked", "0\r\n\r\n" + smuggled);
        assertGatewayError(both, "Client.BadRequest");
        // A transfer coding other than a final chunked leaves the body's end unknown.
        RawHttp.Answer unknown = RawHttp.send(exchange.consumer.consumerHttpPort(),
                headAsA("POST", "/r1/" + ITEMS + "/v1/items") + "\r\nTransfer-Encoding: gzip", "");
        assertGatewayError(unknown, "Client.BadRequest");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aRequestBodyTheCallerAnnouncesButNeverSendsIsTheCallersFaultNotTheProviders() throws Exception {
        // chunked, but not one chunk follows: the backend answers a GET at once, before the body could arrive whole
        RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(),
                headAsA("GET", "/r1/" + ITEMS + "/v1/items") + "\r\nTransfer-Encoding: chunked", "");

        assertThat(assertGatewayError(answer, "Client.BadRequest").message())
                .contains("request body had not arrived whole");
    }

    @Test
    void aRequestInAnHttpVersionTheGatewayDoesNotSpeakIsTheCallersFaultNotTheGateways() throws Exception {
        for (String version : List.of(" HTTP/9.9", " HTTP/2.0", "")) { // the last: HTTP/0.9, no version at all
            RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), "GET /r1/" + ITEMS + "/v1/items" + version
                    + "\r\nHost: x\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + tokenA, "");
            assertGatewayError(answer, "Client.BadRequest");
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aRequestJettyRefusesOverHttp2GetsTheProtocolsErrorWithoutConnectionHeader() throws Exception {
        try (HttpClient withCertificate = HttpClient.newBuilder().sslContext(exchange.tlsAs(exchange.localSystemCertificate)).build()) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = withCertificate.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                                + exchange.consumer.consumerHttpsPort() + "/r1/" + ITEMS + "/v1/%00/x"))
                        .timeout(Duration.ofSeconds(15)).header("X-Road-Client", CLIENT_A.encoded()).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertGatewayError(response, "Client.BadRequest");
                assertThat(response.headers().firstValue("Connection")).as("a connection-specific header is malformed in HTTP/2")
                        .isEmpty();
            }
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void anUpgradeRequestIsServedAsPlainHttpAndTheUpgradeGoesNoFurther() throws Exception {
        RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("GET", "/r1/" + ITEMS + "/v1/items")
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nProxy-Connection: keep-alive", "");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Received received = exchange.backend.received().getFirst();
        assertThat(received.header("Upgrade")).isNull();
        assertThat(received.header("Proxy-Connection")).isNull();
        assertThat(received.header("Connection")).as("the gateway's own connection to the backend, if any")
                .satisfiesAnyOf(value -> assertThat(value).isNull(), value -> assertThat(value).doesNotContainIgnoringCase("upgrade"));
    }

    @Test
    void spoofedAndHopByHopHeadersAreDroppedInBothDirections() throws Exception {
        RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), "GET /r1/" + ITEMS + "/v1/items HTTP/1.1\r\n"
                + "Host: x\r\nX-Road-Client: " + CLIENT_A + "\r\nAuthorization: Bearer " + tokenA + "\r\n"
                + "X-Road-Service: VN/GOV/SPOOF/spoof/spoof\r\nX-Road-Request-Hash: spoofed\r\nX-Road-Error: Client.Spoofed\r\n"
                + "X-Road-Request-Id: spoofed\r\nProxy-Authorization: Basic c2VjcmV0\r\nKeep-Alive: timeout=5\r\n"
                + "TE: trailers\r\nX-Secret: 1\r\nConnection: X-Secret\r\nX-Custom: kept\r\nX-Road-Foo: bar\r\n"
                + "X-Road-Represented-Party: VN/COM/0101234567\r\nX-Road-Security-Server: VN/GOV/SPOOF/spoof", "");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("X-Road-Error")).isNull();
        assertThat(answer.header("X-Road-Client")).isEqualTo(CLIENT_A.encoded());
        assertThat(answer.header("X-Road-Request-Hash")).isNotEqualTo("spoofed");
        assertThat(answer.header("X-Backend")).isEqualTo("kept");
        Received received = exchange.backend.received().getFirst();
        assertThat(received.header("X-Road-Service")).isEqualTo(ITEMS.encoded());
        assertThat(received.header("X-Road-Request-Id")).isNotEqualTo("spoofed");
        assertThat(received.header("X-Road-Request-Hash")).isNull();
        assertThat(received.header("X-Road-Error")).isNull();
        assertThat(received.header("Proxy-Authorization")).isNull();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header("TE")).isNull();
        assertThat(received.header("X-Secret")).as("named by Connection, so hop-by-hop").isNull();
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        assertThat(received.header("X-Road-Security-Server")).isNull();
        assertThat(received.header("X-Road-Foo")).as("an extension header the protocol does not define").isEqualTo("bar");
        assertThat(received.header("X-Road-Represented-Party")).isEqualTo("VN/COM/0101234567");
    }

    @Test
    void aBackendCanNeitherSetTheGatewaysXRoadHeadersNorPassHopByHopHeadersToTheCaller() throws Exception {
        String id = UUID.randomUUID().toString();
        RawHttp.Answer answer = RawHttp.send(exchange.consumer.consumerHttpPort(), headAsA("GET", "/r1/" + ITEMS + "/hop")
                + "\r\nX-Road-Id: " + id, "");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.values("X-Road-Client")).containsExactly(CLIENT_A.encoded());
        assertThat(answer.values("X-Road-Service")).containsExactly(ITEMS.encoded());
        assertThat(answer.values("X-Road-Id")).containsExactly(id);
        assertThat(answer.values("X-Road-Request-Id")).hasSize(1).doesNotContain("spoofed");
        assertThat(answer.values("X-Road-Request-Hash")).hasSize(1).doesNotContain("spoofed");
        assertThat(Base64.getDecoder().decode(answer.header("X-Road-Request-Hash"))).hasSize(64);
        assertThat(answer.values("X-Road-Error")).isEmpty();
        assertThat(answer.values("X-Hop-Secret")).as("nominated by the backend's Connection header").isEmpty();
        assertThat(answer.values("Keep-Alive")).isEmpty();
        assertThat(answer.values("Proxy-Authenticate")).isEmpty();
        assertThat(answer.values("Upgrade")).isEmpty();
        assertThat(answer.values("Connection")).allSatisfy(value -> assertThat(value).isEqualToIgnoringCase("close"));
        assertThat(answer.values("X-Backend")).containsExactly("kept");
        assertThat(answer.values("X-Road-UserId")).isEmpty();
        assertThat(answer.values("X-Road-Issue")).isEmpty();
        assertThat(answer.values("X-Road-Security-Server")).isEmpty();
        assertThat(answer.values("X-Road-Foo")).as("an extension header passes back as well").containsExactly("from the backend");
    }

    @Test
    void metaservicesDescribeWhatAProviderOffersAndWhatTheCallerMayCall() throws Exception {
        HttpResponse<String> list = get("/r1/" + PROVIDER + "/listMethods", CLIENT_B.encoded(), tokenB);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"service_code\":\"items\"", "\"service_code\":\"narrow\"");

        HttpResponse<String> allowed = get("/r1/" + PROVIDER + "/allowedMethods", CLIENT_A.encoded(), tokenA);
        assertThat(allowed.body()).contains("\"service_code\":\"narrow\"", "{\"method\":\"GET\",\"path\":\"/items/*\"}");
        assertThat(get("/r1/" + PROVIDER + "/allowedMethods", CLIENT_B.encoded(), tokenB).body()).isEqualTo("{\"service\":[]}");

        HttpResponse<String> clients = get("/listClients", null, null);
        assertThat(clients.body()).contains("\"subsystem_code\":\"portal\"", "\"object_type\":\"MEMBER\"");

        HttpResponse<String> openApi = get("/r1/" + PROVIDER + "/getOpenAPI?serviceCode=items", CLIENT_A.encoded(), tokenA);
        assertThat(openApi.statusCode()).as(openApi.body()).isEqualTo(200);
        assertThat(exchange.backend.received()).extracting(Received::rawPath).containsExactly("/openapi.json");
        assertGatewayError(get("/r1/" + PROVIDER + "/getOpenAPI?serviceCode=items", CLIENT_B.encoded(), tokenB),
                "Server.ServerProxy.AccessDenied");
    }

    @Test
    void theMetaservicesOfAProviderTheGlobalConfigurationDoesNotKnowAreAnUnknownServiceAsItsServicesAre() throws Exception {
        String nobody = "VN/GOV/NOBODY/x";
        assertGatewayError(get("/r1/" + nobody + "/items", CLIENT_A.encoded(), tokenA), "Server.ClientProxy.UnknownService");
        for (String metaservice : List.of("listMethods", "allowedMethods", "getOpenAPI?serviceCode=items")) {
            assertThat(assertGatewayError(get("/r1/" + nobody + "/" + metaservice, CLIENT_A.encoded(), tokenA),
                    "Server.ClientProxy.UnknownService").message()).as(metaservice).contains("VN/GOV/NOBODY/x");
        }
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void aRepeatedMetaserviceParameterIsRefusedNotReadAsItsFirstValue() throws Exception {
        assertThat(assertGatewayError(get("/r1/" + PROVIDER + "/getOpenAPI?serviceCode=items&serviceCode=narrow",
                CLIENT_A.encoded(), tokenA), "Client.BadRequest").message()).contains("serviceCode", "repeated");
        assertThat(assertGatewayError(get("/r1/" + PROVIDER + "/listMethods?serviceId=" + ITEMS + "&serviceId=" + NARROW,
                CLIENT_A.encoded(), tokenA), "Client.BadRequest").message()).contains("serviceId", "repeated");
        assertThat(assertGatewayError(get("/listClients?xRoadInstance=VN&xRoadInstance=EE", null, null),
                "Client.BadRequest").message()).contains("xRoadInstance", "repeated");
        assertThat(exchange.backend.received()).as("no OpenAPI description was fetched").isEmpty();
    }

    @Test
    void aMetaserviceAnswerNamesItsExchangeClientAndServiceAsAServicesAnswerDoes() throws Exception {
        String id = "meta-" + UUID.randomUUID();
        for (String metaservice : List.of("listMethods", "allowedMethods")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + PROVIDER
                            + "/" + metaservice))).header("X-Road-Client", CLIENT_A.encoded())
                    .header("Authorization", "Bearer " + tokenA).header("X-Road-Id", id).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Road-Id")).as(metaservice).contains(id);
            assertThat(answer.headers().firstValue("X-Road-Client")).as(metaservice).contains(CLIENT_A.encoded());
            assertThat(answer.headers().firstValue("X-Road-Service")).as(metaservice).contains(PROVIDER + "/" + metaservice);
        }
        HttpResponse<String> clients = get("/listClients", null, null);
        assertThat(clients.headers().firstValue("X-Road-Id")).hasValueSatisfying(value -> UUID.fromString(value));
        assertThat(clients.headers().firstValue("X-Road-Client")).isEmpty();
    }

    @Test
    void aMetaserviceInAnotherMethodThanGetIsRefusedAsABadRequest() throws Exception {
        for (String method : List.of("DELETE", "POST", "PUT")) {
            assertGatewayError(http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/listClients")))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()),
                    "Client.BadRequest");
            for (String metaservice : List.of("listMethods", "allowedMethods", "getOpenAPI?serviceCode=items")) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/"
                                + PROVIDER + "/" + metaservice))).header("X-Road-Client", CLIENT_A.encoded())
                        .header("Authorization", "Bearer " + tokenA).method(method, HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(assertGatewayError(refused, "Client.BadRequest").message()).as(method + " " + metaservice)
                        .contains("takes GET only");
            }
        }
        // a calling gateway is held to it as well
        assertThat(assertGatewayError(RawHttp.send(exchange.toProvider(exchange.consumerCertificate), "POST /r1/" + PROVIDER
                + "/getOpenAPI?serviceCode=items HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: " + CLIENT_A, ""),
                "Client.BadRequest").message()).contains("takes GET only");
        assertThat(exchange.backend.received()).isEmpty();
    }

    @Test
    void listClientsListsTheClientsOfTheInstanceAskedForAndAnotherInstanceHasNoneHere() throws Exception {
        String own = get("/listClients", null, null).body();

        assertThat(own).contains("\"xroad_instance\":\"VN\"");
        assertThat(get("/listClients?xRoadInstance=VN", null, null).body()).isEqualTo(own);
        assertThat(get("/listClients?xRoadInstance=", null, null).body()).isEqualTo(own);
        HttpResponse<String> foreign = get("/listClients?xRoadInstance=EE", null, null);
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).isEqualTo("{\"member\":[]}");
    }

    @Test
    void everyRequestIsCountedForTheRegistry() throws Exception {
        assertThat(get("/r1/" + ITEMS + "/v1/items", CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
        exchange.clock.advance(Duration.ofMinutes(1));

        // The caller can read the whole response a moment before the gateway records it; push until it is there.
        Poll.until(() -> {
            exchange.consumer.usagePusher().orElseThrow().pushNow();
            return exchange.registry.usageReports().stream().flatMap(report -> report.aggregates().stream())
                    .anyMatch(ExchangeIntegrationTests::successfulItemsCall);
        }, Duration.ofSeconds(5), "the successful call to reach the registry in a usage report");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + exchange.consumer.adminPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("ndp_exchange_duration_seconds_count{fault=\"\",side=\"consumer\",status=\"200\"}");
    }

    /**
     * The consumer keeps its connection to the provider gateway between exchanges, and closes it after
     * gatewayReadTimeout (4 s here) idle, before the provider would (4 s + 5 s): Jetty's default, 30 s, would
     * leave it to the provider. The provider's connection gauge shows both: the connection is open until the
     * consumer's timeout (the lower bound) and closed well before the provider's (the upper bound).
     */
    @Test
    void theConsumerKeepsItsConnectionToTheProviderAndClosesItIdleBeforeTheProviderWould() throws Exception {
        // taken before the call: the connection's idle clock starts at its last frame, which the answer follows
        long lastExchange = System.nanoTime();
        assertThat(get("/r1/" + ITEMS + "/v1/items/1", CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
        exchange.awaitProviderConnections(open -> open >= 1, "the connection to be kept after the exchange");

        Poll.until(() -> exchange.providerConnections() == 0, Duration.ofSeconds(16), "the idle connection to close");
        Duration idle = Duration.ofNanos(System.nanoTime() - lastExchange);
        // HTTP/2: the client closes between one and two idle timeouts (4 s) after the exchange; the provider would at 13 s
        assertThat(idle).as("closed by the consumer after gatewayReadTimeout, before the provider's 13 s")
                .isBetween(Duration.ofMillis(3900), Duration.ofMillis(12000));
        assertThat(get("/r1/" + ITEMS + "/v1/items/3", CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
    }

    @Test
    void aCompressedAnswerReachesTheCallerAsTheBackendSentItAndNoGatewayAsksForCompression() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/gzip")))
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + tokenA).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(plain.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(vn.ndp.gateway.RecordingBackend.GZIPPED_JSON);
        }
        assertThat(exchange.backend.received().getFirst().header("Accept-Encoding"))
                .as("the caller asked for no compression, so neither gateway may").isNull();
    }

    @Test
    void concurrentExchangesBetweenTwoGatewaysShareOneHttp2Connection() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(exchange.consumerUrl("/r1/" + ITEMS + "/v1/items/" + i)))
                    .timeout(Duration.ofSeconds(15)).header("X-Road-Client", CLIENT_A.encoded())
                    .header("Authorization", "Bearer " + tokenA).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("/api/v1/items/" + i);
        }
        exchange.awaitProviderConnections(open -> open == 1,
                "one connection to the provider, where HTTP/1.1 would have needed one per concurrent exchange");
    }

    @Test
    void theProviderSpeaksHttp2ToGatewaysThatOfferItAndHttp11ToGatewaysThatDoNot() throws Exception {
        try (SSLSocket socket = exchange.toProvider(exchange.consumerCertificate, "h2", "http/1.1")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        }
        try (SSLSocket socket = exchange.toProvider(exchange.consumerCertificate, "http/1.1");
             SSLSocket plain = exchange.toProvider(exchange.consumerCertificate)) {
            for (SSLSocket http11 : List.of(socket, plain)) {
                String id = UUID.randomUUID().toString();
                http11.getOutputStream().write(("GET /r1/" + ITEMS + "/v1/items/7 HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Road-Client: " + CLIENT_A.encoded() + "\r\nX-Road-Id: " + id + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(http11.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 200 ").contains("X-Road-Id: " + id).contains("/api/v1/items/7");
            }
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
            assertThat(plain.getApplicationProtocol()).as("no ALPN offered").isEmpty();
        }
    }

    /**
     * A shared gateway takes on and lets go of tenants without a restart: {@code POST /reload} on its admin listener
     * reads its configuration file again. A tenant taken off loses its tokens at once; a file that changes anything but
     * the local systems and services, or does not parse, is refused whole and the gateway goes on as it was.
     */
    @Nested
    class Reloading {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        /** The consumer's clients with only {@code clientIndex} of the fixture's (0: province A, 1: province B). */
        private static String onlyClient(int clientIndex) throws Exception {
            JsonNode clients = JSON.readTree(directory.resolve("consumer/gateway.json").toFile()).get("clients");
            return "{\"clients\": [" + JSON.writeValueAsString(clients.get(clientIndex)) + "]}";
        }

        private static HttpResponse<String> post(GatewayNode gateway, String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static HttpResponse<String> items(GatewayNode gateway, String client, String token) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.consumerHttpPort() + "/r1/"
                            + ITEMS + "/v1/items")).header("X-Road-Client", client)
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void aTenantMovesOntoTheGatewayAndAnotherOffItWithoutARestart() throws Exception {
            Path file = exchange.consumerVariant("reloading", onlyClient(0));
            try (GatewayNode gateway = new GatewayNode(GatewayConfigurationReader.read(file), exchange.clock, file)) {
                gateway.startWithoutSchedules();
                gateway.globalConfiguration().refreshNow();
                String tokenA = ExchangeFixture.token(gateway, "province-a", SECRET_A);
                assertThat(items(gateway, CLIENT_A.encoded(), tokenA).statusCode()).isEqualTo(200);
                assertThatThrownBy(() -> ExchangeFixture.token(gateway, "province-b", SECRET_B))
                        .as("not a tenant yet").hasMessageContaining("answered 401");

                Files.writeString(file, exchange.consumerConfiguration(onlyClient(1)));
                HttpResponse<String> reloaded = post(gateway, "/reload");
                assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(reloaded.body());
                assertThat(body.get("reloaded").asBoolean()).isTrue();
                assertThat(body.get("clients").get(0).asString()).isEqualTo(CLIENT_B.encoded());
                assertThat(body.get("noLongerServed").get(0).asString()).isEqualTo(CLIENT_A.encoded());

                HttpResponse<String> gone = items(gateway, CLIENT_A.encoded(), tokenA);
                assertThat(gone.statusCode()).as("the token of a tenant taken off is forgotten").isEqualTo(400);
                assertThat(gone.headers().firstValue("X-Road-Error")).contains("Client.SslAuthenticationFailed");
                // the token endpoint checked A's credentials just before the reload and issues A's token just after it
                String lateTokenA = gateway.tokens().issue(CLIENT_A).value();
                XRoadError late = assertGatewayError(items(gateway, CLIENT_A.encoded(), lateTokenA),
                        "Client.SslAuthenticationFailed");
                assertThat(late.message()).as("a token issued as its tenant was taken off").contains("no longer serves");
                String tokenB = ExchangeFixture.token(gateway, "province-b", SECRET_B);
                HttpResponse<String> asB = items(gateway, CLIENT_B.encoded(), tokenB);
                assertThat(asB.headers().firstValue("X-Road-Error")).as("B is served here now; the provider decides on"
                        + " its rights").contains("Server.ServerProxy.AccessDenied");

                String before = Files.readString(file);
                Files.writeString(file, exchange.consumerConfiguration(
                        "{\"limits\": {\"maxBodySize\": 1024}, " + onlyClient(0).substring(1)));
                HttpResponse<String> restart = post(gateway, "/reload");
                assertThat(restart.statusCode()).isEqualTo(409);
                assertThat(JSON.readTree(restart.body()).get("needingRestart").get(0).asString())
                        .isEqualTo("limits.maxBodySize");
                assertThat(items(gateway, CLIENT_B.encoded(), tokenB).headers().firstValue("X-Road-Error"))
                        .as("all or nothing: B is still served").contains("Server.ServerProxy.AccessDenied");
                assertThatThrownBy(() -> ExchangeFixture.token(gateway, "province-a", SECRET_A))
                        .as("and A was not taken back").hasMessageContaining("answered 401");

                Files.writeString(file, before.substring(0, before.length() / 2));
                HttpResponse<String> broken = post(gateway, "/reload");
                assertThat(broken.statusCode()).isEqualTo(409);
                assertThat(JSON.readTree(broken.body()).get("problem").asString()).contains(file.toString());
                assertThat(ExchangeFixture.token(gateway, "province-b", SECRET_B)).isNotBlank();

                HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + gateway.adminPort() + "/reload")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(get.statusCode()).isEqualTo(405);
            }
        }

        @Test
        void aGatewayGivenItsConfigurationInMemoryHasNothingToReload() throws Exception {
            assertThat(post(exchange.consumer, "/reload").statusCode()).isEqualTo(404);
        }
    }

    private static boolean successfulItemsCall(UsageAggregate aggregate) {
        return aggregate.side().equals(UsageAggregate.CONSUMER) && aggregate.client().equals(CLIENT_A.encoded())
                && aggregate.service().equals(ITEMS.encoded()) && aggregate.status() == 200 && aggregate.count() > 0;
    }
}
