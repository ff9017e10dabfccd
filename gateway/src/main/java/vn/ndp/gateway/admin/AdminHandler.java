package vn.ndp.gateway.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.gateway.messagelog.EvidenceEndpoint;
import vn.ndp.protocol.identifiers.GatewayId;

/**
 * The admin listener (bind it to loopback or a management network): {@code GET /health} (200 when
 * the gateway can serve, 503 when its global configuration is missing or expired, or revokes the gateway's own
 * certificate),
 * {@code GET /globalconf} (version, expiry, last refresh), {@code GET /metrics} (Prometheus),
 * {@code POST /reload}: read the configuration file again and serve its local systems and services (200 with what
 * is served now, 409 with what would need a restart or why the file was refused, nothing changed), and
 * {@code GET /messagelog/evidence} ({@link EvidenceEndpoint}). HEAD works wherever GET does but on the evidence; another
 * method gets 405 with {@code Allow}, an unknown path 404 whatever the method.
 */
public final class AdminHandler extends Handler.Abstract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * The admin listener's resources and the methods each takes: HEAD wherever GET (RFC 9110, 9.1; Jetty sends a HEAD
     * answer's headers without its body) but on the evidence.
     */
    private enum Resource {
        HEALTH("/health", "GET", "HEAD"),
        GLOBALCONF("/globalconf", "GET", "HEAD"),
        METRICS("/metrics", "GET", "HEAD"),
        RELOAD("/reload", "POST"),
        // GET only: a HEAD would export (sign pending batches, read the whole log) to throw the file away
        EVIDENCE(EvidenceEndpoint.PATH, "GET");

        private static final Map<String, Resource> BY_PATH = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(resource -> resource.path, Function.identity()));

        final String path;
        final Set<String> methods;
        /** The methods as a 405's {@code Allow} header names them (RFC 9110, 15.5.6). */
        final String allow;

        Resource(String path, String... methods) {
            this.path = path;
            this.methods = Set.of(methods);
            this.allow = String.join(", ", methods);
        }
    }

    private final GatewayId gateway;
    private final GlobalConfigurationClient globalConfiguration;
    private final PrometheusMeterRegistry metrics;
    private final Supplier<Reload> reloader;
    private final EvidenceEndpoint evidence;

    /** What {@code POST /reload} did: the local systems and services served now, or why nothing changed. */
    public record Reload(boolean reloaded, String problem, List<String> needingRestart, List<String> clients,
            List<String> services, List<String> noLongerServed) {

        public static Reload done(List<String> clients, List<String> services, List<String> noLongerServed) {
            return new Reload(true, null, List.of(), clients, services, noLongerServed);
        }

        public static Reload refused(String problem, List<String> needingRestart) {
            return new Reload(false, problem, needingRestart, List.of(), List.of(), List.of());
        }
    }

    /**
     * {@code reloader}: null when the gateway was not started from a file, and {@code POST /reload} answers 404;
     * {@code evidence}: null without a message log or an evidence token, and the evidence endpoint answers 404.
     */
    public AdminHandler(GatewayId gateway, GlobalConfigurationClient globalConfiguration, PrometheusMeterRegistry metrics,
            Supplier<Reload> reloader, EvidenceEndpoint evidence) {
        this.gateway = gateway;
        this.globalConfiguration = globalConfiguration;
        this.metrics = metrics;
        this.reloader = reloader;
        this.evidence = evidence;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Resource resource = Resource.BY_PATH.get(request.getHttpURI().getPath());
        if (resource == null || resource == Resource.EVIDENCE && evidence == null) {
            return send(response, callback, 404, JSON_TYPE, "{\"error\":\"not found\"}");
        }
        if (resource == Resource.RELOAD && reloader == null) {
            return send(response, callback, 404, JSON_TYPE,
                    "{\"error\":\"this gateway was not started from a configuration file\"}");
        }
        if (!resource.methods.contains(request.getMethod())) {
            return methodNotAllowed(response, callback, resource);
        }
        return switch (resource) {
            case HEALTH -> {
                GlobalConfigurationClient.Status status = globalConfiguration.status();
                var body = JSON.createObjectNode();
                body.put("gateway", gateway.encoded());
                if (status.ownCertificateRevoked()) {
                    body.put("status", "CERTIFICATE_REVOKED");
                    body.put("reason", "The global configuration revokes this gateway's certificate: other gateways"
                            + " refuse it. Have the national CA issue a new certificate and configure it.");
                } else {
                    body.put("status", status.expired() ? "OUTDATED_GLOBAL_CONFIGURATION" : "UP");
                }
                boolean up = !status.expired() && !status.ownCertificateRevoked();
                yield send(response, callback, up ? 200 : 503, JSON_TYPE, JSON.writeValueAsString(body));
            }
            case GLOBALCONF -> {
                GlobalConfigurationClient.Status status = globalConfiguration.status();
                var body = JSON.createObjectNode();
                status.version().ifPresent(version -> body.put("version", version));
                status.expiresAt().ifPresent(at -> body.put("expiresAt", at.toString()));
                body.put("expired", status.expired());
                status.lastAttemptAt().ifPresent(at -> body.put("lastRefreshAt", at.toString()));
                status.lastOutcome().ifPresent(outcome -> body.put("lastRefreshOutcome", outcome.name()));
                status.lastProblem().ifPresent(problem -> body.put("lastProblem", problem));
                yield send(response, callback, 200, JSON_TYPE, JSON.writeValueAsString(body));
            }
            // HEAD scrapes too: without the body's length Jetty would say Content-Length: 0, or Transfer-Encoding:
            // chunked on a kept-alive connection, where GET says the length (RFC 9110, 9.3.2)
            case METRICS -> send(response, callback, 200, PROMETHEUS_TYPE, metrics.scrape());
            case RELOAD -> {
                Reload reload = reloader.get();
                yield send(response, callback, reload.reloaded() ? 200 : 409, JSON_TYPE, JSON.writeValueAsString(reload));
            }
            case EVIDENCE -> evidence.handle(request, response, callback);
        };
    }

    private static boolean methodNotAllowed(Response response, Callback callback, Resource resource) {
        response.getHeaders().put(HttpHeader.ALLOW, resource.allow);
        return send(response, callback, 405, JSON_TYPE, "{\"error\":\"method not allowed\"}");
    }

    private static boolean send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
