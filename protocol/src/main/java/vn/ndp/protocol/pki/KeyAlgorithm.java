package vn.ndp.protocol.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** The key types the CA creates. */
public enum KeyAlgorithm {
    EC_P256("ec", "SHA256withECDSA"),
    RSA_3072("rsa", "SHA256withRSA");

    private final String cliName;
    private final String signatureAlgorithm;

    KeyAlgorithm(String cliName, String signatureAlgorithm) {
        this.cliName = cliName;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String cliName() {
        return cliName;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public KeyPair generate() {
        try {
            return switch (this) {
                case EC_P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case RSA_3072 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(3072);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate " + this + " keys", e);
        }
    }

    /** The algorithm matching a key's JCA algorithm name ({@code EC} or {@code RSA}). */
    public static KeyAlgorithm ofKey(java.security.Key key) {
        return switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "EC", "ECDSA" -> EC_P256;
            case "RSA" -> RSA_3072;
            default -> throw new IllegalArgumentException("Unsupported key algorithm " + key.getAlgorithm());
        };
    }

    public static KeyAlgorithm fromCliName(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.cliName.equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown key type '" + name + "'; expected ec or rsa");
    }
}
