package vn.ndp.registry.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler whose data is as of the date the visitor chose ({@code ?asOf=}): only such a page offers the
 * layout's as-of field and says which day its data is as of ({@link Site#dated()}). A page that shows today's data
 * whatever the date (a queue, a request, the notifications) is left unmarked, so that it never claims to be as of
 * another day.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DatedPage {
}
