package vn.ndp.gateway.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.ndp.gateway.config.GatewayConfiguration.LocalClient;
import vn.ndp.gateway.config.GatewayConfiguration.OAuthClient;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * The local information systems this gateway serves, and the one subsystem each credential is
 * bound to: a TLS client certificate (by SHA-256 fingerprint) or an OAuth2 client id and secret.
 */
public final class LocalClients {

    private record Secret(byte[] sha256, SubsystemId subsystem) {
    }

    /** One configuration's credentials, indexed; replaced whole on a reload, never changed. */
    private record Index(Map<String, SubsystemId> byCertificate, Map<String, Secret> byClientId,
            Set<SubsystemId> subsystems) {

        static Index of(List<LocalClient> clients) {
            Map<String, SubsystemId> byCertificate = new HashMap<>();
            Map<String, Secret> byClientId = new HashMap<>();
            for (LocalClient client : clients) {
                client.tlsCertificateSha256().forEach(fingerprint -> byCertificate.put(fingerprint, client.subsystem()));
                for (OAuthClient oauth : client.oauth2()) {
                    byClientId.put(oauth.clientId(), new Secret(oauth.secretSha256().clone(), client.subsystem()));
                }
            }
            return new Index(Map.copyOf(byCertificate), Map.copyOf(byClientId),
                    clients.stream().map(LocalClient::subsystem).collect(Collectors.toUnmodifiableSet()));
        }
    }

    private volatile Index index;

    public LocalClients(List<LocalClient> clients) {
        index = Index.of(clients);
    }

    /**
     * Serves {@code clients} from now on (a reloaded configuration file: a tenant added, removed, or given another
     * credential); exchanges under way keep what they authenticated with. Returns the subsystems no longer served.
     */
    public Set<SubsystemId> replace(List<LocalClient> clients) {
        Index before = index;
        Index after = Index.of(clients);
        index = after;
        return before.subsystems().stream().filter(s -> !after.subsystems().contains(s))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<SubsystemId> byCertificate(String sha256Fingerprint) {
        return Optional.ofNullable(index.byCertificate().get(sha256Fingerprint));
    }

    /** The subsystem of an OAuth2 client whose secret matches, compared in constant time. */
    public Optional<SubsystemId> byClientCredentials(String clientId, String clientSecret) {
        Secret secret = clientId == null ? null : index.byClientId().get(clientId);
        byte[] presented = Hashes.sha256((clientSecret == null ? "" : clientSecret).getBytes(StandardCharsets.UTF_8));
        byte[] expected = secret == null ? new byte[32] : secret.sha256();
        boolean matches = MessageDigest.isEqual(presented, expected);
        return secret != null && matches ? Optional.of(secret.subsystem()) : Optional.empty();
    }

    /** The subsystems served now: a set built once per configuration, looked up in constant time. */
    public Set<SubsystemId> subsystems() {
        return index.subsystems();
    }

    /** The value to put in a configuration file's {@code secretSha256} for a client secret. */
    public static String secretHash(String clientSecret) {
        return Hashes.sha256Hex(clientSecret);
    }
}
