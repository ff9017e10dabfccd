package vn.ndp.registry.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Endpoint;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.globalconf.GlobalConfigurationJson;
import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.globalconf.Member;
import vn.ndp.protocol.globalconf.RevokedCertificate;
import vn.ndp.protocol.globalconf.Subsystem;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.exchange.internal.SigningKeys;

/**
 * Publishes the signed global configuration: a new version whenever the
 * directory changes, and a fresh one well before the current one expires
 * (gateways refuse traffic on an expired configuration). Versions only grow;
 * with several registry nodes, the first to insert a version wins.
 */
@Service
public class GlobalConfigurationPublisher {

    private static final Logger log = LoggerFactory.getLogger(GlobalConfigurationPublisher.class);

    /** One signed version as gateways download it. */
    public record Published(long version, Instant generatedAt, Instant expiresAt, byte[] signed, String etag) {
    }

    private final ExchangeRegister register;
    private final SigningKeys keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration validity;

    GlobalConfigurationPublisher(ExchangeRegister register, SigningKeys keys, JdbcClient jdbc,
            TransactionTemplate transaction, AuditLog audit, Clock clock,
            @Value("${ndp.exchange.globalconf.validity:PT10M}") Duration validity) {
        this.register = register;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
    }

    public Optional<Published> latest() {
        return jdbc.sql("select * from global_configuration order by version desc limit 1")
                .query((rs, n) -> new Published(rs.getLong("version"),
                        rs.getObject("generated_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBytes("signed"),
                        rs.getString("etag")))
                .optional();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(DirectoryChanged changed) {
        publishIfNeeded();
    }

    /** Re-signs before half the validity has passed, so gateways polling every minute never see it expire. */
    @Scheduled(fixedDelayString = "${ndp.exchange.globalconf.refresh:PT1M}", initialDelay = 0)
    public void refresh() {
        publishIfNeeded();
    }

    public synchronized Published publishIfNeeded() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        GlobalConfiguration content = build(1, Instant.EPOCH);
        String hash = Hashes.hex(Hashes.sha256(GlobalConfigurationJson.write(content)));
        Optional<Published> latest = latest();
        Optional<String> latestHash = jdbc.sql("select content_hash from global_configuration order by version desc limit 1")
                .query(String.class).optional();
        boolean changed = latestHash.filter(hash::equals).isEmpty();
        boolean ageing = latest.map(p -> !p.expiresAt().minus(validity.dividedBy(2)).isAfter(now)).orElse(true);
        if (!changed && !ageing) {
            return latest.get();
        }
        long version = latest.map(p -> p.version() + 1).orElse(1L);
        GlobalConfiguration configuration = build(version, now);
        byte[] signed = new GlobalConfigurationSigner(keys.key(), keys.certificate(), clock).sign(configuration);
        Published published = new Published(version, now, now.plus(validity), signed,
                GlobalConfigurationSigner.etag(signed));
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into global_configuration (version, generated_at, expires_at, content_hash, signed, etag)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(version, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                                OffsetDateTime.ofInstant(published.expiresAt(), ZoneOffset.UTC), hash, signed,
                                published.etag())
                        .update();
                if (changed) {
                    audit.record(AuditEvent.GLOBAL_CONFIGURATION_CHANGED, "system", "version " + version,
                            Map.of("hash", hash));
                }
            });
        } catch (DuplicateKeyException anotherNodeWon) {
            return latest().orElseThrow();
        }
        log.debug("Published global configuration version {}", version);
        return published;
    }

    private GlobalConfiguration build(long version, Instant generatedAt) {
        GlobalConfiguration.Builder builder = GlobalConfiguration.builder(register.instance(), version, generatedAt)
                .validFor(validity);
        register.members().forEach(m -> builder.member(new Member(MemberId.parse(m.id()), m.name())));
        register.subsystems().forEach(s -> builder.subsystem(new Subsystem(SubsystemId.parse(s.id()), s.platformCode())));
        register.gateways().forEach(g -> builder.gateway(new Gateway(GatewayId.parse(g.id()), g.address(),
                g.certificatePem(), g.certificateSha256(), g.hostedSubsystems().stream().map(SubsystemId::parse).toList())));
        register.services().forEach(s -> builder.service(new vn.ndp.protocol.globalconf.Service(ServiceId.parse(s.id()),
                s.openApiUrl(), s.description(),
                s.endpoints().stream().map(e -> new Endpoint(e.method(), e.path())).toList())));
        register.accessRights().forEach(r -> builder.accessRight(new AccessRight(SubsystemId.parse(r.clientId()),
                ServiceId.parse(r.serviceId()), r.method() == null ? null : new Endpoint(r.method(), r.path()))));
        register.revokedCertificates().forEach(c -> builder.revokedCertificate(
                new RevokedCertificate(c.serial(), c.revokedAt().toInstant())));
        return builder.build();
    }

}
