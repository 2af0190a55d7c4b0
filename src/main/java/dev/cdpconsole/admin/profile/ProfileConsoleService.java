package dev.cdpconsole.admin.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.admin.segment.SegmentClient;
import dev.cdpconsole.api.BatchView;
import dev.cdpconsole.api.ProfileApi;
import dev.cdpconsole.api.SegmentApi;
import dev.cdpconsole.api.DeleteRequest;
import dev.cdpconsole.api.ProfileHit;
import dev.cdpconsole.api.SystemJob;
import dev.cdpconsole.api.SystemJobApi;

/** What the Profiles pages ask of the platform, in the switcher's sandbox. */
@ApplicationScoped
public class ProfileConsoleService {

    static final int PAGE = 20;
    static final int EVENTS_PAGE = 10;
    private static final String PROFILE = "_xdm.context.profile";
    private static final String EVENT = "_xdm.context.experienceevent";

    @Inject
    PlatformClients clients;

    private ProfileClient api() {
        return clients.get(ProfileClient.class, ProfileApi.PATH);
    }

    public ProfileHit.Page search(String q, int page) {
        return api().search(q, Integer.toString(PAGE), Integer.toString(page * PAGE));
    }

    /** The profile's entity (merged record, identities, computed attributes) by XID. */
    public JsonObject profile(String xid) {
        JsonObject keyed = api().entities(PROFILE, null, xid, null, null, null, null, null, null, null, null, null,
                null, null);
        return keyed.getJsonObject(xid);
    }

    /** A segment the profile belongs to (or left): its name, Adobe's status and since when (ISO, UTC). */
    public record Membership(String segmentId, String name, String status, String since) {
        public boolean isExited() {
            return "exited".equals(status);
        }
    }

    /**
     * The entity's {@code segmentMembership.ups}, members first and newest first, each with its segment's name
     * (one call for the sandbox's definitions, only when there is a membership to name).
     */
    public List<Membership> memberships(JsonObject entity) {
        JsonObject ups = entity.getJsonObject("segmentMembership") == null ? null
                : entity.getJsonObject("segmentMembership").getJsonObject("ups");
        if (ups == null || ups.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        clients.get(SegmentClient.class, SegmentApi.PATH).list("100", "0", null, null).segments()
                .forEach(s -> names.put(s.id(), s.name()));
        List<Membership> memberships = new ArrayList<>();
        ups.forEach((id, value) -> {
            JsonObject m = value.asJsonObject();
            memberships.add(new Membership(id, names.getOrDefault(id, id), m.getString("status", ""),
                    m.getString("lastQualificationTime", "")));
        });
        memberships.sort(java.util.Comparator.comparing(Membership::isExited)
                .thenComparing(Membership::since, java.util.Comparator.reverseOrder()));
        return memberships;
    }

    /** A page of the profile's events, newest first, optionally of one type. */
    public JsonObject events(String xid, String eventType, String start) {
        return api().entities(EVENT, PROFILE, null, null, xid, null, null, null, null, null, "-timestamp",
                Integer.toString(EVENTS_PAGE), start, eventType);
    }

    /** Sends an upload to the platform as it is read. */
    public BatchView submitBatch(String schema, InputStream lines) {
        return api().ingestBatch(schema, lines);
    }

    public List<BatchView> batches() {
        return api().batches("20").batches();
    }

    public BatchView batch(String id) {
        return api().batch(id);
    }

    /** Asks the platform to delete what the batch brought in. */
    public SystemJob deleteBatch(String batchId) {
        return jobs().create(new DeleteRequest(batchId, null));
    }

    /** The latest delete request for the batch, if any (among the sandbox's latest hundred). */
    public Optional<DeletionView> deletion(String batchId) {
        return jobs().list("100", "0", null, null).children().stream().filter(j -> batchId.equals(j.batchId()))
                .findFirst().map(DeletionView::of);
    }

    private SystemJobClient jobs() {
        return clients.get(SystemJobClient.class, SystemJobApi.PATH);
    }

    /** A delete request as the Import page shows it, its metrics read. */
    public record DeletionView(String id, String status, long records, long profiles, String error) {

        public boolean isRunning() {
            return "NEW".equals(status) || "IN-PROGRESS".equals(status);
        }

        static DeletionView of(SystemJob job) {
            JsonObject metrics = JSON.createReader(new java.io.StringReader(job.metrics())).readObject();
            return new DeletionView(job.id(), job.status(), metrics.getJsonNumber("recordsProcessed").longValue(),
                    metrics.getJsonNumber("profilesRemoved").longValue(), job.error());
        }
    }

    /** The record's attributes grouped by their top-level field, each group as rows of (path, value). */
    static Map<String, List<String[]>> groups(JsonObject entity) {
        Map<String, List<String[]>> groups = new java.util.LinkedHashMap<>();
        entity.forEach((key, value) -> {
            if (!"identityMap".equals(key) && !"computedAttributes".equals(key) && !"segmentMembership".equals(key)) {
                List<String[]> rows = new ArrayList<>();
                flatten("", value, rows);
                groups.put(key, rows);
            }
        });
        return groups;
    }

    private static void flatten(String path, JsonValue value, List<String[]> rows) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            object.forEach((key, child) -> flatten(path.isEmpty() ? key : path + "." + key, child, rows));
        } else {
            String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
            rows.add(new String[] {path.isEmpty() ? "—" : path, text});
        }
    }
}
