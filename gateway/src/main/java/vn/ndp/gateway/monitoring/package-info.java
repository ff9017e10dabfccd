/** Operational records, Prometheus metrics and per-minute usage aggregates pushed to the registry. */
package vn.ndp.gateway.monitoring;
