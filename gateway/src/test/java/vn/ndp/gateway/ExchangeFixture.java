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
import java.util.function.IntPredicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
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
    private final List<RevokedCertificate> revoked = new ArrayList<>();

    /**
     * How a test's gateways are configured otherwise than the standard pair: JSON merge patches (RFC 7386) merged, in
     * order, into the consumer's and the provider's gateway.json, e.g.
     * {@code Overrides.both("{\"limits\": {\"maxBodySize\": 1024}}").andConsumer("{\"limits\": {\"maxExchanges\": 2}}")}.
     */
    public record Overrides(List<String> consumer, List<String> provider) {

        public static final Overrides NONE = new Overrides(List.of(), List.of());
        /** Bodies up to 64 MiB both ways, for answers larger than the sockets and flow-control windows hold. */
        public static final Overrides LARGE_BODIES = both("{\"limits\": {\"maxBodySize\": " + 64 * 1024 * 1024 + "}}");

        public Overrides {
            consumer = List.copyOf(consumer);
            provider = List.copyOf(provider);
        }

        /** {@code patch} for both gateways. */
        public static Overrides both(String patch) {
            return NONE.andConsumer(patch).andProvider(patch);
        }

        public Overrides andConsumer(String patch) {
            return new Overrides(with(consumer, patch), provider);
        }

        public Overrides andProvider(String patch) {
            return new Overrides(consumer, with(provider, patch));
        }

        private static List<String> with(List<String> patches, String patch) {
            List<String> more = new ArrayList<>(patches);
            more.add(patch);
            return more;
        }
    }

    public ExchangeFixture(Path directory) throws Exception {
        this(directory, Overrides.NONE);
    }

    public ExchangeFixture(Path directory, Overrides overrides) throws Exception {
        this.directory = directory;
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
                CONSUMER_GATEWAY, consumerClients(), "[]", overrides.consumer())), clock);
        provider = new GatewayNode(GatewayConfigurationReader.read(writeConfig("provider", providerCertificate,
                PROVIDER_GATEWAY, "[]", providerServices(), overrides.provider())), clock);
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
                             List<String> patches) throws IOException {
        Path dir = directory.resolve(name);
        Files.createDirectories(dir);
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"instance": "VN", "gatewayId": "%s", "dataDir": "data",
                 "listen": {"consumerHttp": {"port": 0}, "consumerHttps": {"port": 0}, "provider": {"port": 0, "http2": true}, "admin": {"port": 0}},
                 "tls": {"certificate": "%s", "privateKey": "%s", "caCertificate": "%s"},
                 "globalConfiguration": {"url": "%s", "anchor": "%s", "pollInterval": "1h", "fetchTimeout": "2s"},
                 "clients": %s, "services": %s,
                 "limits": {"maxBodySize": %d, "connectTimeout": "1s", "gatewayReadTimeout": "4s",
                            "backendConnectTimeout": "1s", "backendReadTimeout": "1500ms",
                            "exchangeTimeout": "%s"},
                 "monitoring": {"usageUrl": "%s", "usageTokenFile": "usage-token", "pushInterval": "1h"}}
                """.formatted(id, certificate.certificateFile(), certificate.privateKeyFile(), ca.certificateFile(),
                registry.url("/globalconf"), signing.certificateFile(), clients, services, MAX_BODY, EXCHANGE_TIMEOUT,
                registry.url("/api/v1/exchange/usage")));
        for (String patch : patches) {
            merge(config, JSON.readTree(patch));
        }
        Files.writeString(dir.resolve("usage-token"), StubRegistry.USAGE_TOKEN + "\n");
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, JSON.writeValueAsString(config));
        return file;
    }

    /**
     * The consumer gateway's configuration with {@code patch} (a JSON merge patch) merged in, written with its usage
     * token to {@code name}/gateway.json beside the consumer's directory: its relative paths still hold, and it has a
     * data directory of its own. Start a gateway from it, or have the reader refuse it.
     */
    public Path consumerVariant(String name, String patch) throws IOException {
        Path dir = Files.createDirectories(directory.resolve(name));
        Files.copy(directory.resolve("consumer/usage-token"), dir.resolve("usage-token"));
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, consumerConfiguration(patch));
        return file;
    }

    /** The consumer gateway's configuration file with {@code patch} (a JSON merge patch) merged in, as JSON. */
    public String consumerConfiguration(String patch) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(directory.resolve("consumer/gateway.json").toFile());
        merge(config, JSON.readTree(patch));
        return JSON.writeValueAsString(config);
    }

    /** RFC 7386: objects merge member by member, null removes a member, anything else replaces it. */
    private static void merge(ObjectNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("A configuration override must be a JSON object: " + patch);
        }
        for (var member : patch.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.get(name) instanceof ObjectNode nested) {
                merge(nested, value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
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

    /**
     * Publishes one more provider gateway {@code gateway} at {@code address}, presenting {@code certificate}, hosting the
     * provider of {@code service}, which CLIENT_A has the right to call. {@code publish(builder -> { })} takes it away.
     */
    public void publishProviderGateway(GatewayId gateway, String address, IssuedCertificate certificate, ServiceId service) {
        publish(builder -> builder.subsystem(new Subsystem(service.provider(), null))
                .gateway(Gateway.of(gateway, address, certificate.certificate(), List.of(service.provider())))
                .service(new Service(service, null, "Extra provider gateway " + gateway.gatewayCode() + " (sample)", List.of()))
                .accessRight(AccessRight.toWholeService(CLIENT_A, service)));
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
        HttpResponse<String> response;
        // closed at once, so that no keep-alive connection of the fixture's own stays open on the listener
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.consumerHttpPort() + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                            + "&client_secret=" + secret))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Open connections on the provider gateway's listener for other gateways (its connection gauge). */
    public int providerConnections() {
        return (int) connections(provider, "provider");
    }

    /** Open connections on {@code gateway}'s {@code listener} ({@code consumer-http}, {@code provider}...): its connection gauge. */
    public static double connections(GatewayNode gateway, String listener) {
        return gateway.metrics().get("ndp.gateway.connections").tag("listener", listener).gauge().value();
    }

    /**
     * Waits until the provider gateway's connection gauge shows a count {@code expected} accepts: a connection that has
     * just closed is counted until the listener has seen it close. It waits 2 s at the most, half the consumer's
     * gatewayReadTimeout (4 s here), before which none of the consumer's idle connections closes, so that a wrong count
     * cannot become the expected one by connections closing one by one in the meantime.
     */
    public void awaitProviderConnections(IntPredicate expected, String what) throws Exception {
        try {
            Poll.until(() -> expected.test(providerConnections()), Duration.ofSeconds(2), what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the provider's listener has " + providerConnections()
                    + " connections", e);
        }
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
