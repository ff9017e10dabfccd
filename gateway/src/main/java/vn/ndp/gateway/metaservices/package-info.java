/** The REST metaservices a consumer gateway answers from the global configuration. */
package vn.ndp.gateway.metaservices;
