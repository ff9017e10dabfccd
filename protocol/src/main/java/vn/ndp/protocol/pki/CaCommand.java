package vn.ndp.protocol.pki;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ndp.protocol.errors.Failures;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;

/** {@code ndp ca}: the national CA's command line. Exit status 0 on success, 1 when the CA refuses, 2 on bad usage. */
public final class CaCommand {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: ndp ca <command> [--dir DIR] [options]

            The national CA that issues gateway TLS certificates and the registry's signing certificate.
            DIR defaults to $XDG_DATA_HOME/ndp/ca, or ~/.local/share/ndp/ca.

            Commands:
              init    [--name NAME] [--key ec|rsa] [--validity-days DAYS]
                      create the self-signed root (default: "NDP National CA", ec = P-256, 3650 days)
              issue gateway --gateway INSTANCE/CLASS/MEMBER/GATEWAY [--dns NAME]... [--ip ADDRESS]...
                      [--key ec|rsa] [--validity-days DAYS]
                      issue a gateway TLS certificate (serverAuth + clientAuth) and its key (default 365 days)
              issue signing [--name NAME] [--validity-days DAYS]
                      issue the registry's global-configuration signing certificate (default 365 days)
              revoke  --serial HEX [--reason REASON] [--registry URL --token-file FILE]
                      revoke an issued certificate; REASON is one of unspecified, keyCompromise,
                      cACompromise, affiliationChanged, superseded, cessationOfOperation.
                      With --registry (the registry's base URL) and --token-file (a file holding an
                      administrator's API token), the revocation is also posted to the registry,
                      which puts it in the next global configuration
              list    show every certificate issued and its status

            Example:
              ndp ca init
              ndp ca issue gateway --gateway VN/GOV/000.00.00.H49/lgsp1 --dns lgsp1.example.vn --ip 10.0.0.5
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Path defaultDirectory;

    CaCommand(PrintStream out, PrintStream err, Clock clock, Path defaultDirectory) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.defaultDirectory = defaultDirectory;
    }

    public static void main(String[] args) {
        System.exit(new CaCommand(System.out, System.err, Clock.systemUTC(), defaultDirectory()).run(args));
    }

    static Path defaultDirectory() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("ndp").resolve("ca");
    }

    /** Usage errors, reported with the usage text and exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    int run(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("No command given");
            }
            if (Set.of("-h", "--help", "help").contains(args[0])) {
                out.print(USAGE_TEXT);
                return OK;
            }
            return switch (args[0]) {
                case "init" -> init(Options.parse(args, 1, Set.of("--dir", "--name", "--key", "--validity-days")));
                case "issue" -> issue(args);
                case "revoke" -> revoke(Options.parse(args, 1, Set.of("--dir", "--serial", "--reason", "--registry", "--token-file")));
                case "list" -> list(Options.parse(args, 1, Set.of("--dir")));
                default -> throw new UsageException("Unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("ndp ca: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (NationalCaException e) {
            err.println("ndp ca: " + e.getMessage());
            return REFUSED;
        }
    }

    private int init(Options options) {
        CaSettings settings = CaSettings.defaults();
        if (options.has("--name")) {
            settings = settings.withCommonName(options.single("--name"));
        }
        if (options.has("--key")) {
            settings = settings.withKeyAlgorithm(keyAlgorithm(options.single("--key")));
        }
        if (options.has("--validity-days")) {
            settings = settings.withValidity(days(options.single("--validity-days")));
        }
        NationalCa ca = NationalCa.init(directory(options), settings, clock);
        out.println("Created CA '" + ca.certificate().getSubjectX500Principal().getName() + "' in " + ca.directory());
        out.println("Root certificate (the trust anchor to distribute): " + ca.certificateFile());
        out.println("SHA-256 fingerprint: " + Pem.sha256Fingerprint(ca.certificate()));
        return OK;
    }

    private int issue(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("issue needs a kind: gateway or signing");
        }
        IssuedCertificate issued = switch (args[1]) {
            case "gateway" -> {
                Options options = Options.parse(args, 2,
                        Set.of("--dir", "--gateway", "--dns", "--ip", "--key", "--validity-days"));
                GatewayId gateway = gatewayId(options.required("--gateway"));
                List<InetAddress> addresses = new ArrayList<>();
                for (String ip : options.list("--ip")) {
                    addresses.add(ipAddress(ip));
                }
                GatewayCertificateRequest request;
                try {
                    request = new GatewayCertificateRequest(gateway, options.list("--dns"), addresses,
                            options.has("--validity-days") ? days(options.single("--validity-days"))
                                    : GatewayCertificateRequest.DEFAULT_VALIDITY,
                            options.has("--key") ? keyAlgorithm(options.single("--key")) : KeyAlgorithm.EC_P256);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                yield open(options).issueGatewayCertificate(request);
            }
            case "signing" -> {
                Options options = Options.parse(args, 2, Set.of("--dir", "--name", "--validity-days"));
                yield open(options).issueConfigurationSigningCertificate(
                        options.has("--name") ? options.single("--name") : "NDP global configuration signer",
                        options.has("--validity-days") ? days(options.single("--validity-days")) : Duration.ofDays(365));
            }
            default -> throw new UsageException("Unknown certificate kind '" + args[1] + "'; expected gateway or signing");
        };
        out.println("Issued " + issued.record().kind() + " certificate " + issued.record().serial());
        out.println("Subject: " + issued.record().subject());
        out.println("Valid until: " + issued.record().notAfter());
        out.println("Certificate: " + issued.certificateFile());
        out.println("Private key: " + issued.privateKeyFile());
        out.println("SHA-256 fingerprint: " + issued.record().sha256Fingerprint());
        return OK;
    }

    private int revoke(Options options) {
        BigInteger serial = NationalCa.parseSerial(options.required("--serial"));
        RevocationReason reason = RevocationReason.UNSPECIFIED;
        if (options.has("--reason")) {
            try {
                reason = RevocationReason.parse(options.single("--reason"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (options.has("--registry") != options.has("--token-file")) {
            throw new UsageException("give both --registry and --token-file, or neither");
        }
        URI registry = null;
        String token = null;
        if (options.has("--registry")) {
            try {
                registry = URI.create(options.single("--registry").replaceAll("/+$", "") + "/api/v1/exchange/revocations");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--registry: not a URL: " + e.getMessage());
            }
            if (!"https".equals(registry.getScheme()) && !"http".equals(registry.getScheme())) {
                throw new UsageException("--registry must be an http(s) URL");
            }
            try {
                token = Files.readString(Path.of(options.single("--token-file"))).strip();
            } catch (IOException | InvalidPathException e) {
                throw new UsageException("--token-file: cannot read " + options.single("--token-file") + ": " + switch (e) {
                    case java.nio.file.NoSuchFileException x -> "no such file or directory";
                    case java.nio.file.AccessDeniedException x -> "permission denied";
                    case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
                    default -> e.getMessage();
                });
            }
            if (token.isEmpty() || token.contains("\n")) {
                throw new UsageException("--token-file must hold one API token");
            }
        }
        NationalCa ca = open(options);
        CertificateRecord record;
        try {
            record = ca.revoke(serial, reason);
            out.println("Revoked " + record.serial() + " (" + record.subject() + ") at " + record.revokedAt()
                    + ", reason " + record.revocationReason().rfcName());
        } catch (NationalCaException e) {
            if (registry == null || e.reason() != NationalCaException.Reason.ALREADY_REVOKED) {
                throw e;
            }
            // Posting again after the registry was unreachable or refused.
            record = ca.list().stream().filter(r -> r.serial().equals(serial.toString(16))).findFirst().orElseThrow(() -> e);
            out.println("Already revoked in the CA at " + record.revokedAt() + "; posting it to the registry again.");
        }
        if (registry == null) {
            out.println("Gateways learn of it once it is posted to the registry (--registry, or POST /api/v1/exchange/revocations).");
            return OK;
        }
        return postRevocation(registry, token, record);
    }

    /** Posts a revocation to the registry, which publishes it in the next global configuration. */
    private int postRevocation(URI url, String token, CertificateRecord record) {
        String body = "{\"serial\":\"" + record.serial() + "\",\"reason\":\"" + record.revocationReason().rfcName() + "\"}";
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                err.println("ndp ca: the certificate is revoked in the CA, but the registry refused the revocation (HTTP "
                        + response.statusCode() + "): " + response.body());
                err.println("Post it again with the same command once that is fixed; posting twice is harmless.");
                return REFUSED;
            }
        } catch (IOException e) {
            err.println("ndp ca: the certificate is revoked in the CA, but the registry at " + url + " could not be reached: "
                    + Failures.describe(e));
            err.println("Post it again with the same command once the registry is up; posting twice is harmless.");
            return REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return REFUSED;
        }
        out.println("Posted to the registry: gateways refuse the certificate from the next global configuration.");
        return OK;
    }

    private int list(Options options) {
        List<CertificateRecord> records = open(options).list();
        out.printf("%-40s  %-21s  %-7s  %-20s  %s%n", "SERIAL", "KIND", "STATUS", "NOT AFTER", "SUBJECT");
        for (CertificateRecord record : records) {
            out.printf("%-40s  %-21s  %-7s  %-20s  %s%n", record.serial(), record.kind(),
                    record.revoked() ? "REVOKED" : "VALID", record.notAfter(), record.subject());
        }
        return OK;
    }

    private NationalCa open(Options options) {
        return NationalCa.open(directory(options), clock);
    }

    private Path directory(Options options) {
        return options.has("--dir") ? Path.of(options.single("--dir")) : defaultDirectory;
    }

    private static KeyAlgorithm keyAlgorithm(String name) {
        try {
            return KeyAlgorithm.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static GatewayId gatewayId(String text) {
        try {
            return GatewayId.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new UsageException("--gateway: " + e.getMessage());
        }
    }

    private static Duration days(String text) {
        try {
            long days = Long.parseLong(text);
            if (days > 0 && days <= 36500) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--validity-days: '" + text + "' is not a number of days between 1 and 36500");
    }

    private static InetAddress ipAddress(String text) {
        boolean ipv4 = text.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (ipv4 || ipv6) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new UsageException("--ip: '" + text + "' is not an IPv4 or IPv6 address");
    }

    /** {@code --name value} pairs; repeated or comma-separated values for list options. */
    private record Options(Map<String, List<String>> values) {

        static Options parse(String[] args, int from, Set<String> allowed) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = from; i < args.length; i++) {
                String name = args[i];
                String value;
                int equals = name.indexOf('=');
                if (name.startsWith("--") && equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (name.startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else if (name.startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                } else {
                    throw new UsageException("Unexpected argument '" + name + "'");
                }
                if (!allowed.contains(name)) {
                    throw new UsageException("Unknown option " + name + " for this command");
                }
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            return new Options(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String single(String name) {
            List<String> given = values.get(name);
            if (given.size() > 1) {
                throw new UsageException(name + " was given more than once");
            }
            if (given.getFirst().isBlank()) {
                throw new UsageException(name + " is empty");
            }
            return given.getFirst();
        }

        String required(String name) {
            if (!has(name)) {
                throw new UsageException("Missing " + name);
            }
            return single(name);
        }

        List<String> list(String name) {
            return values.getOrDefault(name, List.of()).stream()
                    .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .toList();
        }
    }
}
