package vn.ndp.gateway.messagelog;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import vn.ndp.protocol.evidence.Hashes;

/**
 * Encrypts logged bodies at rest with AES-256-GCM: {@code A256GCM:{keyId}:{base64(nonce | ciphertext | tag)}},
 * keyId the first 8 bytes (hex) of the key's SHA-256 so that a rotated key is recognised. Without a
 * key, bodies are kept as {@code plain:{base64}}.
 */
final class BodyCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    BodyCipher(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
        this.keyId = key == null ? null : Hashes.hex(Arrays.copyOf(Hashes.sha256(key), 8));
    }

    String seal(byte[] body) {
        if (key == null) {
            return "plain:" + Hashes.base64(body);
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(body);
            byte[] out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return "A256GCM:" + keyId + ":" + Hashes.base64(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a logged body", e);
        }
    }

    byte[] open(String sealed) {
        if (sealed.startsWith("plain:")) {
            return java.util.Base64.getDecoder().decode(sealed.substring(6));
        }
        String[] parts = sealed.split(":", 3);
        if (key == null || parts.length != 3 || !parts[0].equals("A256GCM") || !parts[1].equals(keyId)) {
            throw new IllegalArgumentException("Encrypted with another key or not an encrypted body");
        }
        try {
            byte[] in = java.util.Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot decrypt a logged body: " + e.getMessage(), e);
        }
    }
}
