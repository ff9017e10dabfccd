package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Utf8DigestInputTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "café ÿ", "Bộ Thông tin và Truyền thông", "emoji \uD83D\uDE00 pair",
            "lone high \uD800 then text", "lone low \uDC00", "ends high \uD800", "\uDBFF\uDFFF max code point"})
    void digestsTheSameBytesAsStringGetBytes(String text) throws Exception {
        assertThat(new Utf8DigestInput(MessageDigest.getInstance("SHA-512")).append(text).digest())
                .isEqualTo(sha512(text));
    }

    @Test
    void textLongerThanItsBufferWithMultiByteCharactersAtEveryOffsetDigestsWhole() throws Exception {
        String unit = "ệ\uD83D\uDE00é"; // 3 + 4 + 2 bytes: the buffer fills up at every kind of boundary
        for (int pad = 0; pad < 9; pad++) {
            Utf8DigestInput whole = new Utf8DigestInput(MessageDigest.getInstance("SHA-512"));
            Utf8DigestInput inPieces = new Utf8DigestInput(MessageDigest.getInstance("SHA-512")).append("x".repeat(pad));
            for (int i = 0; i < 300; i++) {
                inPieces.append(unit);
            }
            String text = "x".repeat(pad) + unit.repeat(300);
            assertThat(whole.append(text).digest()).as("whole, offset %d", pad).isEqualTo(sha512(text));
            assertThat(inPieces.digest()).as("in pieces, offset %d", pad).isEqualTo(sha512(text));
        }
    }

    @Test
    void aRequestWithoutPathIsDigestedWithNullForItAsTheConcatenatedTextWas() throws Exception {
        HttpFields fields = HttpFields.build().add("Host", "example.org:443").add("X-A", "1");

        assertThat(RequestHash.headersDigest("CONNECT", null, fields)).isEqualTo(sha512("CONNECT null\nx-a:1\n"));
    }

    @Test
    void aSingleCharacterMustBeAscii() throws Exception {
        Utf8DigestInput input = new Utf8DigestInput(MessageDigest.getInstance("SHA-512"));
        assertThat(input.append(':').append('\n').digest()).isEqualTo(sha512(":\n"));
        assertThatThrownBy(() -> input.append('é')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responseHeadersAreDigestedWithTheStatusAsFirstLineAndValuesAsUtf8() throws Exception {
        HttpFields fields = HttpFields.build().add("Content-Type", "application/json").add("X-Tên", "Hà Nội");

        assertThat(RequestHash.responseHeadersDigest(200, fields))
                .isEqualTo(sha512("200\ncontent-type:application/json\nx-tên:Hà Nội\n"));
    }

    private static byte[] sha512(String text) throws Exception {
        return MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
