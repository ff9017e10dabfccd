/**
 * Conventions of the server-rendered pages: the language (Vietnamese first,
 * {@code ?lang=en} remembered in a cookie), the {@link vn.ndp.registry.shared.web.Site}
 * model of the layout with its as-of date, link building, dates as dd/MM/yyyy,
 * inline SVG bar charts, uploaded files served back only as downloads, and
 * friendly HTML error pages for {@link vn.ndp.registry.shared.web.WebPage}
 * controllers.
 */
package vn.ndp.registry.shared.web;
