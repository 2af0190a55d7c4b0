package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Merges records by time, field by field: a record is taken apart into its leaf fields (dotted paths; arrays and
 * scalars are leaves), each leaf remembers when it was set, and a newer record wins per leaf.
 */
final class RecordMerge {

    /** The record's identities: kept apart, never a field of the merged record. */
    private static final String IDENTITY_MAP = "identityMap";
    /** The record's own time: it says when the fields were set, and is not one of them. */
    private static final String TIMESTAMP = "timestamp";

    private RecordMerge() {
    }

    /** The leaves of a record, leaving out the identity map (identities are kept apart). */
    static Map<String, JsonValue> flatten(JsonObject record) {
        Map<String, JsonValue> leaves = leaves(record);
        leaves.keySet().removeIf(path -> path.equals(IDENTITY_MAP) || path.startsWith(IDENTITY_MAP + "."));
        return leaves;
    }

    /** Every leaf of a record. */
    static Map<String, JsonValue> leaves(JsonObject record) {
        Map<String, JsonValue> leaves = new LinkedHashMap<>();
        record.forEach((key, value) -> flatten(key, value, leaves));
        return leaves;
    }

    private static void flatten(String path, JsonValue value, Map<String, JsonValue> leaves) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            object.forEach((key, child) -> flatten(path + "." + key, child, leaves));
        } else {
            leaves.put(path, value);
        }
    }

    /**
     * The merged record of a profile made by this one record alone, as {@link #unflatten} would build it from the
     * record's leaves (without identities and timestamp), but without taking the record apart: null when a key holds
     * a dot, which taking apart would turn into a level. {@code json} is the text the record was read from.
     */
    static JsonObject alone(JsonObject record, String json) {
        if (!dotless(record, json)) {
            return null;
        }
        JsonObjectBuilder entity = JSON.createObjectBuilder();
        record.forEach((key, value) -> {
            if (!key.equals(IDENTITY_MAP) && !key.equals(TIMESTAMP)) {
                entity.add(key, value);
            }
        });
        return entity.build();
    }

    /**
     * Whether no key of the record holds a dot. Walking the record costs more than parsing it did (a demo record:
     * 2.9 µs against 2.0; reading its text 0.3 µs), so the text answers first. Without a backslash every key is
     * written as it is, and a dot in a key is followed, at the next quote, by a colon; a dot in a value is followed
     * there by a comma or a bracket, and a dot in a number by the quote that opens a later string. Only a text that
     * could hold a dotted key has its record walked.
     */
    static boolean dotless(JsonObject record, String json) {
        return json.indexOf('\\') < 0 && !dotBeforeColon(json) || dotless(record);
    }

    private static boolean dotBeforeColon(String json) {
        for (int dot = json.indexOf('.'); dot >= 0; ) {
            int quote = json.indexOf('"', dot);
            if (quote < 0) {
                return false;
            }
            int next = quote + 1;
            while (next < json.length() && " \t\r\n".indexOf(json.charAt(next)) >= 0) {
                next++;
            }
            if (next < json.length() && json.charAt(next) == ':') {
                return true;
            }
            dot = json.indexOf('.', quote);   // the dots before this quote have the same next quote
        }
        return false;
    }

    private static boolean dotless(JsonObject object) {
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().indexOf('.') >= 0
                    || entry.getValue() instanceof JsonObject child && !dotless(child)) {
                return false;
            }
        }
        return true;
    }

    /** Builds the nested record back from its leaves. */
    static JsonObject unflatten(Map<String, JsonValue> leaves) {
        Map<String, Object> tree = new LinkedHashMap<>();
        leaves.forEach((path, value) -> {
            String[] steps = path.split("\\.", -1);
            Map<String, Object> node = tree;
            for (int i = 0; i < steps.length - 1; i++) {
                Object next = node.get(steps[i]);
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    node.put(steps[i], next);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) next;
                node = child;
            }
            node.put(steps[steps.length - 1], value);
        });
        return build(tree);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> tree) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                builder.add(key, build((Map<String, Object>) child));
            } else {
                builder.add(key, (JsonValue) value);
            }
        });
        return builder.build();
    }

    /**
     * Merges new leaves set at {@code time} into the current ones: a new leaf wins unless the same field, or a field
     * above or below it (an object that became a value, or back), was set later; the leaves it displaces go. Ties go
     * to the new leaf. So folding records in time order gives the same result as taking them in any order.
     */
    static void merge(Map<String, JsonValue> leaves, Map<String, Long> times, Map<String, JsonValue> incoming,
            long time) {
        incoming.forEach((path, value) -> {
            Long current = times.get(path);
            if (current != null && current > time) {
                return;
            }
            List<String> displaced = new ArrayList<>();
            for (String existing : leaves.keySet()) {
                if (within(existing, path) || within(path, existing)) {
                    if (times.getOrDefault(existing, 0L) > time) {
                        return;
                    }
                    displaced.add(existing);
                }
            }
            displaced.forEach(d -> {
                leaves.remove(d);
                times.remove(d);
            });
            leaves.put(path, value);
            times.put(path, time);
        });
    }

    /** Whether the leaf {@code path} lies below {@code above}: {@code a.b.c} below {@code a.b}, not {@code a.bc}. */
    private static boolean within(String path, String above) {
        return path.length() > above.length() && path.charAt(above.length()) == '.' && path.startsWith(above);
    }

    /** Merges a record set at {@code time} into the current leaves: its fields, without identities and timestamp. */
    static void mergeRecord(Map<String, JsonValue> leaves, Map<String, Long> times, JsonObject record, long time) {
        Map<String, JsonValue> fields = flatten(record);
        fields.remove(TIMESTAMP);
        merge(leaves, times, fields, time);
    }

    /** Folds a whole record (its leaves and their times) into another, each leaf by its own time. */
    static void mergeAll(Map<String, JsonValue> leaves, Map<String, Long> times, Map<String, JsonValue> other,
            Map<String, Long> otherTimes) {
        other.forEach((path, value) -> merge(leaves, times, Map.of(path, value), otherTimes.getOrDefault(path, 0L)));
    }

    /**
     * The leaves' times as they are stored: the time most leaves share (null when there are none) and the leaves set
     * at another time, each with its own, as JSON.
     */
    record StoredTimes(Long common, String others) {
    }

    /** The leaves' times as {@link StoredTimes}; of times shared by as many leaves, the latest is the common one. */
    static StoredTimes store(Map<String, Long> times) {
        Map<Long, Integer> counts = new HashMap<>();
        Long common = null;
        int most = 0;
        for (Long time : times.values()) {
            int count = counts.merge(time, 1, Integer::sum);
            if (count > most || count == most && time > common) {
                common = time;
                most = count;
            }
        }
        JsonObjectBuilder others = JSON.createObjectBuilder();
        for (Map.Entry<String, Long> entry : times.entrySet()) {
            if (!entry.getValue().equals(common)) {
                others.add(entry.getKey(), entry.getValue());
            }
        }
        return new StoredTimes(common, others.build().toString());
    }

    /**
     * The stored times of a profile made by one record alone, whose merged record is {@code entity}
     * ({@link #alone}): {@link #store} of its leaves, every one set at the record's time, without taking it apart.
     */
    static StoredTimes timesAlone(JsonObject entity, long time) {
        return new StoredTimes(entity.isEmpty() ? null : time, JsonValue.EMPTY_JSON_OBJECT.toString());
    }

    /**
     * The times of the leaves from their stored form: each leaf's own, else the common one. Without a common time
     * (profiles stored before it), every leaf's time is its own.
     */
    static Map<String, Long> times(Map<String, JsonValue> leaves, Long common, JsonObject others) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (common == null) {
            others.forEach((key, value) -> result.put(key, ((JsonNumber) value).longValue()));
            return result;
        }
        for (String path : leaves.keySet()) {
            JsonValue own = others.get(path);
            result.put(path, own instanceof JsonNumber number ? number.longValue() : common);
        }
        return result;
    }
}
