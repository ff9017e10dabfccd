package vn.ndp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.gateway.clients.LocalClients;
import vn.ndp.protocol.evidence.Hashes;

/**
 * The {@code ndp} launcher's {@code gateway} command, run by bash in a copy of the repository's layout whose gateway
 * jar runs this build's {@link GatewayMain} (and whose build is up to date, so that nothing is built).
 */
class LauncherTests {

    @TempDir
    Path root;

    @Test
    void gatewayHashSecretPrintsTheSecretSha256OfASecretReadOnStandardInput() throws Exception {
        String secret = "a-client-secret-of-32-characters";
        Process process = launch("gateway", "hash-secret");
        try (OutputStream in = process.getOutputStream()) {
            in.write(secret.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out.strip()).isEqualTo(LocalClients.secretHash(secret));
    }

    @Test
    void gatewayHashSecretWithAnythingMoreIsRefusedWithItsUsage() throws Exception {
        Process process = launch("gateway", "hash-secret", "extra");
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("./ndp gateway hash-secret");
    }

    private Process launch(String... arguments) throws IOException, URISyntaxException {
        Path launcher = root.resolve("ndp");
        Files.copy(Path.of("..", "ndp"), launcher);
        Files.createDirectories(root.resolve("registry/target"));
        Files.createFile(root.resolve("registry/target/ndp-registry-exec.jar"));
        Files.createDirectories(root.resolve("gateway/target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, GatewayMain.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, location(GatewayMain.class) + " " + location(Hashes.class));
        try (OutputStream jar = new JarOutputStream(Files.newOutputStream(root.resolve("gateway/target/ndp-gateway.jar")),
                manifest)) {
            jar.flush();
        }
        Files.createDirectories(root.resolve("target"));
        Files.createFile(root.resolve("target/.ndp-build-stamp"));
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = launcher.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NDP_GATEWAY_JAVA_OPTS", "-Xmx64m");
        return builder.start();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
    }
}
