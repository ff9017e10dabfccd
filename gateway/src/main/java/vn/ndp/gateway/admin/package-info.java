/** The admin listener: health, global configuration status, metrics, reloading the configuration file, evidence. */
package vn.ndp.gateway.admin;
