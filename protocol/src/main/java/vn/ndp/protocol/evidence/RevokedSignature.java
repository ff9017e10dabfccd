package vn.ndp.protocol.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batches signed (under one signature) by a certificate that the global configuration revokes at {@code revokedAt}. The
 * time that counts is proven when every batch is time-stamped: the latest stamp's time. Otherwise it is the signer's
 * own claim ({@code signedAt}, or a later stamp's time when one is later), and a stolen key can claim any time.
 * Signed at or after the revocation, they do not verify; before it, they do, with a note (time-stamped) or a warning
 * (only claimed).
 *
 * @param batches   the batches under that signature (in an evidence file, those the file holds)
 * @param where     which batches and records, such as {@code batches 3..4 (records 5..8)}
 * @param serial    the certificate's serial, lower-case hexadecimal
 * @param stampedAt the latest time-stamp over these batches, when any is stamped
 * @param stamped   whether every batch is time-stamped
 */
public record RevokedSignature(String gateway, List<Long> batches, String where, String serial, Instant revokedAt, Instant signedAt,
                               Optional<Instant> stampedAt, boolean stamped) {

    /** Builds it from the time-stamp time of each batch (empty for one not stamped). */
    static RevokedSignature of(String gateway, List<Long> batches, String where, String serial, Instant revokedAt,
                               Instant signedAt, List<Optional<Instant>> batchStamps) {
        Optional<Instant> latest = batchStamps.stream().flatMap(Optional::stream).max(Instant::compareTo);
        return new RevokedSignature(gateway, List.copyOf(batches), where, serial, revokedAt, signedAt, latest,
                batchStamps.stream().allMatch(Optional::isPresent));
    }

    /** The time the check goes by. */
    public Instant time() {
        if (stamped) {
            return stampedAt.orElseThrow();
        }
        return stampedAt.filter(signedAt::isBefore).orElse(signedAt);
    }

    /** Signed at or after the revocation: not verified. */
    public boolean afterRevocation() {
        return !time().isBefore(revokedAt);
    }

    private String when() {
        return stamped ? "time-stamped " + stampedAt.orElseThrow()
                : "signed " + signedAt + " by the signer's own claim, not time-stamped"
                        + stampedAt.map(t -> " (partly time-stamped, up to " + t + ")").orElse("");
    }

    /** What to print, the whole line: why it fails, or the note ({@code NOTE:}) or warning ({@code WARNING:}) it verifies with. */
    public String describe() {
        if (afterRevocation()) {
            return where + " of gateway " + gateway + ": signed with certificate " + serial + " at or after its"
                    + " revocation on " + revokedAt + " (" + when() + ")";
        }
        if (stamped) {
            return "NOTE: certificate " + serial + " of gateway " + gateway + " revoked on " + revokedAt
                    + ", after this signature (time-stamped " + stampedAt.orElseThrow() + "): " + where;
        }
        return "WARNING: certificate " + serial + " of gateway " + gateway + " revoked on " + revokedAt + "; " + where
                + " signed " + signedAt + ", before it, but that time is only claimed by the signer (not time-stamped)";
    }
}
