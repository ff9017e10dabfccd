/**
 * The gateway's message log: every exchange either side handles, hash-chained, in signed Merkle
 * batches written with group commit before the response is released ({@link
 * vn.ndp.gateway.messagelog.MessageLog}), time-stamped by an RFC 3161 TSA when configured, rotated
 * and retained by policy; the admin API's evidence endpoint ({@link
 * vn.ndp.gateway.messagelog.EvidenceEndpoint}). The format and its verification live in
 * {@code vn.ndp.protocol.evidence}. Decisions in docs/adr/0007-message-log.md.
 */
package vn.ndp.gateway.messagelog;
