package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.profile.ProfileStore.Identity;

/**
 * Reads and checks one record, the same way for single records and for batches: size, JSON, identities (known
 * namespaces, emails without case), time and event columns. A bad record is a 400 naming the reason.
 */
@ApplicationScoped
public class RecordReader {

    static final String PROFILE_SCHEMA = "_xdm.context.profile";
    static final String EVENT_SCHEMA = "_xdm.context.experienceevent";

    @Inject
    @ConfigProperty(name = "cdp.profiles.namespaces", defaultValue = "email,phone,crmId,ecid")
    List<String> namespaces;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-record-bytes", defaultValue = "102400")
    int maxRecordBytes;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-event-bytes", defaultValue = "10240")
    int maxEventBytes;

    Incoming read(String json, String schema, OffsetDateTime now) {
        boolean event = EVENT_SCHEMA.equals(schema);
        int limit = event ? maxEventBytes : maxRecordBytes;
        // A UTF-8 character has at most 3 bytes per UTF-16 unit: count bytes only when it could matter.
        if (json.length() * 3L > limit && json.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw refused("record-too-large", (event ? "an event" : "a record") + " may have at most " + limit + " bytes");
        }
        JsonObject record = parse(json);
        // Only an escape can put U+0000 in a JSON string; PostgreSQL's text cannot hold it, so no database does.
        if (json.indexOf("\\u0000") >= 0 && holdsNul(record)) {
            throw refused("text-invalid", "the record holds the character U+0000, which text may not contain");
        }
        List<Identity> identities = identities(record);
        long time = recordTime(record, now);
        return new Incoming(record, json, identities, time, event ? event(record, time) : null);
    }

    private static Incoming.Event event(JsonObject record, long time) {
        if (!record.containsKey("timestamp")) {
            throw refused("event-timestamp-missing", "an experience event needs a timestamp");
        }
        OffsetDateTime at = Instant.ofEpochMilli(time).atOffset(ZoneOffset.UTC);
        String type = record.get("eventType") instanceof JsonString s ? clip(s.getString(), 128) : null;
        BigDecimal total = null;
        String currency = null;
        if (record.get("commerce") instanceof JsonObject commerce && commerce.get("order") instanceof JsonObject order) {
            if (order.get("priceTotal") instanceof JsonNumber number) {
                total = number.bigDecimalValue();
                if (total.abs().compareTo(new BigDecimal("99999999999999")) > 0) {
                    throw refused("price-out-of-range", "commerce.order.priceTotal is out of range");
                }
            }
            currency = order.get("currencyCode") instanceof JsonString c ? clip(c.getString(), 8) : null;
        }
        String eventId = record.get("_id") instanceof JsonString id && !id.getString().isBlank()
                ? clip(id.getString(), 64) : Secrets.random(12);
        return new Incoming.Event(eventId, at, type, total, currency);
    }

    private List<Identity> identities(JsonObject record) {
        if (!(record.get("identityMap") instanceof JsonObject map) || map.isEmpty()) {
            throw refused("identity-missing", "the record has no identityMap with at least one identity");
        }
        List<Identity> identities = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
            String namespace = entry.getKey();
            if (!namespaces.contains(namespace)) {
                throw refused("namespace-unknown", "unknown identity namespace " + clip(namespace, 40)
                        + "; known: " + String.join(", ", namespaces));
            }
            if (!(entry.getValue() instanceof JsonArray values)) {
                throw refused("identity-invalid", "identityMap." + namespace + " must be a list of {\"id\": ...}");
            }
            for (JsonValue value : values) {
                if (!(value instanceof JsonObject item) || !(item.get("id") instanceof JsonString id)
                        || id.getString().isBlank() || id.getString().length() > 320) {
                    throw refused("identity-invalid", "each identity of " + namespace
                            + " needs an id of 1 to 320 characters");
                }
                identities.add(new Identity(namespace, normalise(namespace, id.getString())));
            }
        }
        if (identities.isEmpty()) {
            throw refused("identity-missing", "the record has no identity");
        }
        return identities.stream().distinct().toList();
    }

    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(RecordReader::holdsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue()));
            default -> false;
        };
    }

    /** Emails compare without case; every value without surrounding spaces. */
    static String normalise(String namespace, String value) {
        String trimmed = value.strip();
        return "email".equals(namespace) ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    /** The record's own {@code timestamp} (ISO-8601 or epoch milliseconds), else the time it arrived. */
    private static long recordTime(JsonObject record, OffsetDateTime now) {
        JsonValue value = record.get("timestamp");
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        if (value instanceof JsonString text) {
            try {
                return OffsetDateTime.parse(text.getString()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw refused("timestamp-invalid", "timestamp must be ISO-8601 (e.g. 2026-12-01T10:00:00Z) or epoch ms");
            }
        }
        return now.toInstant().toEpochMilli();
    }

    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw refused("record-not-object", "a record must be a JSON object");
            }
            return object;
        } catch (jakarta.json.JsonException e) {
            throw refused("malformed-json", "the record is not valid JSON");
        }
    }

    static ProblemException refused(String code, String reason) {
        return new ProblemException(400, code, "Record refused", reason, Map.of("reason", reason));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
