package dev.cdpconsole.admin.segment;

import java.util.Map;

import dev.cdpconsole.admin.console.PlatformException;

/** Turns the platform's refusals of a segment into a message key on the form field they concern. */
final class SegmentErrors {

    /** The key of an error that belongs to no single field. */
    static final String GENERAL = "general";

    private SegmentErrors() {
    }

    /** Field ({@code name}, {@code description}, {@code expression} or {@link #GENERAL}) to message key. */
    static Map<String, String> fieldKeys(PlatformException e) {
        return switch (e.code()) {
            case "segment-name-missing", "segment-name-invalid" -> Map.of("name", "segments.error.name");
            case "segment-name-taken" -> Map.of("name", "segments.error.exists");
            case "segment-description-invalid" -> Map.of("description", "segments.error.description");
            case "segment-expression-missing" -> Map.of("expression", "segments.error.expression");
            case PqlError.CODE -> Map.of("expression", "segments.error.pql");
            default -> Map.of(GENERAL, "error.request");
        };
    }
}
