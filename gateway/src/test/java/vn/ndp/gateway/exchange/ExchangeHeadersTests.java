package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class ExchangeHeadersTests {

    @Test
    void onlyEndToEndHeadersAreCopied() {
        HttpFields fields = HttpFields.build()
                .add("Connection", "keep-alive, X-Secret")
                .add("connection", "X-Other")
                .add("X-Secret", "hop")
                .add("x-other", "hop")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("X-Road-Client", "VN/GOV/000.00.00.H01/spoofed")
                .add("x-road-REQUEST-hash", "spoofed")
                .add("X-Road-Security-Server", "VN/GOV/000.00.00.H01/spoofed")
                .add("X-Road-UserId", "copied only by the gateway, once checked")
                .add("X-Road-Foo", "bar")
                .add("X-Road-Represented-Party", "VN/COM/0101234567")
                .add("Accept", "application/json")
                .add("X-Trace", "abc");

        HttpFields.Mutable copied = HttpFields.build();
        ExchangeHeaders.copy(fields, copied);

        assertThat(ExchangeHeaders.nominated(fields)).containsExactlyInAnyOrder("keep-alive", "x-secret", "x-other");
        assertThat(copied.stream().map(HttpField::getName)).as("extension headers are the information systems' own")
                .containsExactly("X-Road-Foo", "X-Road-Represented-Party", "Accept", "X-Trace");
    }

    @Test
    void withoutAConnectionHeaderNothingIsNominated() {
        HttpFields fields = HttpFields.build().add("X-Trace", "abc");
        HttpFields.Mutable copied = HttpFields.build();
        ExchangeHeaders.copy(fields, copied);

        assertThat(ExchangeHeaders.nominated(fields)).isEmpty();
        assertThat(copied.stream().map(HttpField::getName)).containsExactly("X-Trace");
    }

    @Test
    void theCallerCanDropMoreHeaders() {
        HttpFields fields = HttpFields.build().add("Authorization", "Bearer x").add("X-Trace", "abc");
        HttpFields.Mutable copied = HttpFields.build();
        ExchangeHeaders.copy(fields, copied, field -> !field.is("authorization"));

        assertThat(copied.stream().map(HttpField::getName)).containsExactly("X-Trace");
    }

    @Test
    void theHeadersDigestSortsNamesInLowerCaseAndKeepsTheOrderOfARepeatedName() throws Exception {
        HttpFields fields = HttpFields.build()
                .add("X-B", "2")
                .add("Accept", "text/plain")
                .add("x-b", "1")
                .add("Host", "dropped.example")
                .add("X-A", "only");

        String expected = "GET /r1/VN/GOV/1/s/svc\naccept:text/plain\nx-a:only\nx-b:2\nx-b:1\n";

        assertThat(RequestHash.headersDigest("GET", "/r1/VN/GOV/1/s/svc", fields))
                .isEqualTo(MessageDigest.getInstance("SHA-512").digest(expected.getBytes(StandardCharsets.UTF_8)));
    }
}
