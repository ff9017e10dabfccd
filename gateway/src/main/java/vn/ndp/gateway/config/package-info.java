/** The gateway configuration file: its model and a reader that names the offending key for every problem. */
package vn.ndp.gateway.config;
