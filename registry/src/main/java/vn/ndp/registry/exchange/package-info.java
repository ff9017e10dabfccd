/**
 * The exchange directory (NDXP): members, their subsystems (each linked to a
 * catalogue platform), the gateways that host them ("LGSP as a service": one
 * gateway, many tenants), the services they offer and the access rights
 * between them, granted through access requests. Published to every gateway
 * as the signed, expiring global configuration; gateways report usage back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package vn.ndp.registry.exchange;
