package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.BatchView;
import dev.cdpconsole.api.IngestedRecord;
import dev.cdpconsole.api.ProfileApi;
import dev.cdpconsole.api.ProfileHit;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/**
 * {@code /data/core/ups}: the entities API, single-record ingestion and agent search, in the request's sandbox.
 * One instance serves every request (the caller and the URI are per-request proxies): creating it per request cost
 * a lookup about 5 % of its time.
 */
@ApplicationScoped
@Path(ProfileApi.PATH)
@RequiresRole(Role.READ)
public class ProfileResource implements ProfileApi {

    private static final int MAX_EVENTS = 1000;
    private static final int MAX_BATCH_LOOKUP = 100;

    @Inject
    ProfileLookup lookup;

    @Inject
    ProfileIngestion ingestion;

    @Inject
    BatchIngestion batches;

    @Inject
    CallContext caller;

    @Context
    UriInfo uri;

    @Override
    public JsonObject entities(String schemaName, String relatedSchemaName, String entityId, String entityIdNS,
            String relatedEntityId, String relatedEntityIdNS, String fields, String mergePolicyId, String startTime,
            String endTime, String orderby, String limit, String start, String eventType) {
        if (RecordReader.PROFILE_SCHEMA.equals(schemaName)) {
            return lookup.keyed(lookup.find(caller.sandbox(), entityId, entityIdNS), fieldList(fields)).build();
        }
        if (RecordReader.EVENT_SCHEMA.equals(schemaName)) {
            if (relatedSchemaName != null && !RecordReader.PROFILE_SCHEMA.equals(relatedSchemaName)) {
                throw ProblemException.badRequest("related-schema-unknown",
                        "relatedSchema.name must be _xdm.context.profile");
            }
            ProfileStore.Snapshot found = lookup.findWithoutMemberships(caller.sandbox(), relatedEntityId,
                    relatedEntityIdNS);
            lookup.requireGraphWithinLimit(found);
            ProfileEntity profile = found.profile();
            boolean newestFirst = orderby != null && orderby.strip().startsWith("-");
            if (orderby != null && !orderby.strip().matches("[+-]?timestamp")) {
                throw ProblemException.badRequest("orderby-invalid", "orderby must be timestamp or -timestamp");
            }
            int size = Paging.of(limit, "0", MAX_EVENTS, MAX_EVENTS).limit();
            return lookup.events(profile, epoch("startTime", startTime), epoch("endTime", endTime), newestFirst, start,
                    eventType == null || eventType.isBlank() ? null : eventType.strip(), size,
                    next -> uri.getRequestUriBuilder().replaceQueryParam("start", next).build().toString());
        }
        throw ProblemException.badRequest("schema-unknown",
                "schema.name must be _xdm.context.profile or _xdm.context.experienceevent");
    }

    @Override
    public JsonObject entitiesOf(JsonObject request) {
        if (request == null || !(request.get("identities") instanceof jakarta.json.JsonArray identities)) {
            throw ProblemException.badRequest("identities-missing", "the body needs an identities list");
        }
        if (!(request.get("schema") instanceof JsonObject schema)
                || !RecordReader.PROFILE_SCHEMA.equals(schema.getString("name", null))) {
            throw ProblemException.badRequest("schema-unknown", "schema.name must be _xdm.context.profile");
        }
        if (identities.size() > MAX_BATCH_LOOKUP) {
            throw ProblemException.badRequest("identities-too-many", "at most " + MAX_BATCH_LOOKUP + " identities");
        }
        List<String> fields = request.get("fields") instanceof jakarta.json.JsonArray list
                ? list.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        for (JsonValue item : identities) {
            if (!(item instanceof JsonObject identity) || !(identity.get("entityId") instanceof JsonString id)) {
                throw ProblemException.badRequest("identity-invalid", "each identity needs an entityId");
            }
            String namespace = identity.get("entityIdNS") instanceof JsonObject ns ? ns.getString("code", null) : null;
            try {
                ProfileStore.Snapshot found = lookup.find(caller.sandbox(), id.getString(), namespace);
                answer.add(found.profile().xid, lookup.entity(found, fields));
            } catch (ProblemException e) {
                if (e.problem().status() != 404) {
                    throw e;
                }
            }
        }
        return answer.build();
    }

    @Override
    @RequiresRole(Role.WRITE)
    public IngestedRecord ingest(String schemaName, String record) {
        if (record == null || record.isBlank()) {
            throw ProblemException.badRequest("record-missing", "the body must be one JSON record");
        }
        if (!RecordReader.PROFILE_SCHEMA.equals(schemaName) && !RecordReader.EVENT_SCHEMA.equals(schemaName)) {
            throw ProblemException.badRequest("schema-unknown",
                    "schema.name must be _xdm.context.profile or _xdm.context.experienceevent");
        }
        ProfileIngestion.Outcome outcome = ingestion.ingest(caller.sandbox(), record, schemaName, null);
        return new IngestedRecord(outcome.xid(), outcome.created(), outcome.mergedXids(), outcome.identities());
    }

    @Override
    @RequiresRole(Role.WRITE)
    public BatchView ingestBatch(String schemaName, InputStream lines) {
        if (!RecordReader.PROFILE_SCHEMA.equals(schemaName) && !RecordReader.EVENT_SCHEMA.equals(schemaName)) {
            throw ProblemException.badRequest("schema-unknown",
                    "schema.name must be _xdm.context.profile or _xdm.context.experienceevent");
        }
        return batches.submit(caller.sandbox(), schemaName, lines, caller.actor());
    }

    @Override
    public BatchView.Recent batches(String limit) {
        return batches.latest(caller.sandbox(), Paging.of(limit, "0", 20, 100).limit());
    }

    @Override
    public BatchView batch(String batchId) {
        return batches.status(caller.sandbox(), batchId);
    }

    @Override
    public ProfileHit.Page search(String q, String limit, String start) {
        Paging paging = Paging.of(limit, start, 20, 100);
        return lookup.search(caller.sandbox(), q, paging.offset(), paging.limit());
    }

    private static List<String> fieldList(String fields) {
        return fields == null || fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    }

    private static Long epoch(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + "-invalid", name + " must be epoch milliseconds");
        }
    }
}
