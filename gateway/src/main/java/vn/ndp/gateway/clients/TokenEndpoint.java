package vn.ndp.gateway.clients;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * {@code POST /oauth2/token}: the OAuth2 client credentials grant (RFC 6749, 4.4). The client
 * authenticates with HTTP Basic or with {@code client_id} and {@code client_secret} in the form;
 * the answer is a bearer token bound to the client's one subsystem. Errors follow RFC 6749, 5.2: a missing or
 * repeated parameter, or both ways of authenticating in one request, is {@code invalid_request}.
 */
public final class TokenEndpoint {

    public static final String PATH = "/oauth2/token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalClients clients;
    private final TokenIssuer issuer;

    public TokenEndpoint(LocalClients clients, TokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    public void handle(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "invalid_request", "Use POST");
            return;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            error(response, callback, 400, "invalid_request", "The body must be application/x-www-form-urlencoded");
            return;
        }
        Fields form;
        try {
            form = FormFields.getFields(request, 16, 8192);
        } catch (RuntimeException e) {
            error(response, callback, 400, "invalid_request", "Unreadable form body");
            return;
        }
        for (Fields.Field field : form) {
            if (field.getValues().size() > 1) {
                error(response, callback, 400, "invalid_request", "The parameter " + field.getName() + " is repeated");
                return;
            }
        }
        String grantType = form.getValue("grant_type");
        if (grantType == null) {
            error(response, callback, 400, "invalid_request", "The parameter grant_type is required");
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            error(response, callback, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
            return;
        }
        String clientId = form.getValue("client_id");
        String secret = form.getValue("client_secret");
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (clientId != null || secret != null) {
                // RFC 6749, 2.3: a client MUST NOT use more than one authentication method in a request; taking one
                // would silently ignore the other, which may name another client
                error(response, callback, 400, "invalid_request", "Authenticate with HTTP Basic or with client_id and"
                        + " client_secret in the form, not both");
                return;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                clientId = null;
            }
        }
        Optional<SubsystemId> subsystem = clients.byClientCredentials(clientId, secret);
        if (subsystem.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"ndp-gateway\"");
            error(response, callback, 401, "invalid_client", "Unknown client or wrong secret");
            return;
        }
        TokenIssuer.IssuedToken token = issuer.issue(subsystem.get());
        var body = JSON.createObjectNode();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", issuer.lifetime().toSeconds());
        body.put("subsystem", token.subsystem().encoded());
        send(response, callback, 200, JSON.writeValueAsString(body));
    }

    private static void error(Response response, Callback callback, int status, String error, String description) {
        var body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        send(response, callback, status, JSON.writeValueAsString(body));
    }

    private static void send(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        // RFC 6749, 5.1: a token (or an answer about one) is never cached, by HTTP/1.1 caches nor by HTTP/1.0 ones
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.PRAGMA, "no-cache");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
