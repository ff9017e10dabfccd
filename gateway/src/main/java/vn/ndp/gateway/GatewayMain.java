package vn.ndp.gateway;

import java.io.Console;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;

import vn.ndp.gateway.clients.LocalClients;
import vn.ndp.gateway.config.ConfigurationException;
import vn.ndp.gateway.config.GatewayConfiguration;
import vn.ndp.gateway.config.GatewayConfigurationReader;

/**
 * {@code ndp gateway --config FILE} starts a gateway; {@code ndp gateway hash-secret} prints the
 * {@code secretSha256} of an OAuth2 client secret read from standard input.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("hash-secret")) {
            hashSecret();
            return;
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("Usage: ndp gateway --config FILE\n       ndp gateway hash-secret   (reads a client secret on standard input)");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        GatewayConfiguration configuration;
        try {
            configuration = GatewayConfigurationReader.read(file);
        } catch (ConfigurationException e) {
            System.err.println("ndp gateway: " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        GatewayNode node = new GatewayNode(configuration, Clock.systemUTC(), file);
        try {
            node.start();
        } catch (Exception e) {
            System.err.println("ndp gateway: cannot start: " + e.getMessage());
            node.close();
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "gateway-shutdown"));
        long started = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("ndp gateway " + configuration.gatewayId() + " started in " + started + " ms");
    }

    private static void hashSecret() {
        Console console = System.console();
        String secret;
        if (console != null) {
            char[] chars = console.readPassword("Client secret: ");
            secret = chars == null ? "" : new String(chars);
        } else {
            try {
                secret = new String(System.in.readAllBytes()).strip();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (secret.length() < 16) {
            System.err.println("ndp gateway: a client secret must have at least 16 characters");
            System.exit(2);
        }
        System.out.println(LocalClients.secretHash(secret));
    }

}
