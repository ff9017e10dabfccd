/** Download, verification, on-disk keeping and expiry of the global configuration a gateway serves from. */
package vn.ndp.gateway.globalconf;
