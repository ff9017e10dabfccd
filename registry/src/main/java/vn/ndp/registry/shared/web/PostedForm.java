package vn.ndp.registry.shared.web;

import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What one of a page's forms posted, shown again when it was refused, so that nothing typed is lost. A page with
 * several forms names each; only the form that was posted shows its values, the others what they show otherwise
 * (two forms may have fields of the same name, and one is not the other's).
 */
public record PostedForm(String name, MultiValueMap<String, String> values) {

    /** No form posted: every form shows what it shows otherwise. */
    public static final PostedForm NONE = new PostedForm("", new LinkedMultiValueMap<>());

    public PostedForm {
        values = values == null ? new LinkedMultiValueMap<>() : values;
    }

    public boolean is(String form) {
        return name.equals(form);
    }

    /** What {@code field} of {@code form} was posted as, or {@code otherwise} when that form was not the one posted. */
    public String value(String form, String field, String otherwise) {
        return is(form) ? values.getFirst(field) : otherwise;
    }

    /** What {@code field} of {@code form} was posted as, or nothing when another form was posted. */
    public String value(String form, String field) {
        return value(form, field, null);
    }

    /** Whether a select of {@code form} shows {@code option} chosen: as posted, or {@code otherwise}. */
    public boolean chosen(String form, String field, String option, boolean otherwise) {
        return is(form) ? option.equals(values.getFirst(field)) : otherwise;
    }

    /** Whether a check box among several of one name ({@code field}) was ticked when {@code form} was posted. */
    public boolean ticked(String form, String field, String option) {
        return ticked(form, field, option, false);
    }

    /** Whether that check box shows ticked: as posted, or {@code otherwise} when another form was posted. */
    public boolean ticked(String form, String field, String option, boolean otherwise) {
        return is(form) ? values.getOrDefault(field, List.of()).contains(option) : otherwise;
    }
}
