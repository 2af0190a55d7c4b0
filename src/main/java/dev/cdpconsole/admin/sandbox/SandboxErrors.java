package dev.cdpconsole.admin.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cdpconsole.admin.console.PlatformException;

/** Turns the platform's sandbox errors into message keys, so forms say them in the user's language. */
final class SandboxErrors {

    private SandboxErrors() {
    }

    /** Field name to message key, for a validation failure. */
    static Map<String, String> fieldKeys(PlatformException e) {
        Map<String, String> keys = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> keys.put(field, switch (field) {
            case "name" -> message.contains("at most") ? "sandbox.error.name.length"
                    : message.contains("required") ? "sandbox.error.name.required" : "sandbox.error.name.rule";
            case "title" -> message.contains("at most") ? "sandbox.error.title.length" : "sandbox.error.title.required";
            case "type" -> "sandbox.error.type";
            default -> "error.request";
        }));
        if ("sandbox-exists".equals(e.code())) {
            keys.put("name", "sandbox.error.exists");
        }
        return keys;
    }

    /** The message key for an error that belongs to no single field. */
    static String generalKey(PlatformException e) {
        return switch (e.code()) {
            case "sandbox-limit" -> "sandbox.error.limit";
            case "sandbox-default-protected" -> "sandbox.error.default";
            case "sandbox-deleted" -> "sandbox.error.deleted";
            case "sandbox-warnings" -> "sandbox.error.warnings";
            default -> "error.request";
        };
    }
}
