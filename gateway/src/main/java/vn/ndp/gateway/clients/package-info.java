/** Local information systems: the credentials bound to their subsystems, and the OAuth2 client-credentials token endpoint. */
package vn.ndp.gateway.clients;
