package dev.cdpconsole.platform.segment;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A profile as a segment definition sees it: its merged record (read only when a definition asks for an
 * attribute), its computed scores, and its events. The scores answer to their names in the entities API,
 * {@code computedAttributes.lifetimeValue} and so on, and to the short names alone ({@code lifetimeValue},
 * {@code purchasesLast30Days}, {@code churnPropensity}, {@code lastPurchaseDate}).
 */
public final class ProfileSubject implements Condition.Subject {

    private static final Map<String, Integer> COMPUTED = Map.of("lifetimeValue", 0, "purchasesLast30Days", 1,
            "churnPropensity", 2, "lastPurchaseDate", 3);

    private final Instant now;
    private final String entityText;
    private final Object[] scores;
    private final List<EventSubject> events = new ArrayList<>();
    private final Map<String, Object> attributes;
    private JsonObject entity;

    public ProfileSubject(Instant now, String entityText, BigDecimal lifetimeValue, int purchases30d,
            double churnPropensity, Instant lastPurchaseAt) {
        this(now, entityText, null, lifetimeValue, purchases30d, churnPropensity, lastPurchaseAt);
    }

    /** A profile whose attributes were read beforehand ({@link RecordPaths}): only those paths answer. */
    ProfileSubject(Instant now, Map<String, Object> attributes, BigDecimal lifetimeValue, int purchases30d,
            double churnPropensity, Instant lastPurchaseAt) {
        this(now, null, attributes, lifetimeValue, purchases30d, churnPropensity, lastPurchaseAt);
    }

    private ProfileSubject(Instant now, String entityText, Map<String, Object> attributes, BigDecimal lifetimeValue,
            int purchases30d, double churnPropensity, Instant lastPurchaseAt) {
        this.now = now;
        this.entityText = entityText;
        this.attributes = attributes;
        this.scores = new Object[] {lifetimeValue, BigDecimal.valueOf(purchases30d),
            BigDecimal.valueOf(churnPropensity), lastPurchaseAt};
    }

    /** Whether a path names one of the computed scores (kept in columns, so no record needs reading). */
    public static boolean isComputed(String[] path) {
        return path.length == 1 && COMPUTED.containsKey(path[0])
                || path.length == 2 && path[0].equals("computedAttributes") && COMPUTED.containsKey(path[1]);
    }

    public void addEvent(EventSubject event) {
        events.add(event);
    }

    @Override
    public Object value(String[] path) {
        if (isComputed(path)) {
            return scores[COMPUTED.get(path[path.length - 1])];
        }
        if (attributes != null) {
            return attributes.get(path.length == 1 ? path[0] : String.join(".", path));
        }
        if (entity == null) {
            entity = read(entityText);
        }
        return at(entity, path, 0);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public List<EventSubject> events() {
        return events;
    }

    /** One experience event: its columns answer {@code eventType}, {@code timestamp} and the order's total and
     * currency without reading its body. */
    public static final class EventSubject implements Condition.Subject {
        private final Instant now;
        private final Instant timestamp;
        private final String eventType;
        private final BigDecimal priceTotal;
        private final String currency;
        private final String bodyText;
        private JsonObject body;

        public EventSubject(Instant now, Instant timestamp, String eventType, BigDecimal priceTotal, String currency,
                String bodyText) {
            this.now = now;
            this.timestamp = timestamp;
            this.eventType = eventType;
            this.priceTotal = priceTotal;
            this.currency = currency;
            this.bodyText = bodyText;
        }

        /** Whether a path is one of the event's columns (so the body need not be read for it). */
        static boolean isColumn(String[] path) {
            return path.length == 1 && (path[0].equals("timestamp") || path[0].equals("eventType"))
                    || path.length == 3 && path[0].equals("commerce") && path[1].equals("order")
                    && (path[2].equals("priceTotal") || path[2].equals("currencyCode"));
        }

        @Override
        public Object value(String[] path) {
            if (path.length == 1 && path[0].equals("timestamp")) {
                return timestamp;
            }
            if (path.length == 1 && path[0].equals("eventType")) {
                return eventType;
            }
            if (path.length == 3 && path[0].equals("commerce") && path[1].equals("order")) {
                if (path[2].equals("priceTotal")) {
                    return priceTotal;
                }
                if (path[2].equals("currencyCode")) {
                    return currency;
                }
            }
            if (body == null) {
                body = read(bodyText);
            }
            return at(body, path, 0);
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public List<EventSubject> events() {
            return List.of();
        }
    }

    private static JsonObject read(String text) {
        if (text == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static Object at(JsonObject object, String[] path, int from) {
        JsonValue value = object.get(path[from]);
        if (value == null) {
            return null;
        }
        if (from < path.length - 1) {
            return value instanceof JsonObject inner ? at(inner, path, from + 1) : null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> Condition.Subject.PRESENT;
        };
    }
}
