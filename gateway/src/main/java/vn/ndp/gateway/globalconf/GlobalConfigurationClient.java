package vn.ndp.gateway.globalconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ndp.gateway.config.GatewayConfiguration.GlobalConfigurationSource;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.globalconf.ExchangeDirectory;
import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException;
import vn.ndp.protocol.globalconf.GlobalConfigurationVerifier;
import vn.ndp.protocol.globalconf.VerifiedGlobalConfiguration;
import vn.ndp.protocol.pki.Pem;

/**
 * Keeps this gateway's copy of the global configuration: downloads it from the registry with
 * {@code If-None-Match}, verifies every download against the configured anchor, keeps the last
 * verified copy (and the last accepted version, so that an older one is refused) on disk, starts
 * from the disk copy when the registry is down, and serves from the last verified copy until it
 * expires. A rejected download is logged and counted, and the previous copy stays in use. It watches
 * this gateway's own certificate: when a verified configuration revokes it, that is logged once as an
 * error, shown by {@code ndp_gateway_certificate_revoked} and in {@link Status}, until a configuration
 * no longer revokes it.
 */
public final class GlobalConfigurationClient {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfigurationClient.class);
    private static final String SIGNED_FILE = VerifiedGlobalConfiguration.KEPT_FILE_NAME;
    private static final String VERSION_FILE = "accepted-version";
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    /** What one refresh did. */
    public enum Outcome { UPDATED, NOT_MODIFIED, REJECTED, UNREACHABLE }

    /** A verified configuration and the directory built from it. */
    public record Snapshot(VerifiedGlobalConfiguration verified, ExchangeDirectory directory) {

        public long version() {
            return verified.version();
        }

        public Instant expiresAt() {
            return verified.configuration().expiresAt();
        }
    }

    /** What the admin API shows; {@code ownCertificateRevoked} when the configuration in use revokes this gateway's certificate. */
    public record Status(Optional<Long> version, Optional<Instant> expiresAt, boolean expired,
                         Optional<Instant> lastAttemptAt, Optional<Outcome> lastOutcome, Optional<String> lastProblem,
                         boolean ownCertificateRevoked) {
    }

    private final GlobalConfigurationSource source;
    private final Clock clock;
    private final HttpClient http;
    private final GlobalConfigurationVerifier verifier;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Status> lastAttempt = new AtomicReference<>(
            new Status(Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty(), false));
    private final MeterRegistry metrics;
    /** This gateway's own certificate, watched for revocation; null until {@link #watchOwnCertificate}. */
    private volatile X509Certificate own;
    private final AtomicBoolean ownRevoked = new AtomicBoolean();

    public GlobalConfigurationClient(GlobalConfigurationSource source, String instance, Clock clock, HttpClient http,
                                     MeterRegistry metrics) {
        this.source = source;
        this.clock = clock;
        this.http = http;
        this.metrics = metrics;
        X509Certificate anchor = Pem.readCertificate(source.anchor());
        this.verifier = new GlobalConfigurationVerifier(anchor, instance, clock, readAcceptedVersion());
        Gauge.builder("ndp_globalconf_version", this, c -> c.current().map(Snapshot::version).orElse(0L))
                .description("Version of the global configuration in use").register(metrics);
        Gauge.builder("ndp_globalconf_seconds_to_expiry", this,
                        c -> c.current().map(s -> (double) (s.expiresAt().getEpochSecond() - clock.instant().getEpochSecond()))
                                .orElse(0.0))
                .description("Seconds until the global configuration in use expires").register(metrics);
        Gauge.builder("ndp_gateway_certificate_revoked", ownRevoked, revoked -> revoked.get() ? 1 : 0)
                .description("1 when the global configuration in use revokes this gateway's own certificate").register(metrics);
    }

    /** Watches {@code certificate}, this gateway's own, for revocation by this and every later configuration. */
    public void watchOwnCertificate(X509Certificate certificate) {
        own = certificate;
        current().ifPresent(this::checkOwnCertificate);
    }

    /**
     * Raises the alarm once when {@code snapshot} revokes this gateway's certificate: other gateways refuse it from now
     * on, and the message log still signs its batches with the revoked key. Only a new certificate ends it.
     */
    private void checkOwnCertificate(Snapshot snapshot) {
        X509Certificate certificate = own;
        if (certificate == null) {
            return;
        }
        boolean revoked = snapshot.directory().isRevoked(certificate.getSerialNumber());
        if (revoked && ownRevoked.compareAndSet(false, true)) {
            LOG.error("The global configuration version {} revokes this gateway's own certificate (serial {}): other"
                    + " gateways refuse it, and the message log signs with a revoked key. Have the national CA issue"
                    + " a new certificate, register it, and configure it (tls.certificate, tls.privateKey)",
                    snapshot.version(), certificate.getSerialNumber().toString(16));
        } else if (!revoked && ownRevoked.compareAndSet(true, false)) {
            LOG.info("The global configuration version {} no longer revokes this gateway's certificate (serial {})",
                    snapshot.version(), certificate.getSerialNumber().toString(16));
        }
    }

    /** Loads the copy kept on disk, if it still verifies and has not expired. */
    public void loadFromDisk() {
        Path file = source.cacheDir().resolve(SIGNED_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            accept(verifier.verify(Files.readAllBytes(file)), false);
            LOG.info("Serving global configuration version {} from {}", current.get().version(), file);
        } catch (GlobalConfigurationRejectedException e) {
            LOG.warn("The global configuration kept in {} is not usable ({}): {}", file, e.reason(), e.getMessage());
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
        }
    }

    /** Downloads, verifies and, when accepted, installs and keeps the registry's current configuration. */
    public Outcome refreshNow() {
        Instant attemptAt = clock.instant();
        Snapshot before = current.get();
        var request = http.newRequest(source.url())
                .timeout(source.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    if (before != null) {
                        headers.put(HttpHeader.IF_NONE_MATCH, before.verified().etag());
                    }
                });
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, MAX_DOCUMENT_BYTES).send()
                    .get(source.fetchTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(attemptAt, Outcome.UNREACHABLE, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("The registry at {} is unreachable: {}", source.url(), cause.toString());
            return record(attemptAt, Outcome.UNREACHABLE, cause.toString());
        }
        if (response.getStatus() == 304 && before != null) {
            return record(attemptAt, Outcome.NOT_MODIFIED, null);
        }
        if (response.getStatus() != 200) {
            LOG.warn("The registry at {} answered {} for the global configuration", source.url(), response.getStatus());
            return record(attemptAt, Outcome.UNREACHABLE, "HTTP " + response.getStatus());
        }
        try {
            VerifiedGlobalConfiguration verified = verifier.verify(response.getContent());
            accept(verified, true);
            if (before == null || before.version() != verified.version()) {
                LOG.info("Accepted global configuration version {}, expires at {}", verified.version(),
                        verified.configuration().expiresAt());
            }
            return record(attemptAt, Outcome.UPDATED, null);
        } catch (GlobalConfigurationRejectedException e) {
            LOG.error("Rejected a global configuration downloaded from {} ({}): {}; keeping version {}", source.url(),
                    e.reason(), e.getMessage(), before == null ? "none" : before.version());
            Counter.builder("ndp_globalconf_rejected_total").tag("reason", e.reason().name())
                    .description("Downloaded global configurations that failed verification").register(metrics).increment();
            return record(attemptAt, Outcome.REJECTED, e.reason() + ": " + e.getMessage());
        }
    }

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * The directory to serve a request from, or the {@code OutdatedGlobalConf} error of the given
     * side when there is none or it has expired.
     */
    public ExchangeDirectory directory(XRoadErrorType outdated) {
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            throw new XRoadException(outdated, "This gateway has no valid global configuration yet");
        }
        if (snapshot.verified().configuration().isExpiredAt(clock.instant())) {
            throw new XRoadException(outdated, "The global configuration version " + snapshot.version()
                    + " expired at " + snapshot.expiresAt() + " and no newer one could be downloaded");
        }
        return snapshot.directory();
    }

    public Status status() {
        Status attempt = lastAttempt.get();
        Snapshot snapshot = current.get();
        return new Status(Optional.ofNullable(snapshot).map(Snapshot::version),
                Optional.ofNullable(snapshot).map(Snapshot::expiresAt),
                snapshot == null || snapshot.verified().configuration().isExpiredAt(clock.instant()),
                attempt.lastAttemptAt(), attempt.lastOutcome(), attempt.lastProblem(), ownRevoked.get());
    }

    private Outcome record(Instant at, Outcome outcome, String problem) {
        lastAttempt.set(new Status(Optional.empty(), Optional.empty(), false, Optional.of(at), Optional.of(outcome),
                Optional.ofNullable(problem), false));
        Counter.builder("ndp_globalconf_refresh_total").tag("outcome", outcome.name())
                .description("Attempts to refresh the global configuration").register(metrics).increment();
        return outcome;
    }

    private void accept(VerifiedGlobalConfiguration verified, boolean keep) {
        ExchangeDirectory directory = ExchangeDirectory.of(verified.configuration());
        if (keep) {
            Snapshot previous = current.get();
            if (previous == null || !previous.verified().etag().equals(verified.etag())) {
                writeAtomically(source.cacheDir().resolve(SIGNED_FILE), verified.signedBytes());
            }
            writeAtomically(source.cacheDir().resolve(VERSION_FILE),
                    Long.toString(verifier.lastAcceptedVersion()).getBytes(StandardCharsets.US_ASCII));
        }
        Snapshot snapshot = new Snapshot(verified, directory);
        current.set(snapshot);
        checkOwnCertificate(snapshot);
    }

    private long readAcceptedVersion() {
        Path file = source.cacheDir().resolve(VERSION_FILE);
        try {
            return Files.isRegularFile(file) ? Long.parseLong(Files.readString(file).strip()) : 0L;
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return 0L;
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".tmp-", "");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
