package vn.ndp.protocol.globalconf;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A certificate the national CA revoked: its serial (lower-case hexadecimal) and when. */
public record RevokedCertificate(String serial, Instant revokedAt) implements Comparable<RevokedCertificate> {

    public RevokedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(revokedAt, "revokedAt");
        serial = new BigInteger(serial, 16).toString(16).toLowerCase(Locale.ROOT);
    }

    public static RevokedCertificate of(BigInteger serial, Instant revokedAt) {
        return new RevokedCertificate(serial.toString(16), revokedAt);
    }

    public BigInteger serialNumber() {
        return new BigInteger(serial, 16);
    }

    @Override
    public int compareTo(RevokedCertificate other) {
        return serialNumber().compareTo(other.serialNumber());
    }
}
