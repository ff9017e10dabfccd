package vn.ndp.gateway.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.protocol.identifiers.GatewayId;

/**
 * The admin listener (bind it to loopback or a management network): {@code GET /health} (200 when
 * the gateway can serve, 503 when its global configuration is missing or expired),
 * {@code GET /globalconf} (version, expiry, last refresh), {@code GET /metrics} (Prometheus) and
 * {@code POST /reload}: read the configuration file again and serve its local systems and services (200 with what
 * is served now, 409 with what would need a restart or why the file was refused, nothing changed). HEAD works wherever
 * GET does; another method gets 405 with {@code Allow}, an unknown path 404 whatever the method.
 */
public final class AdminHandler extends Handler.Abstract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Each resource and the methods it takes, as an {@code Allow} header says them: HEAD wherever GET (RFC 9110, 9.1;
     * Jetty sends a HEAD answer's headers without its body).
     */
    private static final Map<String, String> RESOURCES = Map.of("/health", "GET, HEAD", "/globalconf", "GET, HEAD",
            "/metrics", "GET, HEAD", "/reload", "POST");

    private final GatewayId gateway;
    private final GlobalConfigurationClient globalConfiguration;
    private final PrometheusMeterRegistry metrics;
    private final Supplier<Reload> reloader;

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

    /** {@code reloader}: null when the gateway was not started from a file, and {@code POST /reload} answers 404. */
    public AdminHandler(GatewayId gateway, GlobalConfigurationClient globalConfiguration, PrometheusMeterRegistry metrics,
            Supplier<Reload> reloader) {
        this.gateway = gateway;
        this.globalConfiguration = globalConfiguration;
        this.metrics = metrics;
        this.reloader = reloader;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String allowed = RESOURCES.get(path);
        if (allowed == null || path.equals("/reload") && reloader == null) {
            return send(response, callback, 404, "application/json", allowed == null ? "{\"error\":\"not found\"}"
                    : "{\"error\":\"this gateway was not started from a configuration file\"}");
        }
        if (!Arrays.asList(allowed.split(", ")).contains(request.getMethod())) {
            // RFC 9110, 15.5.6: a 405 names the methods the resource takes
            response.getHeaders().put(HttpHeader.ALLOW, allowed);
            return send(response, callback, 405, "application/json", "{\"error\":\"method not allowed\"}");
        }
        if (path.equals("/reload")) {
            Reload reload = reloader.get();
            return send(response, callback, reload.reloaded() ? 200 : 409, "application/json",
                    JSON.writeValueAsString(reload));
        }
        GlobalConfigurationClient.Status status = globalConfiguration.status();
        return switch (path) {
            case "/health" -> {
                var body = JSON.createObjectNode();
                body.put("gateway", gateway.encoded());
                body.put("status", status.expired() ? "OUTDATED_GLOBAL_CONFIGURATION" : "UP");
                yield send(response, callback, status.expired() ? 503 : 200, "application/json", JSON.writeValueAsString(body));
            }
            case "/globalconf" -> {
                var body = JSON.createObjectNode();
                status.version().ifPresent(version -> body.put("version", version));
                status.expiresAt().ifPresent(at -> body.put("expiresAt", at.toString()));
                body.put("expired", status.expired());
                status.lastAttemptAt().ifPresent(at -> body.put("lastRefreshAt", at.toString()));
                status.lastOutcome().ifPresent(outcome -> body.put("lastRefreshOutcome", outcome.name()));
                status.lastProblem().ifPresent(problem -> body.put("lastProblem", problem));
                yield send(response, callback, 200, "application/json", JSON.writeValueAsString(body));
            }
            case "/metrics" -> send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            default -> throw new IllegalStateException("No handling for the admin resource " + path);
        };
    }

    private static boolean send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
