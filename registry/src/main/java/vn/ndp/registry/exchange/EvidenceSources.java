package vn.ndp.registry.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;

/**
 * Where the registry fetches the evidence of one exchange from: each gateway's
 * admin listener ({@code GET /messagelog/evidence?id=}) with that gateway's
 * evidence token. Configured as {@code ndp.exchange.evidence.sources[n].gateway,
 * .url, .token-file}; the demo registers its sample gateways itself.
 */
@Service
public class EvidenceSources {

    /** One gateway's admin address and the file holding its evidence token. */
    public record Source(String gateway, URI url, Path tokenFile) {
    }

    @ConfigurationProperties("ndp.exchange.evidence")
    public record Settings(List<Source> sources) {
        public Settings {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EvidenceSources(Settings settings) {
        settings.sources().forEach(this::register);
    }

    public void register(Source source) {
        sources.put(source.gateway(), source);
    }

    public List<String> gateways() {
        return sources.keySet().stream().sorted().toList();
    }

    /** The gateways evidence can be fetched from, as a refusal names them. */
    private String configured() {
        List<String> gateways = gateways();
        return gateways.isEmpty() ? "none is configured (set ndp.exchange.evidence.sources)"
                : "configured: " + String.join(", ", gateways);
    }

    /** The name the evidence file of exchange {@code xroadId} is downloaded under. */
    public static String fileName(String xroadId) {
        return "evidence-" + String.valueOf(xroadId).strip().replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    /** The evidence file (JSON, verifiable offline with {@code ndp log verify-evidence}). */
    public byte[] fetch(String gateway, String xroadId) {
        InvalidParameters params = new InvalidParameters();
        if (xroadId == null || xroadId.isBlank() || xroadId.length() > 200) {
            params.reject("id", "is required (at most 200 characters): the X-Road-Id of the exchange.");
        }
        Source source = gateway == null ? null : sources.get(gateway);
        if (gateway == null || gateway.isBlank()) {
            params.reject("gateway", "is required: the gateway that logged the exchange; " + configured() + ".");
        } else if (source == null) {
            params.reject("gateway", "no evidence source is configured for '" + gateway + "'; " + configured() + ".");
        }
        params.throwIfAny();
        String token;
        try {
            token = Files.readString(source.tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence token of " + gateway, e);
        }
        HttpRequest request = HttpRequest.newBuilder(source.url().resolve("/messagelog/evidence?id="
                        + URLEncoder.encode(xroadId.strip(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryException(ErrorCode.GATEWAY_UNREACHABLE, "The gateway " + gateway
                    + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.GATEWAY_UNREACHABLE, "Interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> response.body();
            case 404 -> throw new RegistryException(ErrorCode.NOT_FOUND, "The gateway " + gateway
                    + " has no logged exchange with the X-Road-Id '" + xroadId + "'.");
            default -> throw new RegistryException(ErrorCode.GATEWAY_UNREACHABLE, "The gateway " + gateway
                    + " refused the evidence request with HTTP " + response.statusCode() + ".");
        };
    }
}
