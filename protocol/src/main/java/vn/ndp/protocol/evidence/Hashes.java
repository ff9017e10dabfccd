package vn.ndp.protocol.evidence;

import java.util.Base64;
import java.util.HexFormat;

import vn.ndp.protocol.pki.Digests;

/** SHA-256 / SHA-512 and strict encodings: a hex or base64 text is accepted only in the one form this code writes. */
public final class Hashes {

    /** The {@code prev} of the very first record of a log. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    public static byte[] sha256(byte[] bytes) {
        return Digests.sha256().digest(bytes);
    }

    /** Lower-case hex of the SHA-256 of {@code text}'s UTF-8 bytes: how secrets and json texts are named by hash. */
    public static String sha256Hex(String text) {
        return hex(sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Lower-case hex of exactly {@code length} bytes, or an {@link EvidenceException}. */
    public static byte[] unhex(String text, int length, String what) {
        if (text == null || text.length() != 2 * length) {
            throw new EvidenceException(what + " must be " + 2 * length + " lower-case hex digits");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new EvidenceException(what + " must be " + 2 * length + " lower-case hex digits");
            }
        }
        return HEX.parseHex(text);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes standard base64 and refuses any text that does not re-encode to itself (so no byte of it can change unnoticed). */
    public static byte[] unbase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new EvidenceException(what + " is not in canonical base64");
        }
        return bytes;
    }
}
