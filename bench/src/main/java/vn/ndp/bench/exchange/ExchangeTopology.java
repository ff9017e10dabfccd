package vn.ndp.bench.exchange;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.globalconf.Member;
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
import vn.ndp.protocol.pki.NationalCa;

/**
 * A throw-away, registry-free exchange for {@code ./ndp bench exchange}: a national CA in
 * {@code DIR/ca}, CA-issued certificates for a consumer gateway and a provider gateway, their
 * {@code gateway.json} files, and a tiny HTTP server that serves a global configuration signed with
 * {@link GlobalConfigurationSigner} (re-signed every two minutes, so that it never expires while a
 * benchmark runs). Writes {@code DIR/topology.env} for the benchmark script and runs until killed.
 * All identifiers are sample identifiers.
 *
 * <p>{@code java -cp ndp-bench.jar:lib/* vn.ndp.bench.exchange.ExchangeTopology DIR BASE_PORT BACKEND_URL}
 * <br>Ports: BASE registry stub, BASE+1..3 consumer gateway (http, provider mTLS, admin), BASE+4..5
 * provider gateway (mTLS, admin).
 */
public final class ExchangeTopology {

    static final MemberId CONSUMER_MEMBER = MemberId.of("VN", MemberClass.GOV, "SAMPLE.BENCH.PROVINCE");
    static final MemberId PROVIDER_MEMBER = MemberId.of("VN", MemberClass.GOV, "SAMPLE.BENCH.MINISTRY");
    static final SubsystemId CLIENT = CONSUMER_MEMBER.subsystem("portal");
    static final SubsystemId PROVIDER = PROVIDER_MEMBER.subsystem("budget");
    static final ServiceId SERVICE = PROVIDER.service("summary");
    static final GatewayId CONSUMER_GATEWAY = new GatewayId(CONSUMER_MEMBER, "lgsp");
    static final GatewayId PROVIDER_GATEWAY = new GatewayId(PROVIDER_MEMBER, "lgsp");
    static final String CLIENT_ID = "bench-portal";

    private ExchangeTopology() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: ExchangeTopology DIR BASE_PORT BACKEND_URL");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int base = Integer.parseInt(args[1]);
        String backend = args[2];
        Clock clock = Clock.systemUTC();
        NationalCa ca = NationalCa.init(dir.resolve("ca"), CaSettings.defaults().withCommonName("NDP bench CA (sample)"),
                clock);
        IssuedCertificate signing = ca.issueConfigurationSigningCertificate("NDP bench registry (sample)",
                Duration.ofDays(2));
        IssuedCertificate consumer = ca.issueGatewayCertificate(request(CONSUMER_GATEWAY));
        IssuedCertificate provider = ca.issueGatewayCertificate(request(PROVIDER_GATEWAY));
        String secret = Hashes.sha256Hex(String.valueOf(System.nanoTime())).substring(0, 32);
        String registry = "http://127.0.0.1:" + base + "/globalconf";

        writeGateway(dir.resolve("consumer"), CONSUMER_GATEWAY, consumer, ca, signing, registry, """
                "consumerHttp": {"host": "127.0.0.1", "port": %d},
                "provider": {"host": "127.0.0.1", "port": %d},
                "admin": {"host": "127.0.0.1", "port": %d}""".formatted(base + 1, base + 2, base + 3), """
                [{"subsystem": "%s", "oauth2": [{"clientId": "%s", "secretSha256": "%s"}]}]"""
                .formatted(CLIENT, CLIENT_ID, Hashes.sha256Hex(secret)), "[]");
        writeGateway(dir.resolve("provider"), PROVIDER_GATEWAY, provider, ca, signing, registry, """
                "provider": {"host": "127.0.0.1", "port": %d},
                "admin": {"host": "127.0.0.1", "port": %d}""".formatted(base + 4, base + 5), "[]", """
                [{"service": "%s", "backend": "%s"}]""".formatted(SERVICE, backend));

        GlobalConfigurationSigner signer = new GlobalConfigurationSigner(signing.privateKey(), signing.certificate(),
                clock);
        AtomicLong version = new AtomicLong();
        AtomicReference<byte[]> document = new AtomicReference<>();
        Runnable publish = () -> document.set(signer.sign(GlobalConfiguration
                .builder("VN", version.incrementAndGet(), clock.instant())
                .member(new Member(CONSUMER_MEMBER, "Tỉnh mẫu (benchmark, sample)"))
                .member(new Member(PROVIDER_MEMBER, "Bộ mẫu (benchmark, sample)"))
                .subsystem(new Subsystem(CLIENT, null))
                .subsystem(new Subsystem(PROVIDER, null))
                .gateway(Gateway.of(CONSUMER_GATEWAY, "127.0.0.1:" + (base + 2), consumer.certificate(), List.of(CLIENT)))
                .gateway(Gateway.of(PROVIDER_GATEWAY, "127.0.0.1:" + (base + 4), provider.certificate(),
                        List.of(PROVIDER)))
                .service(new Service(SERVICE, null, "Tổng hợp ngân sách (sample)", List.of()))
                .accessRight(AccessRight.toWholeService(CLIENT, SERVICE))
                .build()));
        publish.run();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(publish, 2, 2, TimeUnit.MINUTES);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), base), 16);
        server.createContext("/globalconf", exchange -> {
            try (exchange) {
                byte[] body = document.get();
                String etag = GlobalConfigurationSigner.etag(body);
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", GlobalConfigurationSigner.MEDIA_TYPE);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();

        Files.writeString(dir.resolve("topology.env"), """
                CONSUMER_CONFIG=%s
                PROVIDER_CONFIG=%s
                CONSUMER_URL=http://127.0.0.1:%d
                CONSUMER_ADMIN=http://127.0.0.1:%d
                PROVIDER_ADMIN=http://127.0.0.1:%d
                CLIENT=%s
                CLIENT_ID=%s
                CLIENT_SECRET=%s
                SERVICE_ID=%s
                CA_PEM=%s
                CONSUMER_CERT=%s
                CONSUMER_KEY=%s
                PROVIDER_CERT=%s
                PROVIDER_KEY=%s
                """.formatted(dir.resolve("consumer/gateway.json"), dir.resolve("provider/gateway.json"), base + 1,
                base + 3, base + 5, CLIENT, CLIENT_ID, secret, SERVICE, ca.certificateFile(),
                consumer.certificateFile(), consumer.privateKeyFile(), provider.certificateFile(),
                provider.privateKeyFile()));
        System.out.println("Bench topology (sample) ready in " + dir);
    }

    private static GatewayCertificateRequest request(GatewayId id) {
        return GatewayCertificateRequest.of(id, List.of("localhost"), List.of(InetAddress.getLoopbackAddress()));
    }

    private static void writeGateway(Path dir, GatewayId id, IssuedCertificate certificate, NationalCa ca,
            IssuedCertificate signing, String registry, String listen, String clients, String services)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("gateway.json"), """
                {"$comment": "Written by ./ndp bench exchange (sample).",
                 "instance": "VN", "gatewayId": "%s", "dataDir": "data",
                 "listen": {%s},
                 "tls": {"certificate": "%s", "privateKey": "%s", "caCertificate": "%s"},
                 "globalConfiguration": {"url": "%s", "anchor": "%s", "pollInterval": "30s"},
                 "clients": %s,
                 "services": %s,
                 "tokens": {"lifetime": "1h"}%s}
                """.formatted(id, listen, certificate.certificateFile(), certificate.privateKeyFile(),
                ca.certificateFile(), registry, signing.certificateFile(), clients, services,
                messageLog()));
    }

    /**
     * NDP_BENCH_MESSAGE_LOG=off measures the gateways without their (durable) message log;
     * NDP_BENCH_COMMIT_DELAY (e.g. 0ms, 2ms) overrides the log's group-commit window.
     */
    private static String messageLog() {
        if ("off".equals(System.getenv("NDP_BENCH_MESSAGE_LOG"))) {
            return ",\n \"messageLog\": {\"enabled\": false}";
        }
        String delay = System.getenv("NDP_BENCH_COMMIT_DELAY");
        return delay == null || delay.isBlank() ? "" : ",\n \"messageLog\": {\"commitDelay\": \"" + delay.strip() + "\"}";
    }

}
