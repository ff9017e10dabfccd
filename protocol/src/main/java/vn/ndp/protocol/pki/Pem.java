package vn.ndp.protocol.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM encoding of certificates and PKCS#8 private keys; key files are written owner-only. */
public final class Pem {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private Pem() {
    }

    public static String encode(X509Certificate... certificates) {
        return write((Object[]) certificates);
    }

    public static String encode(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalArgumentException("Cannot encode private key", e);
        }
    }

    public static List<X509Certificate> parseCertificates(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var certificates = factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return certificates.stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not a PEM certificate: " + e.getMessage(), e);
        }
    }

    public static X509Certificate parseCertificate(String pem) {
        List<X509Certificate> certificates = parseCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException("Expected one certificate, found " + certificates.size());
        }
        return certificates.getFirst();
    }

    public static PrivateKey parsePrivateKey(String pem) {
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case null -> throw new IllegalArgumentException("No private key in PEM text");
                default -> throw new IllegalArgumentException("Expected an unencrypted private key, found "
                        + object.getClass().getSimpleName());
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a PEM private key: " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file));
    }

    public static X509Certificate readCertificate(Path file) {
        return parseCertificate(read(file));
    }

    public static PrivateKey readPrivateKey(Path file) {
        return parsePrivateKey(read(file));
    }

    /** Writes (or replaces) a certificate file, readable by all. */
    public static void writeCertificates(Path file, X509Certificate... certificates) {
        writeAtomically(file, encode(certificates), null);
    }

    /** Writes a new private key file with permissions {@code rw-------}; never replaces an existing file. */
    public static void writePrivateKey(Path file, PrivateKey key) {
        if (Files.exists(file)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(file.toString()));
        }
        writeAtomically(file, encode(key), OWNER_ONLY);
    }

    /** SHA-256 of the DER encoding, lower-case hexadecimal without separators. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Digests.sha256().digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot fingerprint certificate", e);
        }
    }

    /**
     * Writes (or replaces) {@code file} with {@code text}, readable by its owner alone ({@code rw-------}) from the
     * moment it exists, where the file system has POSIX permissions: tokens, secrets, keys.
     */
    public static void writeOwnerOnly(Path file, String text) {
        writeAtomically(file, text, OWNER_ONLY);
    }

    /**
     * Makes {@code path}, a directory ({@code rwx------}) or a file ({@code rw-------}), its owner's alone, where the
     * file system has POSIX permissions.
     */
    public static void restrictToOwner(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_ONLY_DIRECTORY : OWNER_ONLY);
        }
    }

    /** {@code file}, created empty and owner-only ({@code rw-------}) if it does not exist yet. */
    public static Path createOwnerOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        }
        return file;
    }

    static void writeAtomically(Path file, String text, Set<PosixFilePermission> permissions) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = posix(directory) && permissions != null
                    ? Files.createTempFile(directory, ".tmp-", "", PosixFilePermissions.asFileAttribute(permissions))
                    : Files.createTempFile(directory, ".tmp-", "");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (posix(directory) && permissions == null) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String write(Object... objects) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
