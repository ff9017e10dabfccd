package vn.ndp.protocol.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate the CA just issued, its new private key, and the files both were written to. */
public record IssuedCertificate(
        CertificateRecord record, X509Certificate certificate, PrivateKey privateKey,
        Path certificateFile, Path privateKeyFile) {
}
