package vn.ndp.gateway.messagelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /messagelog/evidence?id=X-ROAD-ID} on the admin listener: the evidence file of one
 * exchange from this gateway's log, for a caller presenting {@code Authorization: Bearer} with the
 * configured evidence token (compared in constant time). 401 without the token, 404 when the log
 * holds no record of that id. The file carries the global configuration the gateway serves from (the signed bytes it
 * keeps), so that a verifier can check the signatures against its revocations. The admin listener's handler answers
 * other paths and methods.
 */
public final class EvidenceEndpoint {

    public static final String PATH = "/messagelog/evidence";

    private final MessageLog log;
    private final byte[] token;
    private final Supplier<Optional<byte[]>> globalConfiguration;

    /** {@code globalConfiguration}: the signed bytes of the verified global configuration in use, if any. */
    public EvidenceEndpoint(MessageLog log, String token, Supplier<Optional<byte[]>> globalConfiguration) {
        this.log = log;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.globalConfiguration = globalConfiguration;
    }

    public boolean handle(Request request, Response response, Callback callback) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        byte[] presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return send(response, callback, 401, "{\"error\":\"the evidence token is missing or wrong\"}");
        }
        // one id, not the first of several: the evidence answered must be the one asked for
        List<String> ids = Request.extractQueryParameters(request).getValues("id");
        String id = ids == null || ids.size() != 1 ? null : ids.getFirst();
        if (id == null || id.isBlank() || id.length() > 255) {
            return send(response, callback, 400, "{\"error\":\"give the X-Road-Id once as ?id=\"}");
        }
        Optional<byte[]> evidence = log.evidence(id, globalConfiguration.get());
        if (evidence.isEmpty()) {
            return send(response, callback, 404, "{\"error\":\"no record of this X-Road-Id in the message log\"}");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(evidence.get()), callback);
        return true;
    }

    private static boolean send(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
