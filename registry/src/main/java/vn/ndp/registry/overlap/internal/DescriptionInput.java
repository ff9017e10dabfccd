package vn.ndp.registry.overlap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.JsonBodies;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * Reads a description from the API's JSON body or the page's form, checking
 * types and lengths and naming every problem at once.
 */
final class DescriptionInput {

    static final Set<String> FIELDS = Set.of("name", "description", "functions", "users", "owner", "category");
    private static final JsonMapper JSON = JsonBodies.strict(JsonMapper.builder()).build();

    private final OverlapSettings.Limits limits;
    private final List<FieldError> errors = new ArrayList<>();

    DescriptionInput(OverlapSettings settings) {
        this.limits = settings.limits();
    }

    /** The JSON body of {@code POST /api/v1/overlap/check}. */
    PlatformDescription fromJson(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw JsonBodies.unreadable(e);
        }
        if (root == null || !root.isObject()) {
            throw new RegistryException(ErrorCode.INVALID_BODY,
                    "The body must be a JSON object such as {\"name\": \"...\", \"description\": \"...\"}.");
        }
        for (String property : root.propertyNames()) {
            if (!FIELDS.contains(property)) {
                errors.add(FieldError.of(property, "is not a known field; use " + FIELDS.stream().sorted().toList()
                        + "."));
            }
        }
        List<String> functions = new ArrayList<>();
        JsonNode f = root.get("functions");
        if (f != null && !f.isNull()) {
            if (!f.isArray()) {
                errors.add(FieldError.of("functions", "must be a list of strings."));
            } else {
                for (JsonNode item : f.values()) {
                    if (!item.isString()) {
                        errors.add(FieldError.of("functions", "must be a list of strings; found " +
                                item.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "."));
                        break;
                    }
                    functions.add(item.stringValue());
                }
            }
        }
        return of(string(root, "name"), string(root, "description"), functions, string(root, "users"),
                string(root, "owner"), string(root, "category"));
    }

    /** The page's form: functions one per line. */
    PlatformDescription fromForm(String name, String description, String functions, String users, String owner,
            String category) {
        List<String> list = functions == null ? List.of() : functions.lines().toList();
        return of(name, description, list, users, owner, category);
    }

    private PlatformDescription of(String name, String description, List<String> functions, String users,
            String owner, String category) {
        length("name", name, limits.name());
        length("description", description, limits.description());
        length("users", users, limits.users());
        length("owner", owner, limits.owner());
        List<String> kept = functions.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (kept.size() > limits.functions()) {
            errors.add(FieldError.of("functions", "has " + kept.size() + " items; at most " + limits.functions()
                    + " are allowed."));
        }
        for (String function : kept) {
            if (function.length() > limits.function()) {
                errors.add(FieldError.of("functions", "has an item " + function.length() + " characters long; at most "
                        + limits.function() + " are allowed."));
                break;
            }
        }
        Category parsed = null;
        if (category != null && !category.isBlank()) {
            parsed = Wire.parse(Category.class, category);
            if (parsed == null) {
                errors.add(FieldError.of("category", "'" + category + "' is not one of " + Wire.values(Category.class)
                        + "."));
            }
        }
        PlatformDescription result = new PlatformDescription(name, description, kept, users, owner, parsed);
        if (result.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("name")
                || e.field().equals("description"))) {
            errors.add(FieldError.of("name", "a name or a description is required."));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid: " + String.join(", ",
                            errors.stream().map(FieldError::field).distinct().toList()) + ".";
            throw new RegistryException(ErrorCode.INVALID_BODY, detail, errors);
        }
        return result;
    }

    private String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(FieldError.of(field, "must be a string; found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + "."));
            return null;
        }
        return node.stringValue();
    }

    private void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "is " + value.length() + " characters long; at most " + max
                    + " are allowed."));
        }
    }
}
