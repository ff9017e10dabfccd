package vn.ndp.protocol.globalconf;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A global configuration that passed {@link GlobalConfigurationVerifier#verify}, with the exact
 * signed bytes (to keep on disk and verify again at start) and when it was signed.
 */
public final class VerifiedGlobalConfiguration {

    /** The name of the file, in its cache directory, in which a gateway keeps its last verified copy (the signed bytes). */
    public static final String KEPT_FILE_NAME = "globalconf.p7";

    private final GlobalConfiguration configuration;
    private final byte[] signed;
    private final X509Certificate signer;
    private final Instant signedAt;

    VerifiedGlobalConfiguration(GlobalConfiguration configuration, byte[] signed, X509Certificate signer, Instant signedAt) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.signed = signed.clone();
        this.signer = signer;
        this.signedAt = signedAt;
    }

    public GlobalConfiguration configuration() {
        return configuration;
    }

    public byte[] signedBytes() {
        return signed.clone();
    }

    public X509Certificate signer() {
        return signer;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String etag() {
        return GlobalConfigurationSigner.etag(signed);
    }

    public long version() {
        return configuration.version();
    }
}
