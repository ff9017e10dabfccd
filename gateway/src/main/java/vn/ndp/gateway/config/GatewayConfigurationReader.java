package vn.ndp.gateway.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.gateway.config.GatewayConfiguration.Endpoint;
import vn.ndp.gateway.config.GatewayConfiguration.GlobalConfigurationSource;
import vn.ndp.gateway.config.GatewayConfiguration.Limits;
import vn.ndp.gateway.config.GatewayConfiguration.Listeners;
import vn.ndp.gateway.config.GatewayConfiguration.LocalClient;
import vn.ndp.gateway.config.GatewayConfiguration.Monitoring;
import vn.ndp.gateway.config.GatewayConfiguration.OAuthClient;
import vn.ndp.gateway.config.GatewayConfiguration.ProvidedService;
import vn.ndp.gateway.config.GatewayConfiguration.Tls;
import vn.ndp.gateway.config.GatewayConfiguration.Tokens;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.IdentifierParser;
import vn.ndp.protocol.identifiers.InvalidIdentifierException;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * Reads a gateway configuration file (JSON, every key in docs/gateway-configuration.md, an example in
 * gateway/examples/). Every problem is reported as a {@link ConfigurationException} naming the key;
 * unknown keys are refused so that a misspelt option never goes unnoticed.
 */
public final class GatewayConfigurationReader {

    /** The message log's default group-commit window (see docs/adr/0007-message-log.md and BENCHMARKS.md). */
    static final Duration DEFAULT_COMMIT_DELAY = Duration.ZERO;
    static final Duration DEFAULT_SIGN_EVERY = Duration.ofSeconds(1);

    private static final Set<String> PLAIN_LISTENER = Set.of("host", "port");
    private static final Set<String> TLS_LISTENER = Set.of("host", "port", "http2");

    /**
     * The keys each object of the file accepts, by the object's path with list indexes left out: {@code ""} is the file
     * itself, {@code "clients[].oauth2[]"} every OAuth2 client of every local client. The only list of keys there is:
     * {@link Node#object()} refuses any other, docs/gateway-configuration.md documents each, and
     * GatewayConfigurationReferenceTests fails when the two differ.
     */
    static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("", Set.of("instance", "gatewayId", "dataDir", "listen", "tls", "globalConfiguration", "clients",
                    "services", "limits", "tokens", "monitoring", "messageLog", "$comment")),
            Map.entry("listen", Set.of("consumerHttps", "consumerHttp", "provider", "admin")),
            Map.entry("listen.consumerHttps", TLS_LISTENER),
            Map.entry("listen.consumerHttp", PLAIN_LISTENER),
            Map.entry("listen.provider", TLS_LISTENER),
            Map.entry("listen.admin", PLAIN_LISTENER),
            Map.entry("tls", Set.of("certificate", "privateKey", "caCertificate")),
            Map.entry("globalConfiguration", Set.of("url", "anchor", "cacheDir", "pollInterval", "fetchTimeout")),
            Map.entry("clients[]", Set.of("subsystem", "tlsCertificateSha256", "oauth2")),
            Map.entry("clients[].oauth2[]", Set.of("clientId", "secretSha256")),
            Map.entry("services[]", Set.of("service", "backend", "openApi")),
            Map.entry("limits", Set.of("maxBodySize", "connectTimeout", "gatewayReadTimeout", "backendConnectTimeout",
                    "backendReadTimeout", "maxRequestUriLength", "maxExchanges", "exchangeTimeout", "maxConnections")),
            Map.entry("tokens", Set.of("lifetime")),
            Map.entry("monitoring", Set.of("usageUrl", "usageTokenFile", "pushInterval", "writeRecords")),
            Map.entry("messageLog", Set.of("enabled", "dir", "bodies", "maxBodySize", "bodyKeyFile", "signingCertificate",
                    "signingKey", "maxBatch", "commitDelay", "signEvery", "maxFileSize", "rotateEvery", "writeTimeout",
                    "retention", "timestamping", "evidenceTokenFile")),
            Map.entry("messageLog.timestamping", Set.of("url", "interval", "timeout", "outageWindow", "onOutage")));
    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}|([0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2}");

    private GatewayConfigurationReader() {
    }

    public static GatewayConfiguration read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("", "cannot read " + file + ": " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    public static GatewayConfiguration parse(String text, Path baseDirectory) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigurationException("", "not valid JSON: " + jsonError(e));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("", "the configuration must be a JSON object");
        }
        return new Reader(baseDirectory).configuration(new Node(root, ""));
    }

    /**
     * The parser's reason with the line and column where it stopped, such as {@code Unexpected end-of-input: expected
     * close marker for Object (line 3, column 1)}, without the parser's own location text ({@code [Source: REDACTED
     * ...; byte offset: #UNKNOWN]}), which names no line for text it was given as a string.
     */
    static String jsonError(JacksonException e) {
        String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").strip();
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? reason
                : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private record Node(JsonNode json, String path) {

        String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        Optional<Node> get(String name) {
            JsonNode value = json.get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(new Node(value, child(name)));
        }

        Node require(String name) {
            return get(name).orElseThrow(() -> new ConfigurationException(child(name), "is required"));
        }

        String text() {
            if (!json.isString()) {
                throw new ConfigurationException(path, "must be a string");
            }
            String value = json.asString();
            if (value.isBlank()) {
                throw new ConfigurationException(path, "must not be blank");
            }
            return value;
        }

        List<Node> items() {
            if (!json.isArray()) {
                throw new ConfigurationException(path, "must be a list");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                items.add(new Node(json.get(i), path + "[" + i + "]"));
            }
            return items;
        }

        /** Checks that this is an object holding only the keys {@link #KEYS} gives for its path. */
        Node object() {
            if (!json.isObject()) {
                throw new ConfigurationException(path, "must be an object");
            }
            String shape = LIST_INDEX.matcher(path).replaceAll("[]");
            Set<String> allowed = KEYS.get(shape);
            if (allowed == null) {
                throw new IllegalStateException("KEYS declares no keys for the objects at " + shape);
            }
            for (Iterator<String> names = json.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new ConfigurationException(child(name), "is not a known key; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
            return this;
        }
    }

    private record Reader(Path base) {

        GatewayConfiguration configuration(Node root) {
            root.object();
            Node instanceNode = root.require("instance");
            String instance = instanceNode.text();
            IdentifierParser parser;
            try {
                parser = IdentifierParser.forInstance(instance);
            } catch (InvalidIdentifierException e) {
                throw new ConfigurationException(instanceNode.path(), e.getMessage());
            }
            Node idNode = root.require("gatewayId");
            GatewayId gatewayId = identifier(idNode, () -> parser.gateway(idNode.text()));
            Path dataDir = path(root.require("dataDir"));
            Listeners listen = listeners(root.require("listen"));
            Tls tls = tls(root.require("tls"));
            GlobalConfigurationSource source = globalConfiguration(root.require("globalConfiguration"), dataDir);
            List<LocalClient> clients = clients(root.get("clients"), parser);
            Map<ServiceId, ProvidedService> services = services(root.get("services"), parser);
            Limits limits = limits(root.get("limits"));
            Tokens tokens = tokens(root.get("tokens"));
            Monitoring monitoring = monitoring(root.get("monitoring"));
            GatewayConfiguration.MessageLog messageLog = messageLog(root.get("messageLog"), dataDir);
            if (listen.provider().isEmpty() && !services.isEmpty()) {
                throw new ConfigurationException("listen.provider", "is required when the gateway provides services");
            }
            return new GatewayConfiguration(instance, gatewayId, dataDir, listen, tls, source, clients, services,
                    limits, tokens, monitoring, messageLog);
        }

        Listeners listeners(Node node) {
            node.object();
            Optional<Endpoint> http = node.get("consumerHttp").map(this::endpoint);
            http.ifPresent(endpoint -> {
                if (!isLoopback(endpoint.host())) {
                    throw new ConfigurationException(node.child("consumerHttp.host"),
                            "plain HTTP is for development only and must listen on a loopback address (127.0.0.1, ::1, localhost), not '"
                                    + endpoint.host() + "'; use consumerHttps otherwise");
                }
            });
            Listeners listeners = new Listeners(node.get("consumerHttps").map(this::tlsEndpoint), http,
                    node.get("provider").map(this::tlsEndpoint), node.get("admin").map(this::endpoint));
            if (listeners.consumerHttps().isEmpty() && listeners.consumerHttp().isEmpty() && listeners.provider().isEmpty()) {
                throw new ConfigurationException(node.path(), "names no listener; expected consumerHttps, consumerHttp or provider");
            }
            return listeners;
        }

        /** A plain-HTTP listener: HTTP/1.1 only. */
        Endpoint endpoint(Node node) {
            node.object();
            return endpoint(node, false);
        }

        /** A TLS listener: HTTP/2 offered in ALPN unless {@code "http2": false}. */
        Endpoint tlsEndpoint(Node node) {
            node.object();
            return endpoint(node, node.get("http2").map(Reader::bool).orElse(true));
        }

        private Endpoint endpoint(Node node, boolean http2) {
            String host = node.get("host").map(Node::text).orElse("127.0.0.1");
            Node portNode = node.require("port");
            if (!portNode.json().isInt() || portNode.json().asInt() < 0 || portNode.json().asInt() > 65535) {
                throw new ConfigurationException(portNode.path(), "must be a port number from 0 to 65535");
            }
            return new Endpoint(host, portNode.json().asInt(), http2);
        }

        Tls tls(Node node) {
            node.object();
            return new Tls(existingFile(node.require("certificate")), existingFile(node.require("privateKey")),
                    existingFile(node.require("caCertificate")));
        }

        GlobalConfigurationSource globalConfiguration(Node node, Path dataDir) {
            node.object();
            URI url = uri(node.require("url"), true);
            Path anchor = existingFile(node.require("anchor"));
            Path cacheDir = node.get("cacheDir").map(this::path).orElse(dataDir.resolve("globalconf"));
            Duration poll = node.get("pollInterval").map(Reader::duration).orElse(Duration.ofSeconds(60));
            Duration timeout = node.get("fetchTimeout").map(Reader::duration).orElse(Duration.ofSeconds(10));
            return new GlobalConfigurationSource(url, anchor, cacheDir, poll, timeout);
        }

        List<LocalClient> clients(Optional<Node> node, IdentifierParser parser) {
            List<LocalClient> clients = new ArrayList<>();
            Set<SubsystemId> subsystems = new HashSet<>();
            Map<String, String> fingerprints = new HashMap<>();
            Map<String, String> clientIds = new HashMap<>();
            for (Node item : node.map(Node::items).orElse(List.of())) {
                item.object();
                Node subsystemNode = item.require("subsystem");
                SubsystemId subsystem = identifier(subsystemNode, () -> parser.client(subsystemNode.text()));
                if (!subsystems.add(subsystem)) {
                    throw new ConfigurationException(subsystemNode.path(), subsystem + " is listed twice");
                }
                List<String> certificates = new ArrayList<>();
                for (Node fingerprint : item.get("tlsCertificateSha256").map(Node::items).orElse(List.of())) {
                    String hex = fingerprint.text();
                    if (!SHA256_HEX.matcher(hex).matches()) {
                        throw new ConfigurationException(fingerprint.path(), "must be a SHA-256 fingerprint (64 hex digits)");
                    }
                    String normal = hex.replace(":", "").toLowerCase(Locale.ROOT);
                    String previous = fingerprints.putIfAbsent(normal, fingerprint.path());
                    if (previous != null) {
                        throw new ConfigurationException(fingerprint.path(), "the same certificate is already bound at "
                                + previous + "; a credential is bound to exactly one subsystem");
                    }
                    certificates.add(normal);
                }
                List<OAuthClient> oauth = new ArrayList<>();
                for (Node client : item.get("oauth2").map(Node::items).orElse(List.of())) {
                    client.object();
                    Node idNode = client.require("clientId");
                    String clientId = idNode.text();
                    if (!clientId.matches("[A-Za-z0-9._~-]{1,128}")) {
                        throw new ConfigurationException(idNode.path(), "must be 1-128 characters of A-Z a-z 0-9 . _ ~ -");
                    }
                    String previous = clientIds.putIfAbsent(clientId, idNode.path());
                    if (previous != null) {
                        throw new ConfigurationException(idNode.path(), "the client id is already used at " + previous);
                    }
                    Node secretNode = client.require("secretSha256");
                    String secret = secretNode.text();
                    if (!secret.matches("[0-9a-fA-F]{64}")) {
                        throw new ConfigurationException(secretNode.path(),
                                "must be the SHA-256 of the client secret, 64 hex digits (ndp gateway hash-secret prints it)");
                    }
                    oauth.add(new OAuthClient(clientId, HexFormat.of().parseHex(secret.toLowerCase(Locale.ROOT))));
                }
                if (certificates.isEmpty() && oauth.isEmpty()) {
                    throw new ConfigurationException(item.path(), "has no credential; give tlsCertificateSha256 or oauth2");
                }
                clients.add(new LocalClient(subsystem, certificates, oauth));
            }
            return clients;
        }

        Map<ServiceId, ProvidedService> services(Optional<Node> node, IdentifierParser parser) {
            Map<ServiceId, ProvidedService> services = new LinkedHashMap<>();
            for (Node item : node.map(Node::items).orElse(List.of())) {
                item.object();
                Node serviceNode = item.require("service");
                ServiceId service = identifier(serviceNode, () -> parser.service(serviceNode.text()));
                Node backendNode = item.require("backend");
                URI backend = uri(backendNode, false);
                if (backend.getRawQuery() != null || backend.getRawFragment() != null || backend.getRawUserInfo() != null) {
                    throw new ConfigurationException(backendNode.path(), "must be a base URL without query, fragment or user info");
                }
                Optional<URI> openApi = item.get("openApi").map(n -> uri(n, false));
                if (services.put(service, new ProvidedService(service, backend, openApi)) != null) {
                    throw new ConfigurationException(serviceNode.path(), service + " is listed twice");
                }
            }
            return services;
        }

        Limits limits(Optional<Node> node) {
            Node limits = node.orElse(null);
            if (limits != null) {
                limits.object();
            }
            long maxBody = optional(limits, "maxBodySize").map(Reader::size).orElse(10L * 1024 * 1024);
            Duration connect = optional(limits, "connectTimeout").map(Reader::duration).orElse(Duration.ofSeconds(5));
            Duration gatewayRead = optional(limits, "gatewayReadTimeout").map(Reader::duration).orElse(Duration.ofSeconds(60));
            Duration backendConnect = optional(limits, "backendConnectTimeout").map(Reader::duration).orElse(Duration.ofSeconds(5));
            Duration backendRead = optional(limits, "backendReadTimeout").map(Reader::duration).orElse(Duration.ofSeconds(30));
            Duration exchange = optional(limits, "exchangeTimeout").map(Reader::duration).orElse(Duration.ofMinutes(5));
            int maxUri = optional(limits, "maxRequestUriLength").map(n -> Reader.wholeNumber(n, 256, Integer.MAX_VALUE))
                    .orElse(4096);
            // 256 exchanges, each holding at most one 256 KiB HTTP/2 window of unread body: 64 MiB of a 256 MiB heap
            int maxExchanges = optional(limits, "maxExchanges").map(n -> Reader.wholeNumber(n, 1, Integer.MAX_VALUE))
                    .orElse(256);
            int maxConnections = optional(limits, "maxConnections").map(n -> Reader.wholeNumber(n, 1, Integer.MAX_VALUE))
                    .orElse(1024);
            if (gatewayRead.compareTo(backendRead) <= 0) {
                throw new ConfigurationException(limits == null ? "limits" : limits.child("gatewayReadTimeout"),
                        "must be longer than backendReadTimeout (" + backendRead + ") so that a provider gateway's error reaches the caller");
            }
            if (exchange.compareTo(gatewayRead) <= 0) {
                throw new ConfigurationException(limits == null ? "limits" : limits.child("exchangeTimeout"),
                        "must be longer than gatewayReadTimeout (" + gatewayRead + "): it bounds a whole exchange, "
                                + "of which waiting for an answer is a part");
            }
            return new Limits(maxBody, connect, gatewayRead, backendConnect, backendRead, maxUri, maxExchanges, exchange,
                    maxConnections);
        }

        Tokens tokens(Optional<Node> node) {
            node.ifPresent(Node::object);
            Duration lifetime = node.flatMap(n -> n.get("lifetime")).map(Reader::duration).orElse(Duration.ofMinutes(5));
            if (lifetime.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("tokens.lifetime", "must be at most 1h; tokens are meant to be short-lived");
            }
            return new Tokens(lifetime);
        }

        Monitoring monitoring(Optional<Node> node) {
            node.ifPresent(Node::object);
            Optional<URI> url = node.flatMap(n -> n.get("usageUrl")).map(n -> uri(n, true));
            Optional<String> token = node.flatMap(n -> n.get("usageTokenFile")).map(n -> {
                try {
                    String text = java.nio.file.Files.readString(path(n)).strip();
                    if (text.isEmpty() || text.contains("\n")) {
                        throw new ConfigurationException(n.path(), "must name a file holding one API token");
                    }
                    return text;
                } catch (java.io.IOException e) {
                    throw new ConfigurationException(n.path(), "cannot read " + path(n) + ": " + e.getMessage());
                }
            });
            Duration interval = node.flatMap(n -> n.get("pushInterval")).map(Reader::duration).orElse(Duration.ofMinutes(1));
            boolean write = node.flatMap(n -> n.get("writeRecords")).map(n -> {
                if (!n.json().isBoolean()) {
                    throw new ConfigurationException(n.path(), "must be true or false");
                }
                return n.json().asBoolean();
            }).orElse(true);
            return new Monitoring(url, token, interval, write);
        }

        GatewayConfiguration.MessageLog messageLog(Optional<Node> node, Path dataDir) {
            Node log = node.orElse(null);
            if (log != null) {
                log.object();
            }
            boolean enabled = optional(log, "enabled").map(Reader::bool).orElse(true);
            Path dir = optional(log, "dir").map(this::path).orElse(dataDir.resolve("messagelog"));
            boolean bodies = optional(log, "bodies").map(Reader::bool).orElse(false);
            long maxBody = optional(log, "maxBodySize").map(Reader::size).orElse(64L * 1024);
            Optional<byte[]> key = optional(log, "bodyKeyFile").map(n -> {
                byte[] bytes = secretFile(n);
                String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).strip();
                try {
                    bytes = java.util.Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(n.path(), "must hold a 32-byte AES key in base64 (openssl rand -base64 32)");
                }
                if (bytes.length != 32) {
                    throw new ConfigurationException(n.path(), "must hold a 32-byte AES key in base64 (openssl rand -base64 32)");
                }
                return bytes;
            });
            Optional<Path> certificate = optional(log, "signingCertificate").map(this::existingFile);
            Optional<Path> signingKey = optional(log, "signingKey").map(this::existingFile);
            if (certificate.isPresent() != signingKey.isPresent()) {
                throw new ConfigurationException(log.child("signingKey"), "give both signingCertificate and signingKey, or neither");
            }
            int maxBatch = optional(log, "maxBatch").map(n -> Reader.wholeNumber(n, 1, 65536)).orElse(1024);
            Duration commitDelay = optional(log, "commitDelay")
                    .map(n -> Reader.zeroOrDuration(n, Duration.ofMillis(100), "100ms: every response waits for it"))
                    .orElse(DEFAULT_COMMIT_DELAY);
            Duration signEvery = optional(log, "signEvery")
                    .map(n -> Reader.zeroOrDuration(n, Duration.ofMinutes(1), "1m: batches stay unsigned that long"))
                    .orElse(DEFAULT_SIGN_EVERY);
            long maxFile = optional(log, "maxFileSize").map(Reader::size).orElse(64L * 1024 * 1024);
            Duration rotate = optional(log, "rotateEvery").map(Reader::duration).orElse(Duration.ofHours(24));
            Duration writeTimeout = optional(log, "writeTimeout").map(Reader::duration).orElse(Duration.ofSeconds(10));
            Optional<Duration> retention = optional(log, "retention").map(Reader::duration);
            Node stamping = optional(log, "timestamping").orElse(null);
            if (stamping != null) {
                stamping.object();
            }
            Optional<URI> url = optional(stamping, "url").map(n -> uri(n, false));
            Duration interval = optional(stamping, "interval").map(Reader::duration).orElse(Duration.ofSeconds(10));
            Duration timeout = optional(stamping, "timeout").map(Reader::duration).orElse(Duration.ofSeconds(5));
            Duration window = optional(stamping, "outageWindow").map(Reader::duration).orElse(Duration.ofHours(4));
            GatewayConfiguration.OutagePolicy policy = optional(stamping, "onOutage").map(n -> switch (n.text()) {
                case "continue" -> GatewayConfiguration.OutagePolicy.CONTINUE;
                case "refuse" -> GatewayConfiguration.OutagePolicy.REFUSE;
                default -> throw new ConfigurationException(n.path(), "must be continue or refuse");
            }).orElse(GatewayConfiguration.OutagePolicy.CONTINUE);
            Optional<String> token = optional(log, "evidenceTokenFile").map(n -> {
                String text = new String(secretFile(n), java.nio.charset.StandardCharsets.US_ASCII).strip();
                if (text.length() < 32 || text.contains("\n")) {
                    throw new ConfigurationException(n.path(), "must name a file holding one token of at least 32 characters");
                }
                return text;
            });
            return new GatewayConfiguration.MessageLog(enabled, dir, bodies, maxBody, key, certificate, signingKey, maxBatch,
                    commitDelay, signEvery, maxFile, rotate, writeTimeout, retention, url, interval, timeout, window, policy, token);
        }

        byte[] secretFile(Node node) {
            try {
                return Files.readAllBytes(existingFile(node));
            } catch (IOException e) {
                throw new ConfigurationException(node.path(), "cannot read " + path(node) + ": " + e.getMessage());
            }
        }

        static boolean bool(Node node) {
            if (!node.json().isBoolean()) {
                throw new ConfigurationException(node.path(), "must be true or false");
            }
            return node.json().asBoolean();
        }

        private static Optional<Node> optional(Node parent, String name) {
            return parent == null ? Optional.empty() : parent.get(name);
        }

        Path path(Node node) {
            return base.resolve(node.text()).normalize();
        }

        Path existingFile(Node node) {
            Path file = path(node);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException(node.path(), "the file " + file + " does not exist or cannot be read");
            }
            return file;
        }

        static URI uri(Node node, boolean requireHttpsOutsideLoopback) {
            String text = node.text();
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new ConfigurationException(node.path(), "'" + text + "' is not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ConfigurationException(node.path(), "'" + text + "' is not an absolute http or https URL");
            }
            if (requireHttpsOutsideLoopback && scheme.equals("http") && !isLoopback(uri.getHost())) {
                throw new ConfigurationException(node.path(), "must use https unless the host is a loopback address");
            }
            return uri;
        }

        /** {@code 0} (with or without a unit) or a {@link #duration} of at most {@code max} ({@code why}: what the limit is for). */
        static Duration zeroOrDuration(Node node, Duration max, String why) {
            Duration duration = node.text().trim().matches("0(ms|s)?") ? Duration.ZERO : duration(node);
            if (duration.compareTo(max) > 0) {
                throw new ConfigurationException(node.path(), "must be at most " + why);
            }
            return duration;
        }

        static Duration duration(Node node) {
            String text = node.text().trim();
            Matcher short_ = DURATION.matcher(text);
            Duration duration;
            if (short_.matches()) {
                try {
                    long amount = Long.parseLong(short_.group(1));
                    duration = switch (short_.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new ConfigurationException(node.path(), "'" + text + "' is larger than a duration can be");
                }
            } else {
                try {
                    duration = Duration.parse(text);
                } catch (DateTimeParseException e) {
                    throw new ConfigurationException(node.path(), "'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or PT30S");
                }
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigurationException(node.path(), "must be positive");
            }
            if (duration.compareTo(LONGEST) > 0) {
                // the gateway counts its limits in nanoseconds
                throw new ConfigurationException(node.path(), "'" + text + "' is larger than a duration can be (about 292 years)");
            }
            return duration;
        }

        /** A JSON whole number from {@code min} to {@code max} ({@link Integer#MAX_VALUE}: no upper bound). */
        static int wholeNumber(Node node, int min, int max) {
            if (!node.json().isInt() || node.json().asInt() < min || node.json().asInt() > max) {
                throw new ConfigurationException(node.path(), max == Integer.MAX_VALUE
                        ? "must be a whole number of at least " + min : "must be a whole number from " + min + " to " + max);
            }
            return node.json().asInt();
        }

        static long size(Node node) {
            if (node.json().isIntegralNumber()) {
                if (!node.json().canConvertToLong()) {
                    throw new ConfigurationException(node.path(), node.json() + " is larger than a size can be");
                }
                long bytes = node.json().asLong();
                if (bytes <= 0) {
                    throw new ConfigurationException(node.path(), "must be positive");
                }
                return bytes;
            }
            Matcher matcher = SIZE.matcher(node.text().trim());
            if (!matcher.matches()) {
                throw new ConfigurationException(node.path(), "'" + node.text() + "' is not a size; write e.g. 1048576, 512KiB or 10MiB");
            }
            long unit = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
                case "KiB" -> 1024L;
                case "MiB" -> 1024L * 1024;
                case "GiB" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ConfigurationException(node.path(), "'" + node.text() + "' is larger than a size can be");
            }
            if (bytes <= 0) {
                throw new ConfigurationException(node.path(), "must be positive");
            }
            return bytes;
        }

        static <T> T identifier(Node node, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (InvalidIdentifierException e) {
                throw new ConfigurationException(node.path(), e.getMessage());
            }
        }

        static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        }
    }
}
