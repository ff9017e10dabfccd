/**
 * Official lists: the versions of the list of national digital platforms that
 * the national authority publishes (e.g. "Công văn 2765/BTTTT-CĐSQG,
 * 15/07/2023"). Publishing freezes the platforms of the chosen statuses, each
 * with its fields and its owner on the document date, into an immutable
 * {@link vn.ndp.registry.lists.ListVersion}; the database refuses any later
 * update or deletion. Any two versions can be compared field by field
 * ({@link vn.ndp.registry.lists.ListDiff}); each exports as CSV, XLSX and a PDF
 * with embedded Vietnamese fonts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Official lists")
package vn.ndp.registry.lists;
