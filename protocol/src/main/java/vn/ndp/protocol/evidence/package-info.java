/**
 * The gateway message log's on-disk format and its offline verification: hash-chained records,
 * Merkle batches signed by the gateway's key, RFC 3161 time-stamps over batch roots
 * ({@link vn.ndp.protocol.evidence.LogFormat}); {@link vn.ndp.protocol.evidence.LogVerifier}
 * checks a whole log directory and names the first record that was edited, deleted, inserted or
 * reordered; {@link vn.ndp.protocol.evidence.Evidence} exports and checks the self-contained
 * evidence of one exchange. Everything here needs only this jar (and BouncyCastle).
 * Decisions in docs/adr/0007-message-log.md.
 */
package vn.ndp.protocol.evidence;
