package dev.cdpconsole.platform.profile;

import java.util.Locale;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The fields agents search and see in lists, drawn from a merged record. */
record SearchFields(String firstName, String lastName, String email, String phone, String city) {

    static SearchFields of(JsonObject entity) {
        return new SearchFields(text(entity, "person", "name", "firstName"), text(entity, "person", "name", "lastName"),
                text(entity, "personalEmail", "address"), text(entity, "mobilePhone", "number"),
                text(entity, "homeAddress", "city"));
    }

    /** The nine columns of a profile drawn from these fields: the five as shown, then the four search keys. */
    String[] columns() {
        return new String[] {firstName, lastName, email, phone, city, key(firstName), key(lastName), key(email),
            digits(phone)};
    }

    /** The lower-case form prefix search compares, clipped to its column. */
    static String key(String value) {
        return value == null || value.isBlank() ? null : clip(value.strip().toLowerCase(Locale.ROOT), 200);
    }

    /** Only the digits of a phone number. */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(Math.min(value.length(), 64));
        for (int i = 0; i < value.length() && digits.length() < 64; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    private static String text(JsonObject entity, String... path) {
        JsonValue value = entity;
        for (String step : path) {
            if (!(value instanceof JsonObject object) || !object.containsKey(step)) {
                return null;
            }
            value = object.get(step);
        }
        return value instanceof JsonString s ? clip(s.getString(), 200) : null;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
