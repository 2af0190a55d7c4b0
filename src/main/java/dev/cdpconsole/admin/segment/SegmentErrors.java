package dev.cdpconsole.admin.segment;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cdpconsole.admin.console.PlatformException;

/** Turns the platform's refusals of a segment into message keys per form field, in the user's language. */
final class SegmentErrors {

    /** The key of an error that belongs to no single field. */
    static final String GENERAL = "general";

    private SegmentErrors() {
    }

    /** Field ({@code name}, {@code description}, {@code expression} or {@link #GENERAL}) to message key. */
    static Map<String, String> fieldKeys(PlatformException e) {
        Map<String, String> keys = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> {
            switch (field) {
                case "name" -> keys.put("name", "segments.error.name");
                case "description" -> keys.put("description", "segments.error.description");
                case "expression", "value" -> keys.put("expression", "segments.error.expression");
                default -> keys.putIfAbsent(GENERAL, "error.request");
            }
        });
        if (e.status() == 409) {
            keys.put("name", "segments.error.exists");
        } else if (PqlError.CODE.equals(e.code())) {
            keys.put("expression", "segments.error.pql");
        }
        if (keys.isEmpty()) {
            keys.put(GENERAL, "error.request");
        }
        return keys;
    }
}
