package vn.ndp.gateway.exchange;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.ndp.gateway.config.GatewayConfiguration;
import vn.ndp.gateway.config.GatewayConfiguration.Limits;
import vn.ndp.gateway.config.GatewayConfiguration.ProvidedService;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.gateway.metaservices.Metaservices;
import vn.ndp.gateway.messagelog.MessageLog;
import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.protocol.errors.Failures;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.globalconf.EndpointRules;
import vn.ndp.protocol.globalconf.ExchangeDirectory;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.IdentifierParser;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.ServiceRequestTarget;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * The provider side: takes requests from other gateways over mutual TLS, checks that the calling
 * gateway hosts the client it speaks for and that the client holds an access right for the
 * method and path (deny by default; a method only among those {@link EndpointRules} names, whatever the
 * right), and forwards only to the backend URL this gateway's own
 * configuration registers for the service. It computes the {@code X-Road-Request-Hash} over the
 * request as received and sets the protocol's response headers, replacing any a backend set.
 */
public final class ProviderProxy extends Handler.Abstract {

    private final GatewayId self;
    private final IdentifierParser parser;
    private final Limits limits;
    /** The services this gateway's local systems provide, replaced whole when the configuration file is reloaded. */
    private volatile Map<ServiceId, ProvidedService> services;
    private final GlobalConfigurationClient globalConfiguration;
    private final GatewayTls tls;
    private final HttpClient backendClient;
    private final Responses.Intake intake;
    private final ExchangeDeadlines deadlines;
    private final Executor blocking;
    /** The next hop of every exchange here: the backend. */
    private final Relay.NextHop backendHop;

    public ProviderProxy(GatewayConfiguration configuration, GlobalConfigurationClient globalConfiguration,
                         GatewayTls tls, HttpClient backendClient, OperationalMonitor monitor, Clock clock, MessageLog messageLog,
                         ExchangeCapacity capacity, ExchangeDeadlines deadlines, Executor blocking) {
        super(InvocationType.NON_BLOCKING);
        this.intake = new Responses.Intake(Responses.Side.PROVIDER, capacity, monitor, messageLog, clock);
        this.deadlines = deadlines;
        this.blocking = blocking;
        this.self = configuration.gatewayId();
        this.parser = IdentifierParser.forInstance(configuration.instance());
        this.limits = configuration.limits();
        this.backendHop = new Relay.NextHop(() -> "The provider service", XRoadErrorType.SERVER_PROXY_SERVICE_FAILED,
                XRoadErrorType.SERVER_PROXY_SERVICE_FAILED, limits.backendReadTimeout());
        this.services = configuration.services();
        this.globalConfiguration = globalConfiguration;
        this.tls = tls;
        this.backendClient = backendClient;
    }

    /** Serves {@code provided} from now on; exchanges under way keep the backend they were given. */
    public void replaceServices(Map<ServiceId, ProvidedService> provided) {
        services = Map.copyOf(provided);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        intake.run(this::exchange, request, response, callback);
        return true;
    }

    private void exchange(Request request, Response response, Callback callback, ExchangeRecorder record) {
        // First, so that every refusal below names the exchange by the id the consumer gateway answers its caller with.
        record.xroadId = header(request, ExchangeHeaders.ID);
        record.requestId = header(request, ExchangeHeaders.REQUEST_ID);
        record.admit(XRoadErrorType.SERVER_PROXY_INTERNAL_ERROR);
        ExchangeDirectory directory = globalConfiguration.directory(XRoadErrorType.SERVER_PROXY_OUTDATED_GLOBAL_CONF);
        Gateway caller = callingGateway(request, directory);
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith("/r1/") || request.getHttpURI().toString().length() > limits.maxRequestUriLength()) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "Expected /r1/{serviceId}[/path]");
        }
        ServiceRequestTarget target;
        SubsystemId client;
        try {
            target = parser.target(rawPath.substring(3));
            String clientHeader = request.getHeaders().get(ExchangeHeaders.CLIENT);
            if (clientHeader == null) {
                throw new XRoadException(XRoadErrorType.CLIENT_MISSING_HEADER, "The X-Road-Client header is required");
            }
            client = parser.client(clientHeader);
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, e.getMessage());
        }
        ServiceId serviceId = target.service();
        record.client = client.encoded();
        record.service = serviceId.encoded();
        record.path = target.path();
        if (!caller.hosts(client)) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_ACCESS_DENIED,
                    "The calling gateway " + caller.id() + " does not host the client " + client);
        }
        if (!directory.gatewayHosting(serviceId.provider()).map(g -> g.id().equals(self)).orElse(false)) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_UNKNOWN_SERVICE,
                    "The provider " + serviceId.provider() + " is not hosted by this gateway (" + self + ")");
        }
        if (directory.service(serviceId).isEmpty() && serviceId.serviceCode().equals(Metaservices.GET_OPENAPI)) {
            Metaservices.requireGet(request.getMethod(), Metaservices.GET_OPENAPI);
            requireXRoadId(request, record);
            blocking.execute(() -> Responses.attempt((rq, rs, cb, rec) -> openApi(rq, rs, cb, rec, directory, client, serviceId),
                    request, response, callback, record, Responses.Side.PROVIDER));
            return;
        }
        if (directory.service(serviceId).isEmpty()) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_UNKNOWN_SERVICE,
                    "The service " + serviceId + " is not in the global configuration");
        }
        ProvidedService provided = services.get(serviceId);
        if (provided == null) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_MISSING_URL,
                    "This gateway has no backend configured for " + serviceId);
        }
        BackendPath path = BackendPath.of(target.path());
        EndpointRules.requireRelayed(request.getMethod());
        if (!directory.allows(client, serviceId, request.getMethod(), path.decoded())) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_ACCESS_DENIED, "The client " + client
                    + " has no access right to " + request.getMethod() + " " + path.decoded() + " of " + serviceId);
        }
        requireXRoadId(request, record);
        URI backend = path.resolve(provided.backend(), request.getHttpURI().getQuery());
        forward(request, response, callback, record, backend);
    }

    private void forward(Request request, Response response, Callback callback, ExchangeRecorder record, URI backend) {
        RequestHash hash = record.newRequestHash();
        // before the headers are hashed: a refused request is logged with the headers as received, like any other refusal
        MeteredSource body = MeteredSource.of(request, limits.maxBodyBytes(), hash);
        String rawTarget = request.getHttpURI().getPath()
                + (request.getHttpURI().getQuery() == null ? "" : "?" + request.getHttpURI().getQuery());
        HttpFields incoming = request.getHeaders();
        hash.headers(request.getMethod(), rawTarget, incoming);
        Supplier<org.eclipse.jetty.client.Request> attempt = () -> backendClient.newRequest(backend)
                .method(request.getMethod())
                .idleTimeout(limits.backendReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    ExchangeHeaders.copy(incoming, headers);
                    headers.put(ExchangeHeaders.CLIENT, record.client);
                    headers.put(ExchangeHeaders.SERVICE, record.service);
                    headers.put(ExchangeHeaders.ID, record.xroadId); // checked by requireXRoadId
                    copy(incoming, headers, ExchangeHeaders.USER_ID);
                    copy(incoming, headers, ExchangeHeaders.ISSUE);
                    copy(incoming, headers, ExchangeHeaders.REQUEST_ID);
                });
        new Relay(attempt, body, response, callback, record, limits.maxBodyBytes(),
                reply -> answer(reply, response, record, hash),
                this::failure,
                cause -> new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_FAILED,
                        "The provider service broke off its response: " + Failures.describe(cause)),
                deadlines, backendHop).send();
    }

    /** Sets the caller's status and headers from the backend's answer, with the protocol's headers replacing any it set. */
    private void answer(org.eclipse.jetty.client.Response reply, Response response, ExchangeRecorder record, RequestHash hash) {
        HttpFields replyHeaders = reply.getHeaders();
        response.setStatus(reply.getStatus());
        ExchangeHeaders.copy(replyHeaders, response.getHeaders());
        response.getHeaders().put(ExchangeHeaders.CLIENT, record.client);
        response.getHeaders().put(ExchangeHeaders.SERVICE, record.service);
        putIfPresent(response, ExchangeHeaders.ID, record.xroadId);
        putIfPresent(response, ExchangeHeaders.REQUEST_ID, record.requestId);
        response.getHeaders().put(ExchangeHeaders.REQUEST_HASH, hash.value());
    }

    /** {@code getOpenAPI?serviceCode=X}: the description from the URL this gateway configures for X, for a client with any right to X. */
    private void openApi(Request request, Response response, Callback callback, ExchangeRecorder record,
                         ExchangeDirectory directory, SubsystemId client, ServiceId metaservice) {
        String code = Metaservices.parameter(Request.extractQueryParameters(request), "serviceCode").orElse("");
        ServiceId serviceId;
        try {
            serviceId = metaservice.provider().service(code);
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "getOpenAPI needs a valid serviceCode: " + e.getMessage());
        }
        if (directory.service(serviceId).isEmpty()) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_UNKNOWN_SERVICE, "The service " + serviceId + " is not in the global configuration");
        }
        if (directory.rightsOf(client).stream().noneMatch(right -> right.service().equals(serviceId))) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_ACCESS_DENIED, "The client " + client + " has no access right to " + serviceId);
        }
        Optional<URI> url = Optional.ofNullable(services.get(serviceId)).flatMap(ProvidedService::openApi);
        if (url.isEmpty()) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_MISSING_URL, "No OpenAPI description is configured for " + serviceId);
        }
        RequestHash hash = new RequestHash();
        hash.headers(request.getMethod(), request.getHttpURI().getPath()
                + (request.getHttpURI().getQuery() == null ? "" : "?" + request.getHttpURI().getQuery()), request.getHeaders());
        org.eclipse.jetty.client.ContentResponse reply;
        try {
            reply = backendClient.newRequest(url.get()).timeout(limits.backendReadTimeout().toMillis(), TimeUnit.MILLISECONDS).send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_INTERNAL_ERROR, "Interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw failure(e instanceof ExecutionException ? e.getCause() : e);
        }
        if (reply.getStatus() != 200) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_FAILED,
                    "The OpenAPI description of " + serviceId + " could not be fetched (HTTP " + reply.getStatus() + ")");
        }
        response.setStatus(200);
        String type = reply.getHeaders().get(HttpHeader.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type == null ? "application/json" : type);
        response.getHeaders().put(ExchangeHeaders.CLIENT, client.encoded());
        response.getHeaders().put(ExchangeHeaders.SERVICE, metaservice.encoded());
        putIfPresent(response, ExchangeHeaders.ID, record.xroadId);
        putIfPresent(response, ExchangeHeaders.REQUEST_ID, record.requestId);
        response.getHeaders().put(ExchangeHeaders.REQUEST_HASH, hash.value());
        record.status = 200;
        Responses.send(response, callback, record, reply.getContent());
    }

    private Gateway callingGateway(Request request, ExchangeDirectory directory) {
        PeerCertificate peer = PeerCertificate.of(request).orElseThrow(() -> new XRoadException(
                XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED, "The calling gateway presented no TLS certificate"));
        if (directory.isRevoked(peer.certificate().getSerialNumber())) {
            throw new XRoadException(XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED,
                    "The calling gateway's certificate " + peer.certificate().getSerialNumber().toString(16) + " is revoked");
        }
        return directory.gatewayPresenting(peer.fingerprint()).orElseThrow(() -> new XRoadException(
                XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED,
                "The calling gateway's certificate is not registered in the global configuration"));
    }

    private XRoadException failure(Throwable cause) {
        if (Responses.causedBy(cause, ConnectException.class) || Responses.causedBy(cause, java.net.SocketTimeoutException.class)
                || Responses.causedBy(cause, java.nio.channels.UnresolvedAddressException.class)) {
            return new XRoadException(XRoadErrorType.SERVER_PROXY_NETWORK_ERROR,
                    "Cannot connect to the provider service: " + Failures.describe(cause));
        }
        if (Responses.causedBy(cause, TimeoutException.class)) {
            return new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_FAILED,
                    "The provider service did not answer within " + limits.backendReadTimeout());
        }
        return new XRoadException(XRoadErrorType.SERVER_PROXY_SERVICE_FAILED,
                "The provider service failed: " + Failures.describe(cause));
    }

    /**
     * Refuses to serve a request that does not name its exchange: the provider answers with the consumer's X-Road-Id
     * (Message Protocol for REST, 4.3) and logs under it, and a consumer gateway always sends one. The refusal is
     * logged under an id of its own. The value checked is the one logged, answered and passed to the backend.
     */
    private static void requireXRoadId(Request request, ExchangeRecorder record) {
        record.xroadId = ExchangeHeaders.once(request, ExchangeHeaders.ID).orElseThrow(() -> new XRoadException(
                XRoadErrorType.CLIENT_MISSING_HEADER, "The X-Road-Id header is required on a request from a gateway"));
    }

    private static String header(Request request, String name) {
        String value = request.getHeaders().get(name);
        return value != null && ExchangeHeaders.printable(value) ? value : "";
    }

    private static void copy(HttpFields from, HttpFields.Mutable to, String name) {
        String value = from.get(name);
        if (value != null && ExchangeHeaders.printable(value)) {
            to.put(name, value);
        }
    }

    private static void putIfPresent(Response response, String name, String value) {
        if (value != null && !value.isEmpty()) {
            response.getHeaders().put(name, value);
        }
    }

}
