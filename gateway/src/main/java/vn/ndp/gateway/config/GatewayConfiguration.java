package vn.ndp.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * Everything one gateway needs to run, as read from its configuration file by
 * {@link GatewayConfigurationReader}. Paths are absolute (resolved against the file's directory).
 */
public record GatewayConfiguration(
        String instance,
        GatewayId gatewayId,
        Path dataDir,
        Listeners listen,
        Tls tls,
        GlobalConfigurationSource globalConfiguration,
        List<LocalClient> clients,
        Map<ServiceId, ProvidedService> services,
        Limits limits,
        Tokens tokens,
        Monitoring monitoring,
        MessageLog messageLog) {

    public GatewayConfiguration {
        clients = List.copyOf(clients);
        services = Map.copyOf(services);
    }

    /**
     * A host and port to listen on; port 0 picks a free port. {@code http2}: whether a TLS listener offers HTTP/2 in
     * ALPN (default true; false answers as a gateway of an earlier version did, HTTP/1.1 only).
     */
    public record Endpoint(String host, int port, boolean http2) {
    }

    /**
     * The listeners: {@code consumerHttps} for local systems (TLS, client certificate optional),
     * {@code consumerHttp} (plain HTTP, loopback only, for development), {@code provider} for other
     * gateways (mutual TLS) and {@code admin} (health, metrics). Absent listeners are not opened.
     */
    public record Listeners(Optional<Endpoint> consumerHttps, Optional<Endpoint> consumerHttp,
                            Optional<Endpoint> provider, Optional<Endpoint> admin) {
    }

    /** The gateway's key and certificate issued by the national CA, and the CA certificate (the mTLS anchor). */
    public record Tls(Path certificate, Path privateKey, Path caCertificate) {
    }

    /** Where the signed global configuration comes from and how it is checked and kept. */
    public record GlobalConfigurationSource(URI url, Path anchor, Path cacheDir, Duration pollInterval,
                                            Duration fetchTimeout) {
    }

    /**
     * A local information system's subsystem hosted by this gateway, and the credentials that
     * authenticate as it: TLS client certificates (SHA-256 fingerprints) and OAuth2 clients.
     */
    public record LocalClient(SubsystemId subsystem, List<String> tlsCertificateSha256, List<OAuthClient> oauth2) {

        public LocalClient {
            tlsCertificateSha256 = List.copyOf(tlsCertificateSha256);
            oauth2 = List.copyOf(oauth2);
        }
    }

    /** An OAuth2 client (client credentials grant); the secret is kept only as its SHA-256. */
    public record OAuthClient(String clientId, byte[] secretSha256) {
    }

    /** A service this gateway provides, and the only backend URL requests for it may reach. */
    public record ProvidedService(ServiceId service, URI backend, Optional<URI> openApi) {
    }

    /**
     * Size and time limits; the hop to another gateway should wait longer than that gateway waits for its backend.
     * {@code maxExchanges}: exchanges the gateway handles at once, as consumer and provider together; it bounds the body
     * bytes the gateway can hold for readers slower than writers (see {@code ExchangeCapacity}).
     * {@code exchangeTimeout}: the longest one exchange may take in this gateway, from its request's arrival until the
     * next hop has sent the whole answer, however steadily bytes trickle in (see {@code ExchangeDeadlines}).
     * {@code maxConnections}: open connections each exchange listener keeps; at the limit it stops accepting until one
     * closes, so that connections opened and left idle (or trickling a request head) hold a bounded part of the heap.
     */
    public record Limits(long maxBodyBytes, Duration connectTimeout, Duration gatewayReadTimeout,
                         Duration backendConnectTimeout, Duration backendReadTimeout, int maxRequestUriLength,
                         int maxExchanges, Duration exchangeTimeout, int maxConnections) {
    }

    /** Bearer tokens issued by the gateway's token endpoint. */
    public record Tokens(Duration lifetime) {
    }

    /** Where per-minute usage aggregates are pushed, and where operational records are written. */
    /** {@code usageToken}: the registry API token the usage reports are sent with (read from a file). */
    public record Monitoring(Optional<URI> usageUrl, Optional<String> usageToken, Duration pushInterval,
            boolean writeRecords) {
    }

    /** What the message log does when batches stay without a time-stamp past the outage window. */
    public enum OutagePolicy { CONTINUE, REFUSE }

    /**
     * The message log (docs/adr/0007-message-log.md). {@code signingCertificate}/{@code signingKey}
     * default to the TLS certificate and key; {@code bodyKey}: 32 bytes for AES-256-GCM, read from a
     * file, used only when {@code bodies}; {@code evidenceToken}: the bearer token the admin API's
     * evidence endpoint requires (the endpoint is off without it); {@code commitDelay}: how long the
     * writer lets a batch fill while other exchanges are in flight (group commit), zero for never;
     * {@code signEvery}: how long a written batch may wait for the signature that covers it and the
     * batches after it (zero: each batch is signed before its exchanges are answered).
     */
    public record MessageLog(boolean enabled, Path directory, boolean bodies, long maxBodyBytes, Optional<byte[]> bodyKey,
                             Optional<Path> signingCertificate, Optional<Path> signingKey, int maxBatch, Duration commitDelay,
                             Duration signEvery,
                             long maxFileBytes, Duration rotateEvery, Duration writeTimeout, Optional<Duration> retention,
                             Optional<URI> timestampUrl, Duration timestampInterval, Duration timestampTimeout,
                             Duration outageWindow, OutagePolicy onOutage, Optional<String> evidenceToken) {
    }
}
