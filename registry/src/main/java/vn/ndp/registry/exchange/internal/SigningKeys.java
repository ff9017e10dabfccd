package vn.ndp.registry.exchange.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.pki.Pem;

/**
 * The key that signs the global configuration. In production the national CA
 * ({@code ndp ca issue signing}) issues it and {@code ndp.exchange.signing.*}
 * point at the files. Without them, the registry keeps its own national CA in
 * {@code DATA/exchange/ca} and issues itself a signing certificate there at
 * first start, so that a demo or a test has a working trust chain.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Path caDirectory;

    SigningKeys(@Value("${ndp.exchange.signing.certificate:}") String certificateFile,
            @Value("${ndp.exchange.signing.key:}") String keyFile, @Value("${ndp.data-dir}") Path dataDir,
            Clock clock) {
        if (!certificateFile.isBlank() && !keyFile.isBlank()) {
            this.certificate = Pem.readCertificate(Path.of(certificateFile));
            this.key = Pem.readPrivateKey(Path.of(keyFile));
            this.caDirectory = null;
            return;
        }
        Path exchange = dataDir.resolve("exchange");
        this.caDirectory = exchange.resolve("ca");
        Path cert = exchange.resolve("signing.pem");
        Path privateKey = exchange.resolve("signing.key.pem");
        if (Files.isRegularFile(cert) && Files.isRegularFile(privateKey)) {
            this.certificate = Pem.readCertificate(cert);
            this.key = Pem.readPrivateKey(privateKey);
            return;
        }
        NationalCa ca = Files.isDirectory(caDirectory) && Files.exists(caDirectory.resolve("ca.pem"))
                ? NationalCa.open(caDirectory, clock)
                : NationalCa.init(caDirectory, CaSettings.defaults(), clock);
        IssuedCertificate issued = ca.issueConfigurationSigningCertificate("NDP registry global configuration",
                Duration.ofDays(825));
        Pem.writeCertificates(cert, issued.certificate());
        Pem.writePrivateKey(privateKey, issued.privateKey());
        this.certificate = issued.certificate();
        this.key = issued.privateKey();
        log.info("Created the global configuration signing certificate {} (national CA in {})", cert, caDirectory);
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The registry-kept national CA, when the registry set up its own (demo, tests). */
    public java.util.Optional<Path> caDirectory() {
        return java.util.Optional.ofNullable(caDirectory);
    }
}
