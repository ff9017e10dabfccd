package vn.ndp.protocol.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.protocol.pki.NationalCaException.Reason;

/**
 * The national CA, kept in one directory:
 * <pre>
 * ca.pem                    the self-signed root certificate (the trust anchor to distribute)
 * private/ca.key.pem        the root's private key, rw-------
 * certs/{serial}.pem        each issued certificate
 * private/{serial}.key.pem  each issued certificate's private key, rw-------
 * index.json                every certificate issued and every revocation
 * </pre>
 * Changes take an exclusive lock on the directory, so two {@code ndp ca} runs cannot interleave.
 */
public final class NationalCa {

    public static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Clock clock;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private NationalCa(Path directory, Clock clock, X509Certificate certificate, PrivateKey privateKey) {
        this.directory = directory;
        this.clock = clock;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Creates a new CA with a self-signed root in {@code directory}, which must not hold one yet. */
    public static NationalCa init(Path directory, CaSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        try {
            createPrivateDirectory(directory);
        } catch (IOException e) {
            throw new NationalCaException(Reason.STORAGE_FAILED, "Cannot create " + directory + ": " + e.getMessage(), e);
        }
        return withLock(directory, () -> {
            if (Files.exists(rootFile(directory)) || Files.exists(rootKeyFile(directory))) {
                throw new NationalCaException(Reason.ALREADY_INITIALISED, "A CA already exists in " + directory);
            }
            KeyPair keys = settings.keyAlgorithm().generate();
            Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, settings.organisation())
                    .addRDN(BCStyle.CN, settings.commonName())
                    .build();
            X509Certificate root = sign(new JcaX509v3CertificateBuilder(name, newSerial(), Date.from(notBefore),
                    Date.from(notBefore.plus(settings.validity())), name, keys.getPublic()), keys.getPublic(), null,
                    keys.getPrivate(), builder -> {
                        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                        builder.addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    });
            Pem.writePrivateKey(rootKeyFile(directory), keys.getPrivate());
            Pem.writeCertificates(rootFile(directory), root);
            writeIndex(directory, List.of(recordOf(root, CertificateKind.ROOT)));
            return new NationalCa(directory, clock, root, keys.getPrivate());
        });
    }

    /** Opens the CA kept in {@code directory}. */
    public static NationalCa open(Path directory, Clock clock) {
        if (!Files.isRegularFile(rootFile(directory)) || !Files.isRegularFile(rootKeyFile(directory))) {
            throw new NationalCaException(Reason.NOT_INITIALISED,
                    "No CA in " + directory + "; create one with: ndp ca init --dir " + directory);
        }
        return new NationalCa(directory, clock, Pem.readCertificate(rootFile(directory)),
                Pem.readPrivateKey(rootKeyFile(directory)));
    }

    public Path directory() {
        return directory;
    }

    /** The root certificate: the trust anchor gateways and the registry are configured with. */
    public X509Certificate certificate() {
        return certificate;
    }

    public Path certificateFile() {
        return rootFile(directory);
    }

    /** Issues a TLS certificate and a new key for a gateway, usable as TLS server and TLS client. */
    public IssuedCertificate issueGatewayCertificate(GatewayCertificateRequest request) {
        List<GeneralName> names = new ArrayList<>();
        request.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name.toLowerCase(Locale.ROOT))));
        for (InetAddress address : request.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation())
                .addRDN(BCStyle.OU, request.gateway().owner().encoded())
                .addRDN(BCStyle.CN, request.gateway().encoded())
                .build();
        return issue(CertificateKind.GATEWAY_TLS, subject, request.keyAlgorithm(), request.validity(), (builder, key) -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(key.getAlgorithm().equals("RSA")
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
        });
    }

    /** Issues the certificate and key with which the registry signs the global configuration. */
    public IssuedCertificate issueConfigurationSigningCertificate(String commonName, Duration validity) {
        if (commonName == null || commonName.isBlank()) {
            throw new NationalCaException(Reason.INVALID_REQUEST, "The signing certificate needs a name");
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation())
                .addRDN(BCStyle.CN, commonName)
                .build();
        return issue(CertificateKind.CONFIGURATION_SIGNING, subject, KeyAlgorithm.EC_P256, validity, (builder, key) -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        });
    }

    /** Records the revocation of an issued certificate; the registry publishes it in the next global configuration. */
    public CertificateRecord revoke(BigInteger serial, RevocationReason reason) {
        Objects.requireNonNull(reason, "reason");
        String hex = serial.toString(16);
        return withLock(directory, () -> {
            List<CertificateRecord> index = new ArrayList<>(readIndex(directory));
            for (int i = 0; i < index.size(); i++) {
                CertificateRecord record = index.get(i);
                if (record.serial().equals(hex)) {
                    if (record.kind() == CertificateKind.ROOT) {
                        throw new NationalCaException(Reason.INVALID_REQUEST, "The root " + hex + " cannot revoke itself");
                    }
                    if (record.revoked()) {
                        throw new NationalCaException(Reason.ALREADY_REVOKED,
                                "Certificate " + hex + " was already revoked at " + record.revokedAt());
                    }
                    CertificateRecord revoked = record.revoke(clock.instant().truncatedTo(ChronoUnit.SECONDS), reason);
                    index.set(i, revoked);
                    writeIndex(directory, index);
                    return revoked;
                }
            }
            throw new NationalCaException(Reason.UNKNOWN_SERIAL, "This CA issued no certificate with serial " + hex);
        });
    }

    /** Every certificate in the index, the root first, then in order of issue. */
    public List<CertificateRecord> list() {
        return readIndex(directory);
    }

    public Set<BigInteger> revokedSerials() {
        return list().stream().filter(CertificateRecord::revoked).map(CertificateRecord::serialNumber)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Parses a serial as {@code ndp ca list} prints it (hexadecimal, optional {@code 0x} and colons). */
    public static BigInteger parseSerial(String text) {
        String hex = text.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty() || hex.length() > 40 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new NationalCaException(Reason.INVALID_REQUEST, "'" + text + "' is not a hexadecimal serial number");
        }
        return new BigInteger(hex, 16);
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder, PublicKey subjectKey) throws CertIOException;
    }

    private interface RootExtensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private IssuedCertificate issue(CertificateKind kind, X500Name subject, KeyAlgorithm algorithm, Duration validity,
                                    Extensions extensions) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new NationalCaException(Reason.INVALID_REQUEST, "The certificate validity must be positive");
        }
        return withLock(directory, () -> {
            KeyPair keys = algorithm.generate();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant notBefore = now.minus(BACKDATE);
            Instant notAfter = now.plus(validity);
            Instant caNotAfter = certificate.getNotAfter().toInstant();
            if (notAfter.isAfter(caNotAfter)) {
                notAfter = caNotAfter;
            }
            if (!now.isBefore(caNotAfter)) {
                throw new NationalCaException(Reason.INVALID_REQUEST, "The CA certificate expired at " + caNotAfter);
            }
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509Certificate issued = sign(new JcaX509v3CertificateBuilder(issuer, newSerial(), Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic()), keys.getPublic(), certificate, privateKey,
                    builder -> extensions.add(builder, keys.getPublic()));
            CertificateRecord record = recordOf(issued, kind);
            Path keyFile = directory.resolve("private").resolve(record.serial() + ".key.pem");
            Path certificateFile = directory.resolve("certs").resolve(record.serial() + ".pem");
            Pem.writePrivateKey(keyFile, keys.getPrivate());
            Pem.writeCertificates(certificateFile, issued);
            List<CertificateRecord> index = new ArrayList<>(readIndex(directory));
            index.add(record);
            writeIndex(directory, index);
            return new IssuedCertificate(record, issued, keys.getPrivate(), certificateFile, keyFile);
        });
    }

    private String organisation() {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var organisations = name.getRDNs(BCStyle.O);
        return organisations.length == 0 ? CaSettings.DEFAULT_ORGANISATION
                : organisations[0].getFirst().getValue().toString();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PublicKey subjectKey, X509Certificate issuer,
                                        PrivateKey issuerKey, RootExtensions extensions) {
        try {
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            }
            extensions.add(builder);
            var signer = new JcaContentSignerBuilder(KeyAlgorithm.ofKey(issuerKey).signatureAlgorithm()).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Cannot build certificate", e);
        }
    }

    private static CertificateRecord recordOf(X509Certificate certificate, CertificateKind kind) {
        return new CertificateRecord(certificate.getSerialNumber().toString(16), kind,
                certificate.getSubjectX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Pem.sha256Fingerprint(certificate), null, null);
    }

    private static BigInteger newSerial() {
        return new BigInteger(159, RANDOM).setBit(158);
    }

    private static Path rootFile(Path directory) {
        return directory.resolve("ca.pem");
    }

    private static Path rootKeyFile(Path directory) {
        return directory.resolve("private").resolve("ca.key.pem");
    }

    private static Path indexFile(Path directory) {
        return directory.resolve("index.json");
    }

    private record Index(List<CertificateRecord> certificates) {
    }

    private static List<CertificateRecord> readIndex(Path directory) {
        Path file = indexFile(directory);
        if (!Files.exists(file)) {
            throw new NationalCaException(Reason.NOT_INITIALISED, "No CA index in " + directory);
        }
        try {
            return List.copyOf(JSON.readValue(file.toFile(), Index.class).certificates());
        } catch (JacksonException e) {
            throw new NationalCaException(Reason.STORAGE_FAILED, "Cannot read " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void writeIndex(Path directory, List<CertificateRecord> records) {
        Pem.writeAtomically(indexFile(directory), JSON.writeValueAsString(new Index(records)) + "\n", null);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        for (Path path : List.of(directory, directory.resolve("private"), directory.resolve("certs"))) {
            if (!Files.exists(path)) {
                Files.createDirectories(path);
                if (Pem.posix(path)) {
                    Files.setPosixFilePermissions(path, path.endsWith("certs")
                            ? PosixFilePermissions.fromString("rwxr-xr-x") : Pem.OWNER_ONLY_DIRECTORY);
                }
            }
        }
    }

    private static synchronized <T> T withLock(Path directory, Supplier<T> action) {
        try (FileChannel channel = FileChannel.open(directory.resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new NationalCaException(Reason.STORAGE_FAILED, "Cannot lock " + directory + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new NationalCaException(Reason.STORAGE_FAILED, e.getMessage(), e);
        }
    }
}
