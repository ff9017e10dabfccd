package vn.ndp.protocol.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpServer;

import vn.ndp.protocol.pki.KeyAlgorithm;
import vn.ndp.protocol.pki.Pem;

/**
 * A small RFC 3161 time-stamping authority for tests and the demo: an EC P-256 key with a
 * self-signed certificate (critical extended key usage timeStamping) kept in its directory
 * ({@code tsa.pem}, {@code tsa.key.pem} owner-only), answering {@code application/timestamp-query}
 * POSTs over HTTP. Not for production: a real deployment uses an accredited TSA.
 */
public final class TimeStampAuthority implements AutoCloseable {

    /** A policy OID under the ITU-T "example" arc 2.999: this TSA claims no real policy. */
    public static final ASN1ObjectIdentifier SAMPLE_POLICY = new ASN1ObjectIdentifier("2.999.7.1");

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong(new SecureRandom().nextInt(1 << 20));
    private HttpServer server;

    private TimeStampAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** Opens the TSA kept in {@code directory}, creating its key and certificate the first time. */
    public static TimeStampAuthority open(Path directory, Clock clock) {
        Path certificateFile = directory.resolve("tsa.pem");
        Path keyFile = directory.resolve("tsa.key.pem");
        if (!Files.exists(certificateFile)) {
            try {
                Files.createDirectories(directory);
                KeyPair keys = KeyAlgorithm.EC_P256.generate();
                X500Name name = new X500Name("O=NDP,CN=NDP test time-stamping authority (sample)");
                Instant from = clock.instant().minus(Duration.ofMinutes(5));
                var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()), Date.from(from),
                        Date.from(from.plus(Duration.ofDays(3650))), name, keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
                Files.deleteIfExists(keyFile);
                Pem.writePrivateKey(keyFile, keys.getPrivate());
                Pem.writeCertificates(certificateFile, certificate);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the TSA in " + directory + ": " + e.getMessage(), e);
            }
        }
        return new TimeStampAuthority(Pem.readCertificate(certificateFile), Pem.readPrivateKey(keyFile), clock);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Answers one DER time-stamp request with a DER time-stamp response. */
    public byte[] respond(byte[] request) throws IOException {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key, certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    SAMPLE_POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampRequest parsed = new TimeStampRequest(request);
            return responses.generate(parsed, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()))
                    .getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot time-stamp: " + e.getMessage(), e);
        }
    }

    /** Listens on {@code host:port} (port 0: any free port); returns the URL to POST requests to. */
    public URI start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(64 * 1024);
                }
                byte[] reply;
                try {
                    reply = respond(body);
                } catch (IOException e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.start();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** {@code ndp tsa [--host H] [--port N] [--dir DIR]}: runs a TSA until stopped. */
    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 3318;
        Path dir = Path.of(System.getProperty("user.home"), ".local/share/ndp/tsa");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = require(value, "--host");
                case "--port" -> port = Integer.parseInt(require(value, "--port"));
                case "--dir" -> dir = Path.of(require(value, "--dir"));
                default -> {
                    System.err.println("Usage: ndp tsa [--host H] [--port N] [--dir DIR]");
                    System.exit(2);
                }
            }
            i++;
        }
        TimeStampAuthority tsa = open(dir, Clock.systemUTC());
        URI url = tsa.start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(tsa::close, "tsa-shutdown"));
        System.out.println("ndp tsa (sample, for tests and the demo) at " + url + "; certificate " + dir.resolve("tsa.pem")
                + " SHA-256 " + Pem.sha256Fingerprint(tsa.certificate()));
    }

    private static String require(String value, String option) {
        if (value == null) {
            System.err.println("ndp tsa: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
