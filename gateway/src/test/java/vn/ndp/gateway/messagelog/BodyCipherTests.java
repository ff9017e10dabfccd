package vn.ndp.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BodyCipherTests {

    private static final byte[] BODY = "{\"citizenId\":\"001099012345\",\"tên\":\"Nguyễn Văn A\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] key(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void aSealedBodyHoldsNeitherThePlaintextNorItsBase64AndOpensOnlyWithItsKey() {
        BodyCipher cipher = new BodyCipher(key(1));

        String sealed = cipher.seal(BODY);

        assertThat(sealed).startsWith("A256GCM:").doesNotContain("001099012345")
                .doesNotContain(Base64.getEncoder().encodeToString(BODY).substring(0, 16));
        assertThat(cipher.open(sealed)).isEqualTo(BODY);
        assertThat(new BodyCipher(key(1)).seal(BODY)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> new BodyCipher(key(2)).open(sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another key");
        assertThatThrownBy(() -> new BodyCipher(null).open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedCiphertextDoesNotOpen() {
        BodyCipher cipher = new BodyCipher(key(1));
        String sealed = cipher.seal(BODY);
        int at = sealed.length() - 10;
        String changed = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> cipher.open(changed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot decrypt");
    }
}
