package dev.cdpconsole.admin.destination;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cdpconsole.admin.console.PlatformException;

/**
 * A refusal of the platform (400 or 409) as a form shows it: its {@code detail} beside the field its problem
 * type names, or above the form ({@link #GENERAL}) when it names none. The detail is shown as text.
 */
public final class FormErrors {

    public static final String GENERAL = "general";

    private FormErrors() {
    }

    /**
     * Field name to the platform's words. {@code fields} maps a problem type, or the start of one ending in
     * {@code -}, to the form field it is about; the longest match wins.
     */
    public static Map<String, String> of(PlatformException refusal, Map<String, String> fields) {
        String code = refusal.code();
        String field = GENERAL;
        int best = -1;
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            String key = entry.getKey();
            boolean matches = key.endsWith("-") ? code.startsWith(key) : code.equals(key);
            if (matches && key.length() > best) {
                field = entry.getValue();
                best = key.length();
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(field, refusal.detail());
        return errors;
    }

    /** Whether the platform's answer is a refusal a form shows (the rest go to the error page). */
    public static boolean isRefusal(PlatformException e) {
        return e.status() == 400 || e.status() == 409;
    }
}
