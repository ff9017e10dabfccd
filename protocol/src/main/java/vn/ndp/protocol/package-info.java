/**
 * Wire contracts that the registry and the gateways share, free of Spring: exchange
 * identifiers, X-Road error types, the signed global configuration, and the national CA.
 */
package vn.ndp.protocol;
