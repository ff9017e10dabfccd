/**
 * RFC 3161 time-stamping: {@link vn.ndp.protocol.timestamp.TimeStampClient} (used by the gateway's
 * message log) and {@link vn.ndp.protocol.timestamp.TimeStampAuthority}, a small BouncyCastle TSA
 * for tests and the demo ({@code ./ndp tsa}).
 */
package vn.ndp.protocol.timestamp;
