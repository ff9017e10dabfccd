/**
 * The catalogue of national digital platforms: what each platform is, who owns
 * and operates it, its security level and exchange connection; full-text
 * search that ignores Vietnamese diacritics; import and export of the list.
 * Ownership is asked as of a date and follows agency successions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package vn.ndp.registry.catalog;
