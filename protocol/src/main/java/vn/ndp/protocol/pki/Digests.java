package vn.ndp.protocol.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 and SHA-512 for every package of the protocol: certificate fingerprints, the global configuration's ETag,
 * the message log's hashes. A new digest is a copy of a prototype: no provider lookup per call, which costs more than
 * the hashing of a short text.
 */
public final class Digests {

    private static final MessageDigest SHA_256 = digest("SHA-256");
    private static final MessageDigest SHA_512 = digest("SHA-512");

    private Digests() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        return copy(SHA_256);
    }

    /** A new SHA-512 digest. */
    public static MessageDigest sha512() {
        return copy(SHA_512);
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return digest(prototype.getAlgorithm()); // a provider whose digests cannot be copied
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
