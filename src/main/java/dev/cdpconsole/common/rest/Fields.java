package dev.cdpconsole.common.rest;

import dev.cdpconsole.common.problem.ProblemException;

/** Checks every feature makes of the fields of a request body, with the same words everywhere. */
public final class Fields {

    private Fields() {
    }

    /**
     * A required display name, stripped: at most 200 characters, none of them control characters; 400
     * {@code <kind>-name-missing} or {@code <kind>-name-invalid} otherwise.
     */
    public static String name(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest(kind + "-name-missing", "name is required");
        }
        String stripped = name.strip();
        if (stripped.length() > 200 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(kind + "-name-invalid",
                    "name must be at most 200 characters, without control characters");
        }
        return stripped;
    }

    /** A value cut to 60 characters, to be quoted in an error without echoing a whole body back. */
    public static String clip(String value) {
        return value == null ? "" : value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
