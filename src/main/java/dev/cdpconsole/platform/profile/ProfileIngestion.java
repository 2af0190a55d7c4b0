package dev.cdpconsole.platform.profile;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.profile.ProfileStore.Identity;

/**
 * Takes in one record at a time: a profile record is merged into the profile of its identities (by time, field by
 * field), an experience event is added to it. Records that share any identity are one profile; a record that
 * joins several profiles merges them into the oldest, moving identities and events, so nothing is lost.
 */
@ApplicationScoped
public class ProfileIngestion {

    static final String PROFILE_SCHEMA = "_xdm.context.profile";
    static final String EVENT_SCHEMA = "_xdm.context.experienceevent";

    @Inject
    ProfileStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-identities", defaultValue = "50")
    int maxIdentities;

    @Inject
    @ConfigProperty(name = "cdp.profiles.namespaces", defaultValue = "email,phone,crmId,ecid")
    List<String> namespaces;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-record-bytes", defaultValue = "102400")
    int maxRecordBytes;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-event-bytes", defaultValue = "10240")
    int maxEventBytes;

    /** What one ingested record did. */
    public record Outcome(String xid, boolean created, List<String> mergedXids, int identities) {
    }

    /** Ingests one record (the raw JSON text of it) into the sandbox; a bad record is a 400 naming the reason. */
    @Transactional
    public Outcome ingest(String sandbox, String json, String schema) {
        boolean event = EVENT_SCHEMA.equals(schema);
        int limit = event ? maxEventBytes : maxRecordBytes;
        if (json.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw refused("record-too-large", (event ? "an event" : "a record") + " may have at most " + limit + " bytes");
        }
        JsonObject record = parse(json);
        List<Identity> identities = identities(record);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);

        List<ProfileEntity> holders = store.lockHolders(sandbox, identities);
        Set<Identity> graph = new LinkedHashSet<>(identities);
        holders.forEach(p -> graph.addAll(store.identities(p.id)));
        if (graph.size() > maxIdentities) {
            throw refused("identity-graph-too-large", "the record would join an identity graph of " + graph.size()
                    + " identities; at most " + maxIdentities + " are allowed");
        }
        boolean created = holders.isEmpty();
        ProfileEntity profile;
        List<String> mergedXids = new ArrayList<>();
        if (created) {
            profile = new ProfileEntity(sandbox, Secrets.random(16), now);
            store.add(profile);
            store.flush();
        } else {
            profile = holders.get(0);
            for (ProfileEntity other : holders.subList(1, holders.size())) {
                mergeRecords(profile, other, now);
                store.mergeInto(profile, other);
                mergedXids.add(other.xid);
            }
        }
        Set<Identity> known = new LinkedHashSet<>(store.identities(profile.id));
        for (Identity identity : identities) {
            if (known.add(identity)) {
                store.add(new IdentityEntity(sandbox, identity.namespace(), identity.value(), profile.id));
            }
        }
        if (event) {
            addEvent(sandbox, profile, record, now);
        } else {
            mergeRecord(profile, record, recordTime(record, now), now);
        }
        store.flush();
        profile.scores(store.scores(profile.id, now), now);
        return new Outcome(profile.xid, created, List.copyOf(mergedXids), known.size());
    }

    private void mergeRecord(ProfileEntity profile, JsonObject record, long time, OffsetDateTime now) {
        Map<String, JsonValue> leaves = RecordMerge.flatten(parse(profile.entity));
        Map<String, Long> times = RecordMerge.times(parse(profile.fieldTimes));
        Map<String, JsonValue> incoming = RecordMerge.flatten(record);
        incoming.remove("timestamp");
        RecordMerge.merge(leaves, times, incoming, time);
        store(profile, leaves, times, now);
    }

    /** Folds the record of a profile merged away into the one that stays, each field by its own time. */
    private void mergeRecords(ProfileEntity keeper, ProfileEntity merged, OffsetDateTime now) {
        Map<String, JsonValue> leaves = RecordMerge.flatten(parse(keeper.entity));
        Map<String, Long> times = RecordMerge.times(parse(keeper.fieldTimes));
        Map<String, JsonValue> other = RecordMerge.flatten(parse(merged.entity));
        Map<String, Long> otherTimes = RecordMerge.times(parse(merged.fieldTimes));
        other.forEach((path, value) -> RecordMerge.merge(leaves, times, Map.of(path, value),
                otherTimes.getOrDefault(path, 0L)));
        store(keeper, leaves, times, now);
    }

    private static void store(ProfileEntity profile, Map<String, JsonValue> leaves, Map<String, Long> times,
            OffsetDateTime now) {
        JsonObject entity = RecordMerge.unflatten(leaves);
        profile.record(entity.toString(), RecordMerge.times(times).toString(), SearchFields.of(entity), now);
    }

    private void addEvent(String sandbox, ProfileEntity profile, JsonObject record, OffsetDateTime now) {
        if (!record.containsKey("timestamp")) {
            throw refused("event-timestamp-missing", "an experience event needs a timestamp");
        }
        OffsetDateTime at = Instant.ofEpochMilli(recordTime(record, now)).atOffset(ZoneOffset.UTC);
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
        store.add(new EventEntity(sandbox, profile.id, eventId, at, type, total, currency, record.toString()));
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
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw refused("record-not-object", "a record must be a JSON object");
            }
            return object;
        } catch (jakarta.json.JsonException e) {
            throw refused("malformed-json", "the record is not valid JSON");
        }
    }

    private static ProblemException refused(String code, String reason) {
        return new ProblemException(400, code, "Record refused", reason, Map.of("reason", reason));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
