package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.ProfileHit;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.platform.profile.ProfileStore.Cursor;
import dev.cdpconsole.platform.profile.ProfileStore.Identity;
import dev.cdpconsole.common.time.Times;

/** Reads profiles and their events in the shapes of Adobe's entities API, and searches them for agents. */
@ApplicationScoped
public class ProfileLookup {

    @Inject
    ProfileStore store;

    @Inject
    @ConfigProperty(name = "cdp.profiles.namespaces", defaultValue = "email,phone,crmId,ecid")
    List<String> namespaces;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-identities", defaultValue = "50")
    int maxIdentities;

    /** The profile with that identity (or, without a namespace, that XID) in the sandbox, as the API answers it. */
    public ProfileStore.Snapshot find(String sandbox, String entityId, String namespace) {
        return find(sandbox, entityId, namespace, true);
    }

    /** The profile as {@link #find(String, String, String)} finds it, without reading its segment memberships. */
    public ProfileStore.Snapshot findWithoutMemberships(String sandbox, String entityId, String namespace) {
        return find(sandbox, entityId, namespace, false);
    }

    private ProfileStore.Snapshot find(String sandbox, String entityId, String namespace, boolean withMemberships) {
        if (entityId == null || entityId.isBlank()) {
            throw ProblemException.badRequest("entity-id-missing", "entityId is required");
        }
        Optional<ProfileStore.Snapshot> found;
        if (namespace == null || namespace.isBlank()) {
            found = store.snapshotByXid(sandbox, entityId.strip(), withMemberships);
        } else {
            if (!namespaces.contains(namespace)) {
                throw ProblemException.badRequest("namespace-unknown", "unknown identity namespace " + clip(namespace)
                        + "; known: " + String.join(", ", namespaces));
            }
            found = store.snapshotByIdentity(sandbox, namespace, RecordReader.normalise(namespace, entityId),
                    withMemberships);
        }
        return found.orElseThrow(() -> ProblemException.notFound("profile-not-found",
                "No profile with that identity in this sandbox"));
    }

    /** A profile whose identity graph is over the limit (possible once the limit was lowered) is not served: 422. */
    void requireGraphWithinLimit(ProfileStore.Snapshot found) {
        if (found.identities().size() > maxIdentities) {
            throw new ProblemException(422, "too-many-identities", "Unprocessable entity",
                    "Too many related identities");
        }
    }

    /** {@code {"<xid>": {"entityId", "sources", "entity", "lastModifiedAt"}}}, the entity cut to the fields. */
    public JsonObjectBuilder keyed(ProfileStore.Snapshot found, List<String> fields) {
        return JSON.createObjectBuilder().add(found.profile().xid, entity(found, fields));
    }

    JsonObject entity(ProfileStore.Snapshot found, List<String> fields) {
        requireGraphWithinLimit(found);
        ProfileEntity profile = found.profile();
        JsonObjectBuilder entity = JSON.createObjectBuilder(RecordReader.parse(profile.entity));
        JsonObjectBuilder identityMap = JSON.createObjectBuilder();
        Map<String, JsonArrayBuilder> byNamespace = new LinkedHashMap<>();
        for (Identity identity : found.identities()) {
            byNamespace.computeIfAbsent(identity.namespace(), ns -> JSON.createArrayBuilder())
                    .add(JSON.createObjectBuilder().add("id", identity.value()));
        }
        byNamespace.forEach(identityMap::add);
        entity.add("identityMap", identityMap);
        JsonObjectBuilder computed = JSON.createObjectBuilder()
                .add("lifetimeValue", profile.lifetimeValue)
                .add("purchasesLast30Days", profile.purchases30d)
                .add("churnPropensity", profile.churnPropensity);
        if (profile.lastPurchaseAt != null) {
            computed.add("lastPurchaseDate", Times.iso(profile.lastPurchaseAt));
        }
        entity.add("computedAttributes", computed);
        JsonObjectBuilder memberships = JSON.createObjectBuilder();
        for (ProfileStore.Membership membership : found.memberships()) {
            memberships.add(membership.segmentId(), JSON.createObjectBuilder().add("status", membership.status())
                    .add("lastQualificationTime", Times.iso(membership.since())));
        }
        entity.add("segmentMembership", JSON.createObjectBuilder().add("ups", memberships));
        JsonObject whole = entity.build();
        return JSON.createObjectBuilder()
                .add("entityId", profile.xid)
                .add("sources", JSON.createArrayBuilder().add("cdp-console"))
                .add("entity", fields.isEmpty() ? whole : only(whole, fields))
                .add("lastModifiedAt", Times.iso(profile.updatedAt))
                .build();
    }

    /** The entity cut down to the given paths (a path keeps everything below it). */
    static JsonObject only(JsonObject entity, List<String> fields) {
        Map<String, JsonValue> kept = new LinkedHashMap<>();
        RecordMerge.leaves(entity).forEach((path, value) -> {
            for (String field : fields) {
                if (path.equals(field) || path.startsWith(field + ".")) {
                    kept.put(path, value);
                    return;
                }
            }
        });
        return RecordMerge.unflatten(kept);
    }

    /** One page of a profile's events, in the shape of the entities API. */
    public JsonObject events(ProfileEntity profile, Long startTime, Long endTime, boolean newestFirst, String start,
            String eventType, int limit, java.util.function.Function<String, String> nextHref) {
        Cursor after = cursor(start);
        List<EventEntity> rows = store.events(profile.id, at(startTime), at(endTime), newestFirst, after, eventType,
                limit + 1);
        boolean more = rows.size() > limit;
        List<EventEntity> page = more ? rows.subList(0, limit) : rows;
        JsonArrayBuilder children = JSON.createArrayBuilder();
        for (EventEntity event : page) {
            children.add(JSON.createObjectBuilder()
                    .add("relatedEntityId", profile.xid)
                    .add("entityId", event.eventId)
                    .add("timestamp", event.occurredAt.toInstant().toEpochMilli())
                    .add("entity", RecordReader.parse(event.body)));
        }
        JsonObjectBuilder paging = JSON.createObjectBuilder()
                .add("orderby", newestFirst ? "-timestamp" : "timestamp")
                .add("start", start == null ? "" : start)
                .add("count", page.size());
        JsonObjectBuilder links = JSON.createObjectBuilder();
        if (more) {
            EventEntity last = page.get(page.size() - 1);
            String next = cursor(new Cursor(last.occurredAt, last.id));
            paging.add("next", next);
            links.add("next", JSON.createObjectBuilder().add("href", nextHref.apply(next)));
        } else {
            paging.add("next", "");
        }
        return JSON.createObjectBuilder().add("_page", paging).add("children", children).add("_links", links).build();
    }

    public ProfileHit.Page search(String sandbox, String q, int offset, int limit) {
        if (q == null || q.isBlank()) {
            return new ProfileHit.Page(List.of(), new dev.cdpconsole.api.SandboxList.PageInfo(limit, 0), Map.of());
        }
        List<ProfileStore.Hit> rows = store.search(sandbox, clip(q.strip()), offset, limit + 1);
        boolean more = rows.size() > limit;
        List<ProfileHit> hits = (more ? rows.subList(0, limit) : rows).stream()
                .map(p -> new ProfileHit(p.xid(), p.firstName(), p.lastName(), p.email(), p.phone(), p.city(),
                        p.lifetimeValue())).toList();
        return new ProfileHit.Page(hits, new dev.cdpconsole.api.SandboxList.PageInfo(limit, hits.size()),
                more ? Map.of("next", new dev.cdpconsole.api.Link("?q=" + java.net.URLEncoder.encode(q.strip(),
                        StandardCharsets.UTF_8) + "&limit=" + limit + "&start=" + (offset + limit))) : Map.of());
    }

    private static OffsetDateTime at(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }

    private static String cursor(Cursor cursor) {
        String raw = cursor.at().toInstant().toEpochMilli() + ":" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static Cursor cursor(String start) {
        if (start == null || start.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(start.strip()), StandardCharsets.US_ASCII).split(":");
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(ZoneOffset.UTC),
                    Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.badRequest("start-invalid", "start must be the _page.next of an earlier page");
        }
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
