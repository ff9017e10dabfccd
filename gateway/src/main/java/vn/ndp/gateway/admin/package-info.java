/** The admin listener: health, global configuration status, metrics. */
package vn.ndp.gateway.admin;
