package vn.ndp.protocol.identifiers;

import vn.ndp.protocol.identifiers.InvalidIdentifierException.Reason;

/**
 * The character rules of X-Road Message Protocol for REST 1.0.3, section 4.8, applied to one
 * decoded identifier part.
 */
final class IdentifierRules {

    static final int MAX_PART_LENGTH = 255;
    private static final String ALLOWED_SYMBOLS = "'()+,-.=?";

    private IdentifierRules() {
    }

    static String check(IdentifierPart part, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(part, Reason.EMPTY_PART, value,
                    "The " + part.label() + " is empty");
        }
        if (value.length() > MAX_PART_LENGTH) {
            throw new InvalidIdentifierException(part, Reason.PART_TOO_LONG, value,
                    "The " + part.label() + " is longer than " + MAX_PART_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!allowed(c)) {
                throw new InvalidIdentifierException(part, Reason.FORBIDDEN_CHARACTER, value,
                        "The " + part.label() + " '" + printable(value) + "' contains the forbidden character "
                                + describe(c) + " at position " + i
                                + "; only A-Z, a-z, 0-9 and '()+,-.=? are allowed");
            }
            i += Character.charCount(c);
        }
        return value;
    }

    private static boolean allowed(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || ALLOWED_SYMBOLS.indexOf(c) >= 0;
    }

    static String describe(int c) {
        String name = Character.getName(c);
        String code = String.format("U+%04X", c);
        boolean visible = !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.isDefined(c);
        return (visible ? "'" + Character.toString(c) + "' " : "") + "(" + code + (name == null ? "" : " " + name) + ")";
    }

    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
