package vn.ndp.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.ndp.gateway.clients.LocalClients;
import vn.ndp.gateway.clients.TokenEndpoint;
import vn.ndp.gateway.clients.TokenIssuer;
import vn.ndp.gateway.config.GatewayConfiguration;
import vn.ndp.gateway.config.GatewayConfiguration.Limits;
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
import vn.ndp.protocol.globalconf.Service;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.IdentifierParser;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.ServiceRequestTarget;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * The consumer side: takes X-Road REST r1 requests from local information systems, checks who
 * is calling and as which subsystem, finds the provider's gateway in the global configuration,
 * and carries the request there over mutual TLS, streaming both bodies. It verifies the
 * provider gateway's {@code X-Road-Request-Hash} before relaying the answer. Exchanges never block
 * a thread (see {@link Relay}); only the token endpoint, which reads a form, runs on {@code blocking}.
 */
public final class ConsumerProxy extends Handler.Abstract {

    /** A bearer token authenticated the caller to this gateway only: it is not sent on. */
    private static final Predicate<HttpField> NOT_AUTHORIZATION = field -> field.getHeader() != HttpHeader.AUTHORIZATION;

    private final GatewayId self;
    private final IdentifierParser parser;
    private final Limits limits;
    private final LocalClients clients;
    private final TokenIssuer tokens;
    private final TokenEndpoint tokenEndpoint;
    private final GlobalConfigurationClient globalConfiguration;
    private final GatewayTls tls;
    private final HttpClient gatewayClient;
    private final Responses.Intake intake;
    private final ExchangeDeadlines deadlines;
    private final Executor blocking;

    public ConsumerProxy(GatewayConfiguration configuration, LocalClients clients, TokenIssuer tokens,
                         GlobalConfigurationClient globalConfiguration, GatewayTls tls, HttpClient gatewayClient,
                         OperationalMonitor monitor, Clock clock, MessageLog messageLog, ExchangeCapacity capacity,
                         ExchangeDeadlines deadlines, Executor blocking) {
        super(InvocationType.NON_BLOCKING);
        this.intake = new Responses.Intake(Responses.Side.CONSUMER, capacity, monitor, messageLog, clock);
        this.deadlines = deadlines;
        this.blocking = blocking;
        this.self = configuration.gatewayId();
        this.parser = IdentifierParser.forInstance(configuration.instance());
        this.limits = configuration.limits();
        this.clients = clients;
        this.tokens = tokens;
        this.tokenEndpoint = new TokenEndpoint(clients, tokens);
        this.globalConfiguration = globalConfiguration;
        this.tls = tls;
        this.gatewayClient = gatewayClient;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (TokenEndpoint.PATH.equals(request.getHttpURI().getPath())) {
            request.setAttribute(ProtocolErrorHandler.HANDLED, TokenEndpoint.PATH); // not an exchange: never logged
            blocking.execute(() -> tokenEndpoint.handle(request, response, callback));
            return true;
        }
        intake.run(this::exchange, request, response, callback);
        return true;
    }

    private void exchange(Request request, Response response, Callback callback, ExchangeRecorder record) {
        record.admit(XRoadErrorType.CLIENT_PROXY_INTERNAL_ERROR);
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || request.getHttpURI().toString().length() > limits.maxRequestUriLength()) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                    "The request URI is longer than " + limits.maxRequestUriLength() + " characters");
        }
        if (rawPath.equals("/listClients")) {
            // Anonymous, as in X-Road: no client or service to name, but an id of its own under which it is logged.
            record.xroadId = UUID.randomUUID().toString();
            record.path = rawPath;
            Metaservices.requireGet(request.getMethod(), "listClients");
            json(response, callback, record, Metaservices.listClients(
                    globalConfiguration.directory(XRoadErrorType.CLIENT_PROXY_OUTDATED_GLOBAL_CONF),
                    queryParameter(request, "xRoadInstance").filter(instance -> !instance.isBlank())));
            return;
        }
        if (!rawPath.startsWith("/r1/")) {
            if (rawPath.equals("/r1")) {
                throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                        "The service identifier is missing: expected /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/path]");
            }
            if (rawPath.matches("/r[0-9]+(/.*)?")) {
                throw new XRoadException(XRoadErrorType.CLIENT_INVALID_PROTOCOL_VERSION,
                        "This gateway speaks the X-Road Message Protocol for REST r1 only");
            }
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                    "Expected /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/path], or /listClients");
        }
        ServiceRequestTarget target = target(rawPath.substring(3));
        record.service = target.service().encoded();
        record.path = target.path();
        SubsystemId client = clientHeader(request);
        record.client = client.encoded();
        boolean bearer = authenticate(request, client);
        String xroadId = ExchangeHeaders.once(request, ExchangeHeaders.ID).orElseGet(() -> UUID.randomUUID().toString());
        record.xroadId = xroadId;
        Optional<String> userId = ExchangeHeaders.once(request, ExchangeHeaders.USER_ID);
        Optional<String> issue = ExchangeHeaders.once(request, ExchangeHeaders.ISSUE);

        ExchangeDirectory directory = globalConfiguration.directory(XRoadErrorType.CLIENT_PROXY_OUTDATED_GLOBAL_CONF);
        if (directory.subsystem(client).isEmpty()) {
            throw new XRoadException(XRoadErrorType.CLIENT_PROXY_UNKNOWN_MEMBER,
                    "The client " + client + " is not in the global configuration");
        }
        if (!directory.gatewayHosting(client).map(g -> g.id().equals(self)).orElse(false)) {
            throw new XRoadException(XRoadErrorType.CLIENT_PROXY_UNKNOWN_MEMBER,
                    "The global configuration does not register " + client + " at this gateway (" + self + ")");
        }
        ServiceId serviceId = target.service();
        Optional<Service> service = directory.service(serviceId);
        boolean metaservice = service.isEmpty() && target.path().isEmpty()
                && Metaservices.CODES.contains(serviceId.serviceCode());
        if (metaservice) {
            Metaservices.requireGet(request.getMethod(), serviceId.serviceCode());
        }
        if (metaservice && !serviceId.serviceCode().equals(Metaservices.GET_OPENAPI)) {
            if (directory.subsystem(serviceId.provider()).isEmpty()) {
                // as for any service of a provider the global configuration does not know, not an empty list
                throw new XRoadException(XRoadErrorType.CLIENT_PROXY_UNKNOWN_SERVICE,
                        "The provider " + serviceId.provider() + " is not in the global configuration");
            }
            Optional<ServiceId> only = queryParameter(request, "serviceId").map(text -> {
                try {
                    return parser.service(text);
                } catch (InvalidIdentifierException e) {
                    throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, e.getMessage());
                }
            });
            json(response, callback, record, serviceId.serviceCode().equals(Metaservices.LIST_METHODS)
                    ? Metaservices.listMethods(directory, serviceId.provider(), only)
                    : Metaservices.allowedMethods(directory, client, serviceId.provider(), only));
            return;
        }
        boolean openApi = service.isEmpty() && serviceId.serviceCode().equals(Metaservices.GET_OPENAPI);
        if (service.isEmpty() && !openApi) {
            throw new XRoadException(XRoadErrorType.CLIENT_PROXY_UNKNOWN_SERVICE,
                    "The service " + serviceId + " is not in the global configuration");
        }
        Gateway provider = directory.gatewayHosting(serviceId.provider()).orElseThrow(() -> new XRoadException(
                XRoadErrorType.CLIENT_PROXY_UNKNOWN_SERVICE, "No gateway hosts the provider " + serviceId.provider()));
        if (tls.revoked(directory, provider)) {
            throw new XRoadException(XRoadErrorType.CLIENT_PROXY_SSL_AUTHENTICATION_FAILED,
                    "The certificate of the provider's gateway " + provider.id() + " is revoked");
        }
        BackendPath.of(target.path());
        EndpointRules.requireRelayed(request.getMethod());
        forward(request, response, callback, record, new Forward(provider, serviceId, client, target.path(), xroadId,
                userId, issue, bearer));
    }

    private record Forward(Gateway provider, ServiceId service, SubsystemId client, String path, String xroadId,
                           Optional<String> userId, Optional<String> issue, boolean bearer) {
    }

    private void forward(Request request, Response response, Callback callback, ExchangeRecorder record, Forward forward) {
        String query = request.getHttpURI().getQuery();
        String target = "/r1/" + record.service + forward.path() + (query == null ? "" : "?" + query);
        RequestHash hash = record.newRequestHash();
        // before the request id is drawn: a request refused for its size has none
        MeteredSource body = MeteredSource.of(request, limits.maxBodyBytes(), hash);
        String requestId = UUID.randomUUID().toString();
        record.requestId = requestId;
        HttpFields incoming = request.getHeaders();
        Supplier<org.eclipse.jetty.client.Request> attempt = () -> gatewayClient.newRequest("https://" + forward.provider().address())
                .method(request.getMethod())
                .path(target)
                .idleTimeout(limits.gatewayReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    ExchangeHeaders.copy(incoming, headers, forward.bearer() ? NOT_AUTHORIZATION : field -> true);
                    headers.put(ExchangeHeaders.CLIENT, record.client);
                    headers.put(ExchangeHeaders.ID, forward.xroadId());
                    headers.put(ExchangeHeaders.REQUEST_ID, requestId);
                    forward.userId().ifPresent(value -> headers.put(ExchangeHeaders.USER_ID, value));
                    forward.issue().ifPresent(value -> headers.put(ExchangeHeaders.ISSUE, value));
                })
                // Hashed before sending: the answer may be read on another thread before a commit listener
                // would run. The client adds none of the hashed headers (no cookie store, no default content type).
                .onRequestBegin(begun -> hash.headers(begun.getMethod(), target, begun.getHeaders()));
        new Relay(attempt, body, response, callback, record, limits.maxBodyBytes(),
                reply -> answer(reply, response, record, forward, hash, requestId, body),
                cause -> failure(cause, forward.provider()),
                cause -> new XRoadException(XRoadErrorType.CLIENT_PROXY_NETWORK_ERROR,
                        "The provider's gateway broke off its response: " + Failures.describe(cause)),
                // the hop's name is built only for an error
                deadlines, new Relay.NextHop(() -> "The provider's gateway " + forward.provider().id(),
                        XRoadErrorType.CLIENT_PROXY_NETWORK_ERROR, XRoadErrorType.CLIENT_PROXY_SERVICE_FAILED,
                        limits.gatewayReadTimeout())).send();
    }

    /** Checks the provider gateway's answer (its request hash and request id) and sets the caller's status and headers. */
    private void answer(org.eclipse.jetty.client.Response reply, Response response, ExchangeRecorder record, Forward forward,
                        RequestHash hash, String requestId, MeteredSource body) {
        HttpFields replyHeaders = reply.getHeaders();
        String gatewayError = replyHeaders.get(ExchangeHeaders.ERROR);
        response.setStatus(reply.getStatus());
        response.getHeaders().put(ExchangeHeaders.ID, forward.xroadId());
        if (gatewayError != null) {
            record.fault = gatewayError;
            response.getHeaders().put(ExchangeHeaders.ERROR, gatewayError);
        } else {
            if (body != null && body.awaitingCaller()) {
                // The answer can only be checked against a whole request. Here the caller is the one holding it up (a
                // request that announces a body and never sends it, say), so the provider is not to blame.
                throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "The request body had not arrived whole from"
                        + " the caller when the provider's gateway answered, so the answer cannot be checked against the"
                        + " request: send the whole body, and announce none for a request without one");
            }
            String received = replyHeaders.get(ExchangeHeaders.REQUEST_HASH);
            if (received == null || !hash.hasHeaders() || body != null && !body.complete()
                    || !MessageDigest.isEqual(received.getBytes(StandardCharsets.US_ASCII),
                    hash.value().getBytes(StandardCharsets.US_ASCII))
                    || !requestId.equals(replyHeaders.get(ExchangeHeaders.REQUEST_ID))) {
                throw new XRoadException(XRoadErrorType.CLIENT_PROXY_INCONSISTENT_RESPONSE,
                        "The provider's gateway " + forward.provider().id() + " answered with a request hash or request id "
                                + "that does not match the request sent");
            }
            response.getHeaders().put(ExchangeHeaders.CLIENT, record.client);
            response.getHeaders().put(ExchangeHeaders.SERVICE, record.service);
            response.getHeaders().put(ExchangeHeaders.REQUEST_ID, requestId);
            response.getHeaders().put(ExchangeHeaders.REQUEST_HASH, received);
        }
        ExchangeHeaders.copy(replyHeaders, response.getHeaders());
    }

    private XRoadException failure(Throwable cause, Gateway provider) {
        if (Responses.tlsFailure(cause)) {
            return new XRoadException(XRoadErrorType.CLIENT_PROXY_SSL_AUTHENTICATION_FAILED,
                    "Mutual TLS with the provider's gateway " + provider.id() + " at " + provider.address() + " failed: "
                            + Failures.describe(cause));
        }
        if (Responses.causedBy(cause, TimeoutException.class)) {
            return new XRoadException(XRoadErrorType.CLIENT_PROXY_NETWORK_ERROR,
                    "The provider's gateway " + provider.id() + " did not answer within " + limits.gatewayReadTimeout());
        }
        return new XRoadException(XRoadErrorType.CLIENT_PROXY_NETWORK_ERROR,
                "Cannot reach the provider's gateway " + provider.id() + " at " + provider.address() + ": "
                        + Failures.describe(cause));
    }

    private ServiceRequestTarget target(String rawPath) {
        try {
            return parser.target(rawPath);
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, e.getMessage());
        }
    }

    private SubsystemId clientHeader(Request request) {
        List<String> values = request.getHeaders().getValuesList(ExchangeHeaders.CLIENT);
        if (values.isEmpty()) {
            throw new XRoadException(XRoadErrorType.CLIENT_MISSING_HEADER, "The X-Road-Client header is required");
        }
        if (values.size() > 1) {
            throw new XRoadException(XRoadErrorType.CLIENT_INVALID_CLIENT_IDENTIFIER, "The X-Road-Client header is repeated");
        }
        try {
            return parser.client(values.getFirst().strip());
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.CLIENT_INVALID_CLIENT_IDENTIFIER, e.getMessage());
        }
    }

    /** Checks that the caller's credential is bound to {@code client}; returns whether a bearer token was used. */
    private boolean authenticate(Request request, SubsystemId client) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            SubsystemId bound = tokens.subsystemOf(authorization.substring(7).strip()).orElseThrow(() -> new XRoadException(
                    XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED, "The bearer token is unknown or has expired"));
            if (!clients.subsystems().contains(bound)) {
                // A reload took the subsystem off this gateway: its tokens are forgotten then, but one issued while the
                // reload ran (to credentials checked just before it) would be missed.
                throw new XRoadException(XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED,
                        "The bearer token was issued to " + bound + ", which this gateway no longer serves");
            }
            if (!bound.equals(client)) {
                throw new XRoadException(XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED,
                        "The bearer token was issued to " + bound + ", which cannot act as " + client);
            }
            return true;
        }
        Optional<PeerCertificate> certificate = PeerCertificate.of(request);
        Optional<SubsystemId> byCertificate = certificate.map(PeerCertificate::fingerprint).flatMap(clients::byCertificate);
        if (byCertificate.isPresent()) {
            if (tls.revokedByNationalCa(certificate.get().certificate())) {
                throw new XRoadException(XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED, "The TLS client certificate (serial "
                        + certificate.get().certificate().getSerialNumber().toString(16) + ") is revoked by the national CA");
            }
            if (!byCertificate.get().equals(client)) {
                throw new XRoadException(XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED,
                        "The TLS client certificate is bound to " + byCertificate.get() + ", which cannot act as " + client);
            }
            return false;
        }
        throw new XRoadException(XRoadErrorType.CLIENT_SSL_AUTHENTICATION_FAILED, certificate.isPresent()
                ? "The TLS client certificate is not bound to any subsystem at this gateway"
                : "No credential: present a bound TLS client certificate or an Authorization: Bearer token from "
                        + TokenEndpoint.PATH);
    }

    private static Optional<String> queryParameter(Request request, String name) {
        return Metaservices.parameter(Request.extractQueryParameters(request), name);
    }

    /**
     * Answers a metaservice from the global configuration. Its headers name the exchange as a service's answer does:
     * the X-Road-Id it is logged under (so that its caller can ask for its evidence), and the client and the
     * metaservice when the request named them ({@code /listClients} names neither).
     */
    private static void json(Response response, Callback callback, ExchangeRecorder record, String json) {
        record.status = 200;
        response.setStatus(200);
        response.getHeaders().put(ExchangeHeaders.ID, record.xroadId);
        if (!record.client.isEmpty()) {
            response.getHeaders().put(ExchangeHeaders.CLIENT, record.client);
        }
        if (!record.service.isEmpty()) {
            response.getHeaders().put(ExchangeHeaders.SERVICE, record.service);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        Responses.send(response, callback, record, json.getBytes(StandardCharsets.UTF_8));
    }
}
