package vn.ndp.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.MultiplexConnectionPool;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import vn.ndp.gateway.admin.AdminHandler;
import vn.ndp.gateway.clients.LocalClients;
import vn.ndp.gateway.clients.TokenIssuer;
import vn.ndp.gateway.config.ConfigurationDifferences;
import vn.ndp.gateway.config.ConfigurationException;
import vn.ndp.gateway.config.GatewayConfiguration;
import vn.ndp.gateway.config.GatewayConfiguration.Endpoint;
import vn.ndp.gateway.config.GatewayConfigurationReader;
import vn.ndp.gateway.exchange.ConsumerProxy;
import vn.ndp.gateway.exchange.ExchangeCapacity;
import vn.ndp.gateway.exchange.ExchangeDeadlines;
import vn.ndp.gateway.exchange.GatewayTls;
import vn.ndp.gateway.exchange.ProtocolErrorHandler;
import vn.ndp.gateway.exchange.ProviderProxy;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.gateway.messagelog.EvidenceEndpoint;
import vn.ndp.gateway.messagelog.MessageLog;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.gateway.monitoring.UsagePusher;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * One running gateway: its listeners, its HTTP clients (to other gateways, to backends, to the
 * registry), its copy of the global configuration, and its monitoring. {@link #start()} opens the
 * listeners before the first download of the global configuration, so that a gateway starts (and
 * refuses exchanges with {@code OutdatedGlobalConf}) even while the registry is down.
 */
public final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

    /** As started, or as last reloaded (only its local systems and services change while the gateway runs). */
    private volatile GatewayConfiguration configuration;
    /** The file the configuration was read from, which {@link #reload()} reads again; null when given in memory. */
    private final Path configurationFile;
    private final LocalClients clients;
    private final ProviderProxy providerProxy;
    private final Object reloading = new Object();
    private final Clock clock;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient registryClient;
    private final HttpClient gatewayClient;
    private final HttpClient backendClient;
    private final GlobalConfigurationClient globalConfiguration;
    private final TokenIssuer tokens;
    private final OperationalMonitor monitor;
    private final Optional<UsagePusher> usagePusher;
    private final MessageLog messageLog;
    private final Server server;
    /**
     * Concurrent exchanges another gateway may have on one HTTP/2 connection; past it, that gateway's client opens
     * another connection.
     */
    private static final int GATEWAY_STREAMS = 64;
    /**
     * HTTP/2 flow control, in both directions between gateways: what one exchange may have in flight unread (the
     * provider reads a request body only as fast as its backend takes it, the consumer an answer as fast as its caller
     * does). The connection's window is the sum of its streams' windows, so that exchanges stalled on a slow reader
     * never hold up the others on the same connection; it is also the most one connection can make a gateway buffer
     * (16 MiB).
     */
    private static final int STREAM_WINDOW = 256 * 1024;
    /** Connections of one client to one backend or other gateway. */
    private static final int MAX_CONNECTIONS = 256;
    /** Connections the admin listener keeps open: health checks, Prometheus, the registry asking for evidence. */
    private static final int ADMIN_CONNECTIONS = 64;
    /**
     * Selector threads of each exchange listener and proxy client. Exchanges run on the selector threads (they never
     * block), so one selector would serialise a listener's work; Jetty's default on two cores is one. With two, the
     * benchmark's idle CPU at 64 connections fell from about 9 % to 3 % (BENCHMARKS.md, session 5).
     */
    private static final int EXCHANGE_SELECTORS = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);

    private final List<ServerConnector> connectors = new ArrayList<>();
    private ServerConnector consumerHttps;
    private ServerConnector consumerHttp;
    private ServerConnector provider;
    private ServerConnector admin;
    private ScheduledExecutorService scheduler;
    private final ExchangeDeadlines deadlines;
    private final ExecutorService blocking;

    public GatewayNode(GatewayConfiguration configuration, Clock clock) {
        this(configuration, clock, null);
    }

    /** A gateway whose configuration was read from {@code configurationFile}, which the admin {@code POST /reload} reads again. */
    public GatewayNode(GatewayConfiguration configuration, Clock clock, Path configurationFile) {
        this.configuration = configuration;
        this.configurationFile = configurationFile;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(metrics);
        registryClient = client("registry", new SslContextFactory.Client(),
                configuration.globalConfiguration().fetchTimeout().toMillis(), InvocationType.BLOCKING);
        globalConfiguration = new GlobalConfigurationClient(configuration.globalConfiguration(), configuration.instance(),
                clock, registryClient, metrics);
        GatewayTls tls = new GatewayTls(configuration.tls(), globalConfiguration);
        globalConfiguration.watchOwnCertificate(tls.certificate());
        gatewayClient = gatewayClient(tls.gatewayClient(), configuration.limits().connectTimeout().toMillis());
        // Idle connections to other gateways are kept for gatewayReadTimeout, and those gateways keep them longer (see the
        // provider listener), so that this side closes first and never sends on a connection being closed. Jetty's
        // default, 30 s, dropped the pool in every lull of half a minute, and the next requests paid new handshakes on
        // connections whose code had not run for a while (BENCHMARKS.md, session 5).
        gatewayClient.setIdleTimeout(configuration.limits().gatewayReadTimeout().toMillis());
        backendClient = client("backends", new SslContextFactory.Client(),
                configuration.limits().backendConnectTimeout().toMillis(), InvocationType.NON_BLOCKING);
        tokens = new TokenIssuer(clock, configuration.tokens().lifetime());
        monitor = new OperationalMonitor(clock, metrics,
                configuration.monitoring().writeRecords() ? configuration.dataDir().resolve("operational") : null);
        usagePusher = configuration.monitoring().usageUrl().map(url -> new UsagePusher(url,
                configuration.monitoring().usageToken(), configuration.gatewayId().encoded(), monitor, registryClient,
                clock,
                configuration.globalConfiguration().fetchTimeout(), metrics));

        try {
            messageLog = configuration.messageLog().enabled() ? MessageLog.open(configuration, clock, metrics) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the message log in " + configuration.messageLog().directory(), e);
        }
        EvidenceEndpoint evidence = messageLog == null ? null
                : configuration.messageLog().evidenceToken().map(token -> new EvidenceEndpoint(messageLog, token,
                        () -> globalConfiguration.current().map(snapshot -> snapshot.verified().signedBytes()))).orElse(null);

        blocking = Executors.newVirtualThreadPerTaskExecutor();
        QueuedThreadPool threads = new ExchangeThreadPool("gateway", 200, 8);
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        server.setStopTimeout(2000);
        server.setErrorHandler(new ProtocolErrorHandler(connector -> connector == provider ? ProtocolErrorHandler.Listener.PROVIDER
                : connector == admin ? ProtocolErrorHandler.Listener.ADMIN : ProtocolErrorHandler.Listener.CONSUMER,
                monitor, messageLog, clock));
        clients = new LocalClients(configuration.clients());
        ExchangeCapacity capacity = new ExchangeCapacity(configuration.limits().maxExchanges(), metrics);
        deadlines = new ExchangeDeadlines(configuration.limits().exchangeTimeout(), metrics);
        var listen = configuration.listen();
        ConsumerProxy consumer = new ConsumerProxy(configuration, clients, tokens, globalConfiguration, tls,
                gatewayClient, monitor, clock, messageLog, capacity, deadlines, blocking);
        listen.consumerHttps().ifPresent(endpoint ->
                consumerHttps = tlsConnector(endpoint, tls.consumerServer(), listenerIdleMillis()));
        listen.consumerHttp().ifPresent(endpoint -> consumerHttp = connector(endpoint, EXCHANGE_SELECTORS));
        // An HTTP/2 client closes an idle connection between one and two idle timeouts after its last exchange (Jetty
        // checks the session's own idle time when the connection's timer expires, and the last stream may have ended a
        // little after the last bytes): other gateways' connections are kept until both have passed.
        listen.provider().ifPresent(endpoint -> provider = tlsConnector(endpoint, tls.providerServer(),
                listenerIdleMillis() + configuration.limits().gatewayReadTimeout().toMillis()));
        listen.admin().ifPresent(endpoint -> admin = connector(endpoint, 1));
        connectionGauge("consumer-https", consumerHttps);
        connectionGauge("consumer-http", consumerHttp);
        connectionGauge("provider", provider);
        for (ServerConnector exchangeListener : new ServerConnector[] {consumerHttps, consumerHttp, provider}) {
            if (exchangeListener != null) {
                // each listener on its own: local systems filling theirs leave the other gateways' open
                server.addBean(new NetworkConnectionLimit(configuration.limits().maxConnections(), exchangeListener));
            }
        }
        if (admin != null) {
            server.addBean(new NetworkConnectionLimit(ADMIN_CONNECTIONS, admin));
        }
        providerProxy = new ProviderProxy(configuration, globalConfiguration, tls, backendClient, monitor, clock,
                messageLog, capacity, deadlines, blocking);
        AdminHandler adminHandler = new AdminHandler(configuration.gatewayId(), globalConfiguration, metrics,
                configurationFile == null ? null : this::reload, evidence);
        // Exchanges never block a thread, so Jetty may run them on the thread that read the request;
        // the admin listener (metrics, evidence from files) runs on virtual threads.
        server.setHandler(new Handler.Abstract(InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) throws Exception {
                Connector connector = request.getConnectionMetaData().getConnector();
                if (connector == provider) {
                    return providerProxy.handle(request, response, callback);
                }
                if (connector == admin) {
                    blocking.execute(() -> {
                        try {
                            adminHandler.handle(request, response, callback);
                        } catch (Exception | Error e) {
                            callback.failed(e);
                        }
                    });
                    return true;
                }
                return consumer.handle(request, response, callback);
            }
        });
    }

    /**
     * Reads the configuration file again and serves its local systems and services from now on, without a restart and
     * without dropping exchanges under way: a tenant added to a shared gateway, one removed (its tokens are forgotten at
     * once), a credential or a backend changed. All or nothing: a file that does not parse, or that changes anything
     * else (listeners, TLS, limits, the message log), is refused and the running configuration kept.
     */
    public AdminHandler.Reload reload() {
        synchronized (reloading) {
            GatewayConfiguration fresh;
            try {
                fresh = GatewayConfigurationReader.read(configurationFile);
            } catch (ConfigurationException e) {
                LOG.warn("Configuration not reloaded: {}: {}", configurationFile, e.getMessage());
                return AdminHandler.Reload.refused(configurationFile + ": " + e.getMessage(), List.of());
            }
            List<String> needingRestart = ConfigurationDifferences.needingRestart(configuration, fresh);
            if (!needingRestart.isEmpty()) {
                LOG.warn("Configuration not reloaded: {} changed, which takes a restart", needingRestart);
                return AdminHandler.Reload.refused("These settings change only at a restart: "
                        + String.join(", ", needingRestart) + ". Nothing was reloaded.", needingRestart);
            }
            Set<SubsystemId> removed = clients.replace(fresh.clients());
            providerProxy.replaceServices(fresh.services());
            tokens.forget(removed);
            configuration = fresh;
            List<String> served = fresh.clients().stream().map(c -> c.subsystem().encoded()).sorted().toList();
            List<String> provided = fresh.services().keySet().stream().map(ServiceId::encoded).sorted().toList();
            LOG.info("Configuration reloaded from {}: {} local systems, {} services; no longer served: {}",
                    configurationFile, served.size(), provided.size(), removed);
            return AdminHandler.Reload.done(served, provided,
                    removed.stream().map(SubsystemId::encoded).sorted().toList());
        }
    }

    public void start() throws Exception {
        startClients();
        globalConfiguration.loadFromDisk();
        server.start();
        LOG.info("Gateway {} listening: {}", configuration.gatewayId(), describeListeners());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-schedule").factory());
        long poll = configuration.globalConfiguration().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, poll, TimeUnit.MILLISECONDS);
        if (messageLog != null) {
            long stamp = configuration.messageLog().timestampInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::stampQuietly, stamp, stamp, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(messageLog::applyRetention, 1, 60, TimeUnit.MINUTES);
        }
        usagePusher.ifPresent(pusher -> {
            long push = configuration.monitoring().pushInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    pusher.pushNow();
                } catch (RuntimeException e) {
                    LOG.warn("Usage push failed: {}", e.toString());
                }
            }, push, push, TimeUnit.MILLISECONDS);
        });
    }

    private void startClients() throws Exception {
        for (HttpClient client : List.of(registryClient, gatewayClient, backendClient)) {
            client.start();
            // Jetty 12.1 installs a gzip decoder at start when it finds none, and then asks every server for gzip and
            // decodes what comes back. A gateway passes bodies on as they were sent, so it must do neither.
            client.getContentDecoderFactories().clear();
        }
    }

    /** Starts without scheduling: the global configuration is refreshed only by {@link #globalConfiguration()}. */
    public void startWithoutSchedules() throws Exception {
        startClients();
        globalConfiguration.loadFromDisk();
        server.start();
    }

    private void refreshQuietly() {
        try {
            globalConfiguration.refreshNow();
        } catch (RuntimeException e) {
            LOG.warn("Global configuration refresh failed: {}", e.toString());
        }
    }

    private void stampQuietly() {
        try {
            messageLog.stampNow();
        } catch (RuntimeException e) {
            LOG.warn("Time-stamping failed: {}", e.toString());
        }
    }

    /** The message log, when enabled. */
    public Optional<MessageLog> messageLog() {
        return Optional.ofNullable(messageLog);
    }

    public GlobalConfigurationClient globalConfiguration() {
        return globalConfiguration;
    }

    public Optional<UsagePusher> usagePusher() {
        return usagePusher;
    }

    /** The tokens of this gateway's token endpoint. */
    public TokenIssuer tokens() {
        return tokens;
    }

    public OperationalMonitor monitor() {
        return monitor;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public int consumerHttpsPort() {
        return port(consumerHttps);
    }

    public int consumerHttpPort() {
        return port(consumerHttp);
    }

    public int providerPort() {
        return port(provider);
    }

    public int adminPort() {
        return port(admin);
    }

    private static int port(ServerConnector connector) {
        if (connector == null) {
            throw new IllegalStateException("This listener is not configured");
        }
        return connector.getLocalPort();
    }

    private String describeListeners() {
        List<String> parts = new ArrayList<>();
        if (consumerHttps != null) {
            parts.add("consumer https " + consumerHttps.getHost() + ":" + consumerHttps.getLocalPort());
        }
        if (consumerHttp != null) {
            parts.add("consumer http " + consumerHttp.getHost() + ":" + consumerHttp.getLocalPort());
        }
        if (provider != null) {
            parts.add("provider mTLS " + provider.getHost() + ":" + provider.getLocalPort());
        }
        if (admin != null) {
            parts.add("admin " + admin.getHost() + ":" + admin.getLocalPort());
        }
        return String.join(", ", parts);
    }

    /** Open connections on one exchange listener (on the provider listener: other gateways' kept-alive connections). */
    private void connectionGauge(String listener, ServerConnector connector) {
        if (connector != null) {
            Gauge.builder("ndp.gateway.connections", connector, c -> c.getConnectedEndPoints().size())
                    .description("Open connections on an exchange listener").tag("listener", listener).register(metrics);
        }
    }

    /** The plain-HTTP listener for local systems (loopback only), or the admin listener: HTTP/1.1. */
    private ServerConnector connector(Endpoint endpoint, int selectors) {
        return listen(new ServerConnector(server, -1, selectors, new HttpConnectionFactory(httpConfiguration(false))),
                endpoint, listenerIdleMillis());
    }

    /** How long a listener keeps an idle connection (or an HTTP/2 stream): 5 s past the read timeout between gateways. */
    private long listenerIdleMillis() {
        return configuration.limits().gatewayReadTimeout().toMillis() + 5000;
    }

    /**
     * A TLS listener, for local systems or for other gateways: HTTP/2 when the caller offers it in ALPN (every NDP
     * gateway does, and so do most HTTP clients), HTTP/1.1 otherwise. Between two gateways the exchanges then share
     * one connection, and the frames of many exchanges leave and arrive in one TLS record and one system call
     * (BENCHMARKS.md, session 7). {@code idleMillis}: how long an idle connection is kept.
     */
    private ServerConnector tlsConnector(Endpoint endpoint, SslContextFactory.Server tls, long idleMillis) {
        HttpConfiguration http = httpConfiguration(true);
        if (!endpoint.http2()) {
            // as gateways of earlier versions: no ALPN, HTTP/1.1 only
            return listen(new ServerConnector(server, -1, EXCHANGE_SELECTORS, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(http)), endpoint, idleMillis);
        }
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        h2.setMaxConcurrentStreams(GATEWAY_STREAMS);
        h2.setInitialStreamRecvWindow(STREAM_WINDOW);
        h2.setInitialSessionRecvWindow(GATEWAY_STREAMS * STREAM_WINDOW);
        // as the idle timeout of an HTTP/1.1 connection, which carries one exchange at a time
        h2.setStreamIdleTimeout(listenerIdleMillis());
        h2.setUseInputDirectByteBuffers(false);
        h2.setUseOutputDirectByteBuffers(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        // ALPN names are lower case; HttpConnectionFactory.getProtocol() is "HTTP/1.1"
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        return listen(new ServerConnector(server, -1, EXCHANGE_SELECTORS, new SslConnectionFactory(tls, alpn.getProtocol()),
                alpn, h2, h1), endpoint, idleMillis);
    }

    private static HttpConfiguration httpConfiguration(boolean secure) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setRequestHeaderSize(16 * 1024);
        if (secure) {
            SecureRequestCustomizer customizer = new SecureRequestCustomizer(false, -1, false);
            customizer.setSniHostCheck(false);
            http.addCustomizer(customizer);
        }
        return http;
    }

    private ServerConnector listen(ServerConnector connector, Endpoint endpoint, long idleMillis) {
        connector.setHost(endpoint.host());
        connector.setPort(endpoint.port());
        connector.setIdleTimeout(idleMillis);
        server.addConnector(connector);
        connectors.add(connector);
        return connector;
    }

    /** @param invocation NON_BLOCKING for the proxies' clients, whose response listeners never block (see the exchange package) */
    private static HttpClient client(String name, SslContextFactory.Client tls, long connectTimeoutMillis,
                                     InvocationType invocation) {
        ClientConnector connector = clientConnector(tls, invocation);
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        transport.setInvocationType(invocation);
        return client(name, transport, connectTimeoutMillis, invocation);
    }

    /**
     * The client to other gateways: HTTP/2 where the provider gateway offers it in ALPN, HTTP/1.1 otherwise (a gateway of
     * an earlier version). Heap buffers, as Jetty's server side uses by default: the JDK's AES-GCM works in place on
     * arrays, but copies direct buffers through temporary arrays (about 2.7 KiB of garbage per exchange). The transport
     * keeps Jetty's default invocation type: all exchanges with one gateway arrive on one HTTP/2 connection, read by one
     * selector thread, which hands each response to the pool. Run on that thread instead (NON_BLOCKING), they cut the
     * context switches but left the other core idle and the pair ran no faster (BENCHMARKS.md, session 7).
     */
    private static HttpClient gatewayClient(SslContextFactory.Client tls, long connectTimeoutMillis) {
        ClientConnector connector = clientConnector(tls, InvocationType.NON_BLOCKING);
        HTTP2Client h2 = new HTTP2Client(connector);
        h2.setUseInputDirectByteBuffers(false);
        h2.setUseOutputDirectByteBuffers(false);
        h2.setMaxConcurrentPushedStreams(0);
        h2.setInitialStreamRecvWindow(STREAM_WINDOW);
        h2.setInitialSessionRecvWindow(GATEWAY_STREAMS * STREAM_WINDOW);
        // HTTP/1.1 first: it is what the client speaks when the server negotiates nothing (a gateway of an earlier
        // version has no ALPN; with HTTP/2 first, the client sent it HTTP/2 frames). A server that offers both picks
        // by its own preference, and NDP gateways prefer h2 (see tlsConnector).
        HttpClientTransportDynamic transport = new HttpClientTransportDynamic(connector,
                HttpClientConnectionFactory.HTTP11, new ClientConnectionFactoryOverHTTP2.HTTP2(h2));
        transport.setConnectionPoolFactory(destination -> {
            // Until a connection's SETTINGS say how many streams it takes, Jetty counts one exchange per connection, and
            // a burst on a cold pool opened a connection per exchange. Counted as GATEWAY_STREAMS, the burst waits for
            // one connection. An HTTP/1.1 connection (an older gateway) still carries one exchange at a time.
            MultiplexConnectionPool pool = new MultiplexConnectionPool(destination, MAX_CONNECTIONS, 1);
            pool.setInitialMaxMultiplex(GATEWAY_STREAMS);
            return pool;
        });
        HttpClient client = client("gateways", transport, connectTimeoutMillis, InvocationType.NON_BLOCKING);
        client.setUseInputDirectByteBuffers(false);
        client.setUseOutputDirectByteBuffers(false);
        return client;
    }

    private static ClientConnector clientConnector(SslContextFactory.Client tls, InvocationType invocation) {
        ClientConnector connector = new ClientConnector();
        if (invocation == InvocationType.NON_BLOCKING) {
            connector.setSelectors(EXCHANGE_SELECTORS);
        }
        connector.setSslContextFactory(tls);
        return connector;
    }

    private static HttpClient client(String name, HttpClientTransport transport, long connectTimeoutMillis,
                                     InvocationType invocation) {
        HttpClient client = new HttpClient(transport);
        // The proxies' clients complete exchanges, so their threads may resume the server's connections.
        QueuedThreadPool threads = invocation == InvocationType.NON_BLOCKING
                ? new ExchangeThreadPool("client-" + name, 200, 4) : new QueuedThreadPool(200, 4);
        threads.setName("client-" + name);
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        client.setExecutor(threads);
        client.setConnectTimeout(connectTimeoutMillis);
        client.setFollowRedirects(false);
        // A cookie a backend sets must never ride along on another caller's request.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        client.setDefaultRequestContentType(null);
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        client.setMaxRequestsQueuedPerDestination(4096);
        return client;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        usagePusher.ifPresent(UsagePusher::pushNow);
        for (var lifeCycle : List.of(server, gatewayClient, backendClient, registryClient)) {
            try {
                lifeCycle.stop();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
        blocking.shutdownNow();
        deadlines.close();
        monitor.close();
        if (messageLog != null) {
            messageLog.close();
        }
    }
}
