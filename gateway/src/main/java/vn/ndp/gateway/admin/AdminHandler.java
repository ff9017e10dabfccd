package vn.ndp.gateway.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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
 * {@code GET /globalconf} (version, expiry, last refresh) and {@code GET /metrics} (Prometheus).
 */
public final class AdminHandler extends Handler.Abstract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayId gateway;
    private final GlobalConfigurationClient globalConfiguration;
    private final PrometheusMeterRegistry metrics;

    public AdminHandler(GatewayId gateway, GlobalConfigurationClient globalConfiguration, PrometheusMeterRegistry metrics) {
        this.gateway = gateway;
        this.globalConfiguration = globalConfiguration;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
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
