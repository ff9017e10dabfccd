package vn.ndp.registry.exchange.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.KeyAlgorithm;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.exchange.EvidenceSources;
import vn.ndp.registry.exchange.ExchangeRegister;

/**
 * {@code ./ndp demo}: a sample exchange. A ministry's gateway (Finance,
 * sample) offers a sample budget service from a sample backend, and a sample
 * procurement service from a system linked to the catalogue's national
 * e-procurement system, so that platform's page shows a (sample) connection
 * from the directory; a gateway the
 * national authority runs "as a service" hosts two provinces' portals and the
 * registry itself, whose service is real: the list of administrative units as
 * of a date, answered by this registry from its reference data. That service
 * is the one entry not marked as sample; the members, subsystems, gateways and
 * rights around it are (the members' codes are placeholders, not the agencies'
 * official codes), and so is every right to it, since its callers are sample
 * portals. The registry's own CA issues the gateways' certificates; their
 * configurations are written to {@code DATA/gateways/} for the launcher to
 * start them.
 */
@Component
@ConditionalOnProperty(name = "ndp.demo", havingValue = "true")
class DemoExchange {

    private static final Logger log = LoggerFactory.getLogger(DemoExchange.class);

    static final String MINISTRY = "VN/GOV/SAMPLE.BTC";
    static final String AUTHORITY = "VN/GOV/SAMPLE.BKHCN";
    static final String HANOI = "VN/GOV/SAMPLE.HANOI";
    static final String HUE = "VN/GOV/SAMPLE.HUE";
    static final String MINISTRY_GATEWAY = MINISTRY + "/lgsp";
    static final String SHARED_GATEWAY = AUTHORITY + "/lgsp-as-a-service";
    static final String BUDGET = MINISTRY + "/budget/summary";
    static final String PAYROLL = MINISTRY + "/budget/payroll";
    /** Public procurement, a Ministry of Finance system since the 2025 merger of Planning and Investment into it. */
    static final String PROCUREMENT_SYSTEM = MINISTRY + "/procurement";
    static final String PROCUREMENT = PROCUREMENT_SYSTEM + "/notices";
    /** The catalogue platform the sample procurement system is linked to: its page shows the sample connection. */
    static final String PROCUREMENT_PLATFORM = "MANG-DAU-THAU-QG";
    static final String UNITS = AUTHORITY + "/registry/administrative-units";
    static final String HANOI_PORTAL = HANOI + "/portal";
    static final String HUE_PORTAL = HUE + "/portal";

    private final ExchangeRegister register;
    private final EvidenceSources evidence;
    private final SigningKeys keys;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Path gatewaysDir;
    private final int registryPort;
    private final int basePort;
    private final String backendUrl;
    private final String tsaUrl;

    DemoExchange(ExchangeRegister register, EvidenceSources evidence, SigningKeys keys, Accounts accounts, ApiTokens tokens,
            TransactionTemplate transaction, Clock clock, @Value("${ndp.data-dir}") Path dataDir,
            @Value("${server.port}") int registryPort,
            @Value("${ndp.demo.exchange.base-port:0}") int basePort,
            @Value("${ndp.demo.exchange.backend-url:}") String backendUrl,
            @Value("${ndp.demo.exchange.tsa-url:}") String tsaUrl) {
        this.register = register;
        this.evidence = evidence;
        this.keys = keys;
        this.accounts = accounts;
        this.tokens = tokens;
        this.transaction = transaction;
        this.clock = clock;
        this.gatewaysDir = dataDir.resolve("gateways");
        this.registryPort = registryPort;
        this.basePort = basePort;
        this.backendUrl = backendUrl;
        this.tsaUrl = tsaUrl;
    }

    /** Ports: base+0..2 ministry gateway (consumer, provider, admin), base+10..12 the shared gateway. */
    @EventListener(ApplicationReadyEvent.class)
    public void prepare() {
        if (basePort <= 0 || backendUrl.isBlank() || keys.caDirectory().isEmpty()) {
            log.info("Demo exchange not prepared: the launcher passes ndp.demo.exchange.base-port and backend-url");
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (register.members().stream().noneMatch(m -> m.id().equals(MINISTRY))) {
                registerDirectory();
            }
        });
        // a data directory from before the procurement sample has no such system: its gateway must not route to it
        boolean linkedSample = register.findSubsystem(PROCUREMENT_SYSTEM).isPresent();
        if (!linkedSample) {
            log.info("Demo exchange: this data directory predates the sample system linked to {}; start the demo on"
                    + " a new data directory to see a catalogue platform's connection", PROCUREMENT_PLATFORM);
        }
        NationalCa ca = NationalCa.open(keys.caDirectory().get(), clock);
        String usageToken = usageToken();
        String secret = hex(16);
        writeGateway("ministry", MINISTRY_GATEWAY, basePort, ca, usageToken, """
                [{"subsystem": "%s/budget", "oauth2": [{"clientId": "btc-budget", "secretSha256": "%s"}]}]"""
                .formatted(MINISTRY, Hashes.sha256Hex(hex(16))), """
                [{"service": "%s", "backend": "%s"}, {"service": "%s", "backend": "%s"}%s]"""
                .formatted(BUDGET, backendUrl, PAYROLL, backendUrl, linkedSample
                        ? ", {\"service\": \"%s\", \"backend\": \"%s\"}".formatted(PROCUREMENT, backendUrl) : ""));
        writeGateway("shared", SHARED_GATEWAY, basePort + 10, ca, usageToken, """
                [{"subsystem": "%s", "oauth2": [{"clientId": "hanoi-portal", "secretSha256": "%s"}]},
                 {"subsystem": "%s", "oauth2": [{"clientId": "hue-portal", "secretSha256": "%s"}]}]"""
                .formatted(HANOI_PORTAL, Hashes.sha256Hex(secret), HUE_PORTAL, Hashes.sha256Hex(hex(16))), """
                [{"service": "%s", "backend": "http://127.0.0.1:%d/api/v1/agencies",
                  "openApi": "http://127.0.0.1:%d/v3/api-docs"}]"""
                .formatted(UNITS, registryPort, registryPort));
        writeSecret(gatewaysDir.resolve("demo.env"), """
                REGISTRY_URL=http://127.0.0.1:%d
                CONSUMER_GATEWAY_URL=http://127.0.0.1:%d
                CONSUMER_CLIENT=%s
                CONSUMER_CLIENT_ID=hanoi-portal
                CONSUMER_CLIENT_SECRET=%s
                SERVICE_ID=%s
                SERVICE_PATH=/months
                BACKEND_URL=%s
                FORBIDDEN_SERVICE_ID=%s
                REAL_SERVICE_ID=%s
                LINKED_SERVICE_ID=%s
                LINKED_PLATFORM=%s
                """.formatted(registryPort, basePort + 10, HANOI_PORTAL, secret, BUDGET, backendUrl, PAYROLL, UNITS,
                linkedSample ? PROCUREMENT : "", linkedSample ? PROCUREMENT_PLATFORM : ""));
        log.info("Demo exchange prepared in {}", gatewaysDir);
    }

    private void registerDirectory() {
        String actor = "demo";
        register.registerMember("GOV", "SAMPLE.BTC", "Bộ Tài chính (mẫu)", "BTC", true, actor);
        register.registerMember("GOV", "SAMPLE.BKHCN", "Bộ Khoa học và Công nghệ (mẫu)", "BKHCN", true, actor);
        register.registerMember("GOV", "SAMPLE.HANOI", "UBND Thành phố Hà Nội (mẫu)", "P-HA-NOI", true, actor);
        register.registerMember("GOV", "SAMPLE.HUE", "UBND Thành phố Huế (mẫu)", "P-HUE", true, actor);
        register.registerSubsystem(MINISTRY, "budget", null, true, actor);
        register.registerSubsystem(MINISTRY, "procurement", PROCUREMENT_PLATFORM, true, actor);
        register.registerSubsystem(AUTHORITY, "registry", null, true, actor);
        register.registerSubsystem(HANOI, "portal", null, true, actor);
        register.registerSubsystem(HUE, "portal", null, true, actor);
        List<Endpoint> anything = List.of(new Endpoint("GET", "/**"));
        register.registerService(MINISTRY + "/budget", "summary", "Tổng hợp ngân sách (dịch vụ mẫu)", null, anything,
                true, actor);
        register.registerService(MINISTRY + "/budget", "payroll", "Bảng lương (dịch vụ mẫu, không cấp quyền)", null,
                anything, true, actor);
        register.registerService(PROCUREMENT_SYSTEM, "notices", "Thông báo mời thầu (dịch vụ mẫu)", null, anything,
                true, actor);
        register.registerService(AUTHORITY + "/registry", "administrative-units",
                "Danh mục đơn vị hành chính theo ngày (dữ liệu tham chiếu của NDP)", null, anything, false, actor);
        register.grant(HANOI_PORTAL, BUDGET, null, null, true, actor);
        register.grant(HANOI_PORTAL, UNITS, null, null, true, actor);
        register.grant(HANOI_PORTAL, PROCUREMENT, null, null, true, actor);
        register.grant(HUE_PORTAL, UNITS, new Endpoint("GET", "/**"), null, true, actor);
    }

    private void writeGateway(String name, String gatewayId, int port, NationalCa ca, String usageToken,
            String clients, String services) {
        Path dir = gatewaysDir.resolve(name);
        Path tls = dir.resolve("tls");
        try {
            Files.createDirectories(tls);
            restrictToOwner(dir); // the gateway's key, tokens, logs and data: its owner's alone
            if (!Files.exists(tls.resolve("gateway.pem"))) {
                IssuedCertificate issued = ca.issueGatewayCertificate(new GatewayCertificateRequest(
                        GatewayId.parse(gatewayId), List.of("localhost"), List.of(InetAddress.getLoopbackAddress()),
                        Duration.ofDays(365), KeyAlgorithm.EC_P256));
                Pem.writeCertificates(tls.resolve("gateway.pem"), issued.certificate());
                Pem.writePrivateKey(tls.resolve("gateway.key.pem"), issued.privateKey());
            }
            Pem.writeCertificates(tls.resolve("ca.pem"), ca.certificate());
            Pem.writeCertificates(tls.resolve("registry-signing.pem"), keys.certificate());
            writeSecret(dir.resolve("usage-token"), usageToken + "\n");
            if (!Files.exists(dir.resolve("evidence-token"))) {
                writeSecret(dir.resolve("evidence-token"), hex(24) + "\n");
            }
            restrictToOwner(dir.resolve("evidence-token")); // also one written before tokens were owner-only
            evidence.register(new EvidenceSources.Source(gatewayId, java.net.URI.create("http://127.0.0.1:" + (port + 2)),
                    dir.resolve("evidence-token")));
            var certificate = Pem.readCertificate(tls.resolve("gateway.pem"));
            transaction.executeWithoutResult(status -> {
                if (register.gateways().stream().noneMatch(g -> g.id().equals(gatewayId))) {
                    List<String> hosted = name.equals("ministry") ? List.of(MINISTRY + "/budget", PROCUREMENT_SYSTEM)
                            : List.of(HANOI_PORTAL, HUE_PORTAL, AUTHORITY + "/registry");
                    register.registerGateway(gatewayId, "localhost:" + (port + 1), Pem.encode(certificate), hosted,
                            true, "demo");
                }
            });
            write(dir.resolve("gateway.json"), """
                    {"$comment": "Sample gateway written by ./ndp demo (sample data).",
                     "instance": "VN", "gatewayId": "%s", "dataDir": "data",
                     "listen": {"consumerHttp": {"host": "127.0.0.1", "port": %d},
                                "provider": {"host": "127.0.0.1", "port": %d},
                                "admin": {"host": "127.0.0.1", "port": %d}},
                     "tls": {"certificate": "tls/gateway.pem", "privateKey": "tls/gateway.key.pem",
                             "caCertificate": "tls/ca.pem"},
                     "globalConfiguration": {"url": "http://127.0.0.1:%d/api/v1/exchange/globalconf",
                                             "anchor": "tls/registry-signing.pem", "pollInterval": "30s"},
                     "clients": %s,
                     "services": %s,
                     "tokens": {"lifetime": "1h"},
                     "monitoring": {"usageUrl": "http://127.0.0.1:%d/api/v1/exchange/usage",
                                    "usageTokenFile": "usage-token", "pushInterval": "15s"},
                     "messageLog": {"dir": "data/messagelog", "evidenceTokenFile": "evidence-token"%s}}
                    """.formatted(gatewayId, port, port + 1, port + 2, registryPort, clients, services, registryPort,
                    tsaUrl.isBlank() ? "" : ",\n                                    \"timestamping\": {\"url\": \"" + tsaUrl
                            + "\", \"interval\": \"5s\"}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operator account for the sample gateways' usage reports, with a fresh token each start. */
    private String usageToken() {
        return transaction.execute(status -> {
            Account account = accounts.findByUsername("demo-gateways").orElseGet(() -> accounts.create(
                    new Accounts.NewAccount("demo-gateways", "Cổng kết nối (mẫu)", null, Role.OPERATOR, null,
                            Set.of("NDXP"), hex(24)), "demo"));
            return tokens.issue(CurrentUser.of(account), "sample gateways", Duration.ofDays(30)).secret();
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token file, readable by its owner alone from the moment it exists. */
    private static void writeSecret(Path file, String text) {
        Pem.writeOwnerOnly(file, text);
    }

    private static void restrictToOwner(Path path) {
        try {
            Pem.restrictToOwner(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
