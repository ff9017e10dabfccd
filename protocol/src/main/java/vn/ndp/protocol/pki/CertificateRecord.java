package vn.ndp.protocol.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the CA's index: a certificate it issued and, once revoked, when and why.
 * {@code serial} is lower-case hexadecimal; {@code subject} is the RFC 4514 name.
 */
public record CertificateRecord(
        String serial,
        CertificateKind kind,
        String subject,
        Instant notBefore,
        Instant notAfter,
        String sha256Fingerprint,
        Instant revokedAt,
        RevocationReason revocationReason) {

    public CertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        if ((revokedAt == null) != (revocationReason == null)) {
            throw new IllegalArgumentException("revokedAt and revocationReason go together");
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public BigInteger serialNumber() {
        return new BigInteger(serial, 16);
    }

    CertificateRecord revoke(Instant at, RevocationReason reason) {
        return new CertificateRecord(serial, kind, subject, notBefore, notAfter, sha256Fingerprint, at, reason);
    }
}
