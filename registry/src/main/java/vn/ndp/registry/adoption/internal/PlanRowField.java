package vn.ndp.registry.adoption.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.Responsibility;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * The inputs of a plan form's row, one national platform's part of the plan: each posted as
 * {@code <name>_<platform code>} ({@code phone_VNEID}), the input's id too, and named by the desk
 * {@code platforms[<i>].<name>} for the declaration's i-th platform. A field of the row is added here, once.
 */
enum PlanRowField {
    STATUS(a -> a.status() == null ? "" : Wire.name(a.status())),
    DEPARTMENT(a -> a.responsibility().department()),
    PERSON(a -> a.responsibility().person()),
    TITLE(a -> a.responsibility().title()),
    PHONE(a -> a.responsibility().phone()),
    EMAIL(a -> a.responsibility().email()),
    TARGET(PlatformAdoption::target),
    PROGRESS(PlatformAdoption::progress);

    /** What is typed on a row besides its status: the details that answer for the platform. */
    static final List<PlanRowField> DETAILS = Arrays.stream(values()).filter(f -> f != STATUS).toList();

    /** How the desk names a field of the declaration's i-th platform: {@code platforms[3].phone}. */
    private static final Pattern DESK_NAME = Pattern.compile("platforms\\[(\\d+)]\\.(\\w+)");

    private final String wire = Wire.name(this);
    private final Function<PlatformAdoption, String> value;

    PlanRowField(Function<PlatformAdoption, String> value) {
        this.value = value;
    }

    /** The input's name and id on the row of {@code platform}: {@code phone_VNEID}. */
    String input(String platform) {
        return wire + "_" + platform;
    }

    /** What the desk calls this field of the declaration's {@code index}-th platform. */
    String deskName(int index) {
        return "platforms[" + index + "]." + wire;
    }

    /** The field's value on a declared platform as the form shows it (the status by its wire name). */
    String of(PlatformAdoption adoption) {
        return value.apply(adoption);
    }

    /** The field a plan form input or a desk's row field is named by ({@code phone}), if it is one. */
    static Optional<PlanRowField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(name)).findFirst();
    }

    /** The platform codes a posted plan form has rows for, from the inputs named {@code status_<code>}. */
    static List<String> platforms(Map<String, ?> form) {
        String prefix = STATUS.input("");
        return form.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .toList();
    }

    /** The row of {@code platform} as posted: each field's value (null for one the form did not have). */
    static Map<PlanRowField, String> posted(Map<String, List<String>> form, String platform) {
        Map<PlanRowField, String> row = new EnumMap<>(PlanRowField.class);
        for (PlanRowField field : values()) {
            List<String> values = form.get(field.input(platform));
            row.put(field, values == null || values.isEmpty() ? null : values.getFirst());
        }
        return row;
    }

    /** The row of a declared platform as the form shows it. */
    static Map<PlanRowField, String> declared(PlatformAdoption adoption) {
        Map<PlanRowField, String> row = new EnumMap<>(PlanRowField.class);
        for (PlanRowField field : values()) {
            row.put(field, field.of(adoption));
        }
        return row;
    }

    /** A row as the desk takes it: {@code platform} with {@code status} (read by the caller) and the row's details. */
    static PlatformAdoption adoption(String platform, AdoptionStatus status, Map<PlanRowField, String> row) {
        return new PlatformAdoption(platform, status, new Responsibility(row.get(DEPARTMENT), row.get(PERSON),
                row.get(TITLE), row.get(PHONE), row.get(EMAIL)), row.get(TARGET), row.get(PROGRESS));
    }

    /**
     * A field the desk names by the declaration's platform ({@code platforms[3].phone}): the platform's index and
     * the field's name (any name the desk gives, {@code platform} too), or empty for a field of the plan as a whole.
     */
    static Optional<DeskField> ofDesk(String deskName) {
        Matcher matcher = DESK_NAME.matcher(deskName);
        return matcher.matches() ? Optional.of(new DeskField(Integer.parseInt(matcher.group(1)), matcher.group(2)))
                : Optional.empty();
    }

    /** A field of the declaration's {@code index}-th platform, as the desk names it. */
    record DeskField(int index, String field) {
    }
}
