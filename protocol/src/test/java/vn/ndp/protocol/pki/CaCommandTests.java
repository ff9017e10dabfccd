package vn.ndp.protocol.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaCommandTests {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ca(String... args) {
        out.reset();
        err.reset();
        return new CaCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), home.resolve("ca")).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initIssueRevokeAndListWorkTogetherInTheDefaultDirectory() {
        assertThat(ca("init")).isZero();
        assertThat(out()).contains("Created CA").contains(home.resolve("ca/ca.pem").toString());

        assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp1", "--dns", "lgsp1.example.vn",
                "--ip", "127.0.0.1,::1")).isZero();
        String serial = out().lines().filter(line -> line.startsWith("Issued")).findFirst().orElseThrow()
                .replaceAll(".* ", "");
        assertThat(ca("issue", "signing", "--name", "Registry signer")).isZero();

        assertThat(ca("revoke", "--serial", serial, "--reason", "keyCompromise")).isZero();
        assertThat(out()).contains("Revoked " + serial).contains("keyCompromise");

        assertThat(ca("list")).isZero();
        assertThat(out().lines()).hasSize(4);
        assertThat(out()).containsPattern(serial + "\\s+GATEWAY_TLS\\s+REVOKED")
                .containsPattern("CONFIGURATION_SIGNING\\s+VALID")
                .containsPattern("ROOT\\s+VALID");
    }

    @Test
    void aRevocationIsPostedToTheRegistryAndCanBePostedAgainAfterAFailure() throws Exception {
        java.util.List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(503);
        var registry = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/api/v1/exchange/revocations", exchange -> {
            posted.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        registry.start();
        try {
            java.nio.file.Path token = home.resolve("admin-token");
            java.nio.file.Files.writeString(token, "ndp_admin_token_0123456789\n");
            String url = "http://127.0.0.1:" + registry.getAddress().getPort() + "/";
            assertThat(ca("init")).isZero();
            assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp1", "--dns", "lgsp1.example.vn")).isZero();
            String serial = out().lines().filter(line -> line.startsWith("Issued")).findFirst().orElseThrow().replaceAll(".* ", "");

            assertThat(ca("revoke", "--serial", serial, "--registry", url)).isEqualTo(CaCommand.USAGE);
            assertThat(err()).contains("both --registry and --token-file");
            assertThat(ca("revoke", "--serial", serial, "--registry", url, "--token-file", home.resolve("nonexist").toString()))
                    .isEqualTo(CaCommand.USAGE);
            assertThat(err()).contains("--token-file: cannot read " + home.resolve("nonexist") + ": no such file or directory");

            assertThat(ca("revoke", "--serial", serial, "--reason", "superseded", "--registry", url,
                    "--token-file", token.toString())).isEqualTo(CaCommand.REFUSED);
            assertThat(err()).contains("revoked in the CA, but the registry refused").contains("HTTP 503");

            status.set(204);
            assertThat(ca("revoke", "--serial", serial, "--registry", url, "--token-file", token.toString())).isZero();
            assertThat(out()).contains("Already revoked").contains("Posted to the registry");
            assertThat(posted).hasSize(2).allSatisfy(request -> assertThat(request)
                    .isEqualTo("POST Bearer ndp_admin_token_0123456789 {\"serial\":\"" + serial + "\",\"reason\":\"superseded\"}"));
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void aRegistryThatCannotBeReachedIsReportedWithTheRealCause() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        java.nio.file.Path token = home.resolve("admin-token");
        java.nio.file.Files.writeString(token, "ndp_admin_token_0123456789\n");
        assertThat(ca("init")).isZero();
        assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp1", "--dns", "lgsp1.example.vn")).isZero();
        String serial = out().lines().filter(line -> line.startsWith("Issued")).findFirst().orElseThrow().replaceAll(".* ", "");

        assertThat(ca("revoke", "--serial", serial, "--registry", "http://127.0.0.1:" + closedPort + "/",
                "--token-file", token.toString())).isEqualTo(CaCommand.REFUSED);

        assertThat(err()).contains("could not be reached: ").containsIgnoringCase("connection refused")
                .doesNotContain("null");
        assertThat(ca("revoke", "--serial", serial, "--registry", "http://registry.invalid/",
                "--token-file", token.toString())).isEqualTo(CaCommand.REFUSED);
        assertThat(err()).contains("could not be reached: its host name does not resolve").doesNotContain("null");
    }

    @Test
    void dirOptionChoosesWhereTheCaLives() {
        assertThat(ca("init", "--dir", home.resolve("other").toString(), "--key", "rsa", "--validity-days", "10")).isZero();

        assertThat(home.resolve("other/ca.pem")).exists();
        assertThat(home.resolve("ca")).doesNotExist();
    }

    @Test
    void noCommandPrintsUsageAndExitsWithTwo() {
        assertThat(ca()).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("No command given").contains("Usage: ndp ca");
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(ca("--help")).isZero();
        assertThat(out()).contains("Usage: ndp ca");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertThat(ca("destroy")).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("Unknown command 'destroy'");
        assertThat(ca("init", "--colour", "red")).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("Unknown option --colour");
    }

    @Test
    void badValuesAreUsageErrorsThatSayWhatIsWrong() {
        ca("init");

        assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp 1")).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("--gateway: The gateway code 'lgsp 1' contains the forbidden character");
        assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp1", "--ip", "example.org"))
                .isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("--ip: 'example.org' is not an IPv4 or IPv6 address");
        assertThat(ca("issue", "gateway", "--gateway", "VN/GOV/000.00.00.H49/lgsp1", "--dns", "bad_name"))
                .isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("'bad_name' is not a DNS name");
        assertThat(ca("init", "--validity-days", "0")).isEqualTo(CaCommand.USAGE);
        assertThat(ca("issue")).isEqualTo(CaCommand.USAGE);
        assertThat(ca("issue", "gateway")).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("Missing --gateway");
        assertThat(ca("revoke", "--serial", "ab", "--reason", "boredom")).isEqualTo(CaCommand.USAGE);
        assertThat(err()).contains("Unknown revocation reason 'boredom'");
    }

    @Test
    void operationsTheCaRefusesExitWithOne() {
        assertThat(ca("list")).isEqualTo(CaCommand.REFUSED);
        assertThat(err()).contains("No CA in").contains("ndp ca init");

        ca("init");
        assertThat(ca("init")).isEqualTo(CaCommand.REFUSED);
        assertThat(ca("revoke", "--serial", "abcdef")).isEqualTo(CaCommand.REFUSED);
        assertThat(err()).contains("no certificate with serial abcdef");
    }
}
