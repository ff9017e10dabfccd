package vn.ndp.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.clients.LocalClients;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Endpoint;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.globalconf.Member;
import vn.ndp.protocol.globalconf.RevokedCertificate;
import vn.ndp.protocol.globalconf.Service;
import vn.ndp.protocol.globalconf.Subsystem;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberClass;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.MutualTls;
import vn.ndp.protocol.pki.NationalCa;

/**
 * A whole exchange on loopback, all real: a national CA, a stub registry serving signed global
 * configurations, a consumer gateway hosting two provinces as a service (plus one tenant the
 * global configuration does not know), a ministry's provider gateway, and a recording backend.
 * Identifiers are made up for tests.
 */
public final class ExchangeFixture implements AutoCloseable {

    public static final MemberId PROVINCE_A = MemberId.of("VN", MemberClass.GOV, "TEST.PROVINCE.A");
    public static final MemberId PROVINCE_B = MemberId.of("VN", MemberClass.GOV, "TEST.PROVINCE.B");
    public static final MemberId MINISTRY = MemberId.of("VN", MemberClass.GOV, "TEST.MINISTRY");
    public static final SubsystemId CLIENT_A = PROVINCE_A.subsystem("portal");
    public static final SubsystemId CLIENT_B = PROVINCE_B.subsystem("portal");
    public static final SubsystemId CLIENT_UNREGISTERED = PROVINCE_B.subsystem("unregistered");
    public static final SubsystemId PROVIDER = MINISTRY.subsystem("registry");
    public static final SubsystemId GHOST_PROVIDER = MINISTRY.subsystem("ghost");
    public static final ServiceId ITEMS = PROVIDER.service("items");
    public static final ServiceId SLOW = PROVIDER.service("slow");
    public static final ServiceId TRICKLE = PROVIDER.service("trickle");
    public static final ServiceId DEAD = PROVIDER.service("dead");
    public static final ServiceId UNCONFIGURED = PROVIDER.service("unconfigured");
    public static final ServiceId NARROW = PROVIDER.service("narrow");
    public static final ServiceId GHOST = GHOST_PROVIDER.service("ghost");
    public static final GatewayId CONSUMER_GATEWAY = new GatewayId(MemberId.of("VN", MemberClass.GOV, "TEST.LGSP"), "lgsp");
    public static final GatewayId PROVIDER_GATEWAY = new GatewayId(MINISTRY, "gw");
    public static final GatewayId GHOST_GATEWAY = new GatewayId(MINISTRY, "ghost");
    public static final String SECRET_A = "secret-of-province-a-0001";
    public static final String SECRET_B = "secret-of-province-b-0002";
    public static final String SECRET_UNREGISTERED = "secret-of-unregistered-03";
    public static final long MAX_BODY = 4096;
    /** Both gateways' limits.exchangeTimeout. */
    public static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(6);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final Path directory;
    public final MutableClock clock = new MutableClock(Instant.now());
    public final NationalCa ca;
    public final IssuedCertificate signing;
    public final IssuedCertificate consumerCertificate;
    public final IssuedCertificate providerCertificate;
    public final IssuedCertificate ghostCertificate;
    public final IssuedCertificate localSystemCertificate;
    public final StubRegistry registry;
    public final RecordingBackend backend;
    public final TricklingBackend trickle;
    public final int deadPort;
    private final java.net.Socket deadPortHolder;
    public final GatewayNode consumer;
    public final GatewayNode provider;
    private long version;
    private final String messageLog;
    private final long maxBody;
    private final boolean http2;
    private final int consumerMaxExchanges;
    private final int providerMaxExchanges;
    private final List<RevokedCertificate> revoked = new ArrayList<>();

    public ExchangeFixture(Path directory) throws Exception {
        this(directory, null);
    }

    /** {@code messageLog}: the gateways' "messageLog" configuration block (JSON), or null for the default. */
    public ExchangeFixture(Path directory, String messageLog) throws Exception {
        this(directory, messageLog, MAX_BODY, true);
    }

    /**
     * {@code maxBody}: both gateways' maxBodySize, for requests and answers; {@code http2} false: the provider listeners
     * answer HTTP/1.1 only, as gateways of earlier versions did.
     */
    public ExchangeFixture(Path directory, String messageLog, long maxBody, boolean http2) throws Exception {
        this(directory, messageLog, maxBody, http2, 0, 0);
    }

    /** {@code consumerMaxExchanges}, {@code providerMaxExchanges}: each gateway's limits.maxExchanges, 0 for the default. */
    public ExchangeFixture(Path directory, String messageLog, long maxBody, boolean http2, int consumerMaxExchanges,
                           int providerMaxExchanges) throws Exception {
        this.consumerMaxExchanges = consumerMaxExchanges;
        this.providerMaxExchanges = providerMaxExchanges;
        this.directory = directory;
        this.messageLog = messageLog;
        this.maxBody = maxBody;
        this.http2 = http2;
        ca = NationalCa.init(directory.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());
        signing = ca.issueConfigurationSigningCertificate("NDP test registry", Duration.ofDays(30));
        consumerCertificate = issueGatewayCertificate(CONSUMER_GATEWAY);
        providerCertificate = issueGatewayCertificate(PROVIDER_GATEWAY);
        ghostCertificate = issueGatewayCertificate(GHOST_GATEWAY);
        localSystemCertificate = issueGatewayCertificate(new GatewayId(PROVINCE_A, "portal-client"));
        registry = new StubRegistry();
        backend = new RecordingBackend();
        trickle = new TricklingBackend();
        // Bound but never listening, and held until close: connections are refused, and no listener
        // started later (the gateways bind port 0) can be given this port.
        deadPortHolder = new java.net.Socket();
        deadPortHolder.setReuseAddress(false);
        deadPortHolder.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        deadPort = deadPortHolder.getLocalPort();

        consumer = new GatewayNode(GatewayConfigurationReader.read(writeConfig("consumer", consumerCertificate,
                CONSUMER_GATEWAY, consumerClients(), "[]", consumerMaxExchanges)), clock);
        provider = new GatewayNode(GatewayConfigurationReader.read(writeConfig("provider", providerCertificate,
                PROVIDER_GATEWAY, "[]", providerServices(), providerMaxExchanges)), clock);
        consumer.startWithoutSchedules();
        provider.startWithoutSchedules();
        publish(builder -> { });
    }

    /** A certificate the fixture's national CA issues to gateway {@code id}, for localhost. */
    public IssuedCertificate issueGatewayCertificate(GatewayId id) {
        return ca.issueGatewayCertificate(GatewayCertificateRequest.of(id, List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress())));
    }

    private String consumerClients() {
        return """
                [{"subsystem": "%s", "tlsCertificateSha256": ["%s"], "oauth2": [{"clientId": "province-a", "secretSha256": "%s"}]},
                 {"subsystem": "%s", "oauth2": [{"clientId": "province-b", "secretSha256": "%s"}]},
                 {"subsystem": "%s", "oauth2": [{"clientId": "unregistered", "secretSha256": "%s"}]}]
                """.formatted(CLIENT_A, localSystemCertificate.record().sha256Fingerprint(), LocalClients.secretHash(SECRET_A),
                CLIENT_B, LocalClients.secretHash(SECRET_B), CLIENT_UNREGISTERED, LocalClients.secretHash(SECRET_UNREGISTERED));
    }

    private String providerServices() {
        return """
                [{"service": "%s", "backend": "%s", "openApi": "%s"},
                 {"service": "%s", "backend": "%s"},
                 {"service": "%s", "backend": "http://127.0.0.1:%d/api"},
                 {"service": "%s", "backend": "%s"},
                 {"service": "%s", "backend": "%s"}]
                """.formatted(ITEMS, backend.url("/api"), backend.url("/openapi.json"), SLOW, backend.url("/slow"),
                DEAD, deadPort, NARROW, backend.url("/narrow"), TRICKLE, trickle.url("/trickle"));
    }

    private Path writeConfig(String name, IssuedCertificate certificate, GatewayId id, String clients, String services,
                             int maxExchanges) throws IOException {
        Path dir = directory.resolve(name);
        Files.createDirectories(dir);
        String config = """
                {"instance": "VN", "gatewayId": "%s", "dataDir": "data",
                 "listen": {"consumerHttp": {"port": 0}, "consumerHttps": {"port": 0}, "provider": {"port": 0, "http2": %s}, "admin": {"port": 0}},
                 "tls": {"certificate": "%s", "privateKey": "%s", "caCertificate": "%s"},
                 "globalConfiguration": {"url": "%s", "anchor": "%s", "pollInterval": "1h", "fetchTimeout": "2s"},
                 "clients": %s, "services": %s,
                 "limits": {"maxBodySize": %d, "connectTimeout": "1s", "gatewayReadTimeout": "4s",
                            "backendConnectTimeout": "1s", "backendReadTimeout": "1500ms",
                            "exchangeTimeout": "%s"%s},
                 "monitoring": {"usageUrl": "%s", "usageTokenFile": "usage-token", "pushInterval": "1h"}%s}
                """.formatted(id, http2, certificate.certificateFile(), certificate.privateKeyFile(), ca.certificateFile(),
                registry.url("/globalconf"), signing.certificateFile(), clients, services, maxBody, EXCHANGE_TIMEOUT,
                maxExchanges > 0 ? ", \"maxExchanges\": " + maxExchanges : "", registry.url("/api/v1/exchange/usage"), messageLog == null ? "" : ",\n \"messageLog\": " + messageLog);
        Files.writeString(dir.resolve("usage-token"), StubRegistry.USAGE_TOKEN + "\n");
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, config);
        return file;
    }

    /** Signs and serves a new version (the standard topology, changed by {@code change}), and has both gateways fetch it. */
    public GlobalConfiguration publish(Consumer<GlobalConfiguration.Builder> change) {
        GlobalConfiguration configuration = configuration(++version, change);
        registry.serve(sign(configuration));
        consumer.globalConfiguration().refreshNow();
        provider.globalConfiguration().refreshNow();
        return configuration;
    }

    public GlobalConfiguration configuration(long version, Consumer<GlobalConfiguration.Builder> change) {
        var builder = GlobalConfiguration.builder("VN", version, clock.instant())
                .validFor(Duration.ofMinutes(10))
                .member(new Member(PROVINCE_A, "Test province A (sample)"))
                .member(new Member(PROVINCE_B, "Test province B (sample)"))
                .member(new Member(MINISTRY, "Test ministry (sample)"))
                .member(new Member(CONSUMER_GATEWAY.owner(), "Test LGSP operator (sample)"))
                .subsystem(new Subsystem(CLIENT_A, null))
                .subsystem(new Subsystem(CLIENT_B, null))
                .subsystem(new Subsystem(PROVIDER, null))
                .subsystem(new Subsystem(GHOST_PROVIDER, null))
                .gateway(Gateway.of(CONSUMER_GATEWAY, "127.0.0.1:" + consumer.providerPort(), consumerCertificate.certificate(),
                        List.of(CLIENT_A, CLIENT_B)))
                .gateway(Gateway.of(PROVIDER_GATEWAY, "127.0.0.1:" + provider.providerPort(), providerCertificate.certificate(),
                        List.of(PROVIDER)))
                .gateway(Gateway.of(GHOST_GATEWAY, "127.0.0.1:" + deadPort, ghostCertificate.certificate(),
                        List.of(GHOST_PROVIDER)))
                .service(new Service(ITEMS, null, "Items (sample)", List.of()))
                .service(new Service(SLOW, null, "Slow (sample)", List.of()))
                .service(new Service(TRICKLE, null, "Trickling backend (sample)", List.of()))
                .service(new Service(DEAD, null, "Dead backend (sample)", List.of()))
                .service(new Service(UNCONFIGURED, null, "No backend (sample)", List.of()))
                .service(new Service(NARROW, null, "Endpoint rights (sample)", List.of()))
                .service(new Service(GHOST, null, "Unreachable gateway (sample)", List.of()))
                .accessRight(AccessRight.toWholeService(CLIENT_A, ITEMS))
                .accessRight(AccessRight.toWholeService(CLIENT_A, SLOW))
                .accessRight(AccessRight.toWholeService(CLIENT_A, TRICKLE))
                .accessRight(AccessRight.toWholeService(CLIENT_A, DEAD))
                .accessRight(AccessRight.toWholeService(CLIENT_A, UNCONFIGURED))
                .accessRight(AccessRight.toWholeService(CLIENT_A, GHOST))
                .accessRight(new AccessRight(CLIENT_A, NARROW, new Endpoint("GET", "/items/*")));
        revoked.forEach(builder::revokedCertificate);
        change.accept(builder);
        return builder.build();
    }

    public byte[] sign(GlobalConfiguration configuration) {
        return new GlobalConfigurationSigner(signing.privateKey(), signing.certificate(), clock).sign(configuration);
    }

    public long version() {
        return version;
    }

    public void revoke(IssuedCertificate certificate) {
        revoked.add(RevokedCertificate.of(certificate.certificate().getSerialNumber(), clock.instant()));
    }

    public void unrevokeAll() {
        revoked.clear();
    }

    /** A bearer token from the consumer gateway's token endpoint. */
    public String token(String clientId, String secret) throws Exception {
        return token(consumer, clientId, secret);
    }

    /** A bearer token from the token endpoint of {@code gateway} (the consumer gateway, or one started from its configuration). */
    public static String token(GatewayNode gateway, String clientId, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.consumerHttpPort() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + secret))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Open connections on the provider gateway's listener for other gateways (its connection gauge). */
    public int providerConnections() {
        return (int) provider.metrics().get("ndp.gateway.connections").tag("listener", "provider").gauge().value();
    }

    /** TLS with {@code certificate} as the client's, trusting the national CA. */
    public SSLContext tlsAs(IssuedCertificate certificate) {
        return MutualTls.context(certificate.privateKey(), List.of(certificate.certificate()), List.of(ca.certificate()),
                MutualTls.noRevocations());
    }

    /**
     * A TLS connection to the provider gateway's listener for other gateways, presenting {@code certificate} (another
     * gateway's, to call as that gateway) and offering {@code alpn}; the handshake is done.
     */
    public SSLSocket toProvider(IssuedCertificate certificate, String... alpn) throws IOException {
        SSLSocket socket = (SSLSocket) tlsAs(certificate).getSocketFactory().createSocket("127.0.0.1", provider.providerPort());
        socket.setSoTimeout(10_000);
        if (alpn.length > 0) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }

    public String consumerUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + consumer.consumerHttpPort() + pathAndQuery;
    }

    /** A call of {@link #ITEMS}{@code path} through the consumer gateway as {@link #CLIENT_A}, with its bearer {@code token}. */
    public HttpRequest.Builder itemsRequest(String token, String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(consumerUrl("/r1/" + ITEMS + path))).timeout(timeout)
                .header("X-Road-Client", CLIENT_A.encoded()).header("Authorization", "Bearer " + token);
    }

    /**
     * A caller of the consumer's plain-HTTP listener that asks for a {@code size}-byte answer of {@link #ITEMS} and
     * never reads it: the answer backs up to the consumer gateway, then over HTTP/2 to the provider. Close it to hang up.
     */
    public Socket stalledCaller(String token, int size) throws IOException {
        Socket caller = new Socket(InetAddress.getLoopbackAddress(), consumer.consumerHttpPort());
        caller.setReceiveBufferSize(64 * 1024);
        OutputStream out = caller.getOutputStream();
        out.write(("GET /r1/" + ITEMS + "/big/" + size + " HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: "
                + CLIENT_A.encoded() + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return caller;
    }

    @Override
    public void close() {
        consumer.close();
        provider.close();
        backend.close();
        registry.close();
        try {
            trickle.close();
        } catch (IOException e) {
            // closing a listening socket
        }
        try {
            deadPortHolder.close();
        } catch (IOException e) {
            // nothing listens there anyway
        }
    }
}
