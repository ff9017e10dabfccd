package vn.ndp.gateway.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * is served now, 409 with what would need a restart or why the file was refused, nothing changed).
 */
public final class AdminHandler extends Handler.Abstract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        if ("/reload".equals(request.getHttpURI().getPath())) {
            if (!"POST".equals(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                return send(response, callback, 405, "application/json", "{\"error\":\"method not allowed\"}");
            }
            if (reloader == null) {
                return send(response, callback, 404, "application/json",
                        "{\"error\":\"this gateway was not started from a configuration file\"}");
            }
            Reload reload = reloader.get();
            return send(response, callback, reload.reloaded() ? 200 : 409, "application/json",
                    JSON.writeValueAsString(reload));
        }
        if (!"GET".equals(request.getMethod())) {
            return send(response, callback, 405, "application/json", "{\"error\":\"method not allowed\"}");
        }
        GlobalConfigurationClient.Status status = globalConfiguration.status();
        return switch (request.getHttpURI().getPath()) {
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
            default -> send(response, callback, 404, "application/json", "{\"error\":\"not found\"}");
        };
    }

    private static boolean send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
