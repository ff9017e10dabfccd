/**
 * The usage statistics a gateway pushes to the registry: per-minute aggregates of its exchanges
 * ({@link vn.ndp.protocol.usage.UsageAggregate}) in a {@link vn.ndp.protocol.usage.UsageReport},
 * POSTed as JSON ({@link vn.ndp.protocol.usage.UsageReport#MEDIA_TYPE}) to the registry's
 * {@code /api/v1/exchange/usage}. A report id makes a retried push idempotent.
 */
package vn.ndp.protocol.usage;
