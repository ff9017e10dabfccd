package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException;
import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException.Reason;
import vn.ndp.protocol.globalconf.GlobalConfigurationVerifier;
import vn.ndp.protocol.globalconf.RevokedCertificate;
import vn.ndp.protocol.globalconf.VerifiedGlobalConfiguration;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;

/**
 * The certificate revocations a verifier of logs and evidence checks signatures against: those of the newest (highest
 * version) of the signed global configurations at hand, each verified offline against the national CA the log is
 * checked against ({@link GlobalConfigurationVerifier#verifyOffline}, expiry ignored). A configuration that does not
 * verify is an error, never skipped: a revocation must not go unseen because its carrier was damaged.
 */
public final class Revocations {

    /** A signed global configuration and where it came from, such as {@code --globalconf registry.p7}. */
    public record Source(String name, byte[] signed) {

        /** The file given on the command line with {@code --globalconf}. */
        public static Source option(Path file) throws IOException {
            return new Source("--globalconf " + file, Files.readAllBytes(file));
        }
    }

    private final Source source;
    private final VerifiedGlobalConfiguration verified;
    /** When each revoked certificate was revoked, by serial. */
    private final Map<BigInteger, Instant> revokedAt = new HashMap<>();

    private Revocations(Source source, VerifiedGlobalConfiguration verified) {
        this.source = source;
        this.verified = verified;
        for (RevokedCertificate revoked : verified.configuration().revokedCertificates()) {
            revokedAt.putIfAbsent(revoked.serialNumber(), revoked.revokedAt());
        }
    }

    /**
     * Verifies {@code source} once, against {@code nationalCa}, for the instance of the gateways in {@code gateways}
     * (at least one): every one of them must be of the configuration's instance.
     *
     * @throws EvidenceException naming the source that does not verify, and why
     */
    public static Revocations verify(Source source, X509Certificate nationalCa, Collection<String> gateways) {
        if (gateways.isEmpty()) {
            throw new IllegalArgumentException("no gateway to verify the global configuration from " + source.name() + " for");
        }
        List<GatewayId> ids = gateways.stream().map(Revocations::gatewayId).toList();
        VerifiedGlobalConfiguration verified;
        try {
            verified = GlobalConfigurationVerifier.verifyOffline(source.signed(), nationalCa, ids.getFirst().instance());
        } catch (GlobalConfigurationRejectedException e) {
            throw doesNotVerify(source, e.reason(), e.getMessage());
        }
        for (GatewayId gateway : ids) {
            if (!gateway.instance().equals(verified.configuration().instance())) {
                throw doesNotVerify(source, Reason.WRONG_INSTANCE, "The global configuration is for instance "
                        + verified.configuration().instance() + ", not " + gateway.instance() + " of gateway " + gateway);
            }
        }
        return new Revocations(source, verified);
    }

    private static GatewayId gatewayId(String gateway) {
        try {
            return GatewayId.parse(gateway);
        } catch (InvalidIdentifierException e) {
            throw new EvidenceException("gateway " + gateway + " is not a gateway identifier, so no global configuration"
                    + " can be checked for its instance: " + e.getMessage());
        }
    }

    private static EvidenceException doesNotVerify(Source source, Reason reason, String why) {
        return new EvidenceException("the global configuration from " + source.name() + " does not verify (" + reason
                + "): " + why);
    }

    /** The newest (highest version) of {@code verified}, the first of those of that version; empty when there is none. */
    public static Optional<Revocations> newest(Collection<Revocations> verified) {
        return verified.stream().max(Comparator.comparingLong(Revocations::version));
    }

    /**
     * The global configurations at hand for verifying several logs, such as those under a data directory: they are
     * verified once for each national CA and instance the logs are checked against (usually one of each), and the
     * newest is kept for the next log of that CA and instance. A failure is not kept: it fails the log that asked.
     */
    public static final class Configurations {

        private final List<Source> sources;
        private final Map<List<Object>, Optional<Revocations>> newest = new HashMap<>();

        public Configurations(List<Source> sources) {
            this.sources = List.copyOf(sources);
        }

        /**
         * The newest of the configurations, each verified against {@code nationalCa} for the instance of
         * {@code gateway}; empty when there is none.
         *
         * @throws EvidenceException naming the configuration that does not verify, and why
         */
        public Optional<Revocations> newestFor(X509Certificate nationalCa, String gateway) {
            if (sources.isEmpty()) {
                return Optional.empty();
            }
            List<Object> key = List.of(nationalCa, gatewayId(gateway).instance());
            Optional<Revocations> known = newest.get(key);
            if (known == null) {
                List<Revocations> verified = new ArrayList<>();
                for (Source source : sources) {
                    verified.add(verify(source, nationalCa, List.of(gateway)));
                }
                known = Revocations.newest(verified);
                newest.put(key, known);
            }
            return known;
        }
    }

    /**
     * The configurations gateways keep under {@code directory} (a gateway's or the demo's data directory): each
     * {@value VerifiedGlobalConfiguration#KEPT_FILE_NAME} in it or below.
     */
    public static List<Source> keptUnder(Path directory) {
        try (Stream<Path> paths = Files.walk(directory, 8)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().equals(VerifiedGlobalConfiguration.KEPT_FILE_NAME)).sorted().toList()) {
                sources.add(new Source("the gateway's kept copy " + file, Files.readAllBytes(file)));
            }
            return sources;
        } catch (IOException e) {
            throw new EvidenceException("Cannot search " + directory + " for kept global configurations: " + e.getMessage(), e);
        }
    }

    public long version() {
        return verified.version();
    }

    /** When the registry generated the configuration. */
    public Instant issuedAt() {
        return verified.configuration().generatedAt();
    }

    public String sourceName() {
        return source.name();
    }

    /** The signed bytes, as they came. */
    public byte[] signed() {
        return source.signed().clone();
    }

    /** When the configuration says {@code certificate} was revoked; empty when it does not revoke it. */
    public Optional<Instant> revokedAt(X509Certificate certificate) {
        return Optional.ofNullable(revokedAt.get(certificate.getSerialNumber()));
    }

    /** Such as {@code revocations as of global configuration version 7, issued 2026-03-01T08:00:00Z (from ...)}. */
    public String describe() {
        return "revocations as of global configuration version " + version() + ", issued " + issuedAt() + " (from "
                + source.name() + ")";
    }
}
