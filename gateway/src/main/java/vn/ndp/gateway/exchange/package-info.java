/** Carrying X-Road REST r1 requests: consumer and provider sides, header and path rules, request hash, TLS, errors. */
package vn.ndp.gateway.exchange;
