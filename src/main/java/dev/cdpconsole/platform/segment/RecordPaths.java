package dev.cdpconsole.platform.segment;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

/**
 * Reads only the wanted paths of a record, streaming: the objects on the way to a wanted path are entered, every
 * other object or array is skipped without being built. A segmentation job reads a million records this way, for
 * the few attributes its definitions name.
 */
final class RecordPaths {

    private final Set<String> wanted;
    private final Set<String> prefixes = new HashSet<>();

    RecordPaths(Collection<String> paths) {
        this.wanted = Set.copyOf(paths);
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                prefixes.add(path.substring(0, dot));
            }
        }
    }

    /**
     * The wanted paths the record has: a String, BigDecimal or Boolean for a value, {@link Condition.Subject#PRESENT}
     * for an object or an array, absent for null or missing. A record that is not JSON gives nothing.
     */
    Map<String, Object> read(String record) {
        Map<String, Object> found = new HashMap<>();
        if (record == null) {
            return found;
        }
        try (JsonParser parser = JSON.createParser(new StringReader(record))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return found;
            }
            Deque<String> path = new ArrayDeque<>();
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case END_OBJECT -> {
                        if (path.isEmpty()) {
                            return found;
                        }
                        path.pop();
                    }
                    case START_OBJECT -> {
                        String at = join(path, key);
                        if (wanted.contains(at)) {
                            found.put(at, Condition.Subject.PRESENT);
                        }
                        if (prefixes.contains(at)) {
                            path.push(at);
                        } else {
                            parser.skipObject();
                        }
                    }
                    case START_ARRAY -> {
                        String at = join(path, key);
                        if (wanted.contains(at)) {
                            found.put(at, Condition.Subject.PRESENT);
                        }
                        parser.skipArray();
                    }
                    case VALUE_STRING -> put(found, join(path, key), parser.getString());
                    case VALUE_NUMBER -> put(found, join(path, key), parser.getBigDecimal());
                    case VALUE_TRUE -> put(found, join(path, key), Boolean.TRUE);
                    case VALUE_FALSE -> put(found, join(path, key), Boolean.FALSE);
                    default -> {
                        // VALUE_NULL: as if missing; END_ARRAY does not occur, arrays being skipped whole
                    }
                }
            }
        } catch (JsonException | IllegalStateException e) {
            found.clear();
        }
        return found;
    }

    private void put(Map<String, Object> found, String at, Object value) {
        if (wanted.contains(at)) {
            found.put(at, value);
        }
    }

    private static String join(Deque<String> path, String key) {
        return path.isEmpty() ? key : path.peek() + "." + key;
    }
}
