package dev.cdpconsole.platform.profile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.profile.ProfileStore.Identity;

/**
 * Takes in one record at a time: a profile record is merged into the profile of its identities (by time, field by
 * field) and kept as a fragment of it, an experience event is added to it. Records that share any identity are one
 * profile; a record that joins several profiles merges them into the oldest, moving identities, fragments and
 * events, so nothing is lost. Batches take the faster {@link BulkIngestion}, which gives the same result.
 */
@ApplicationScoped
public class ProfileIngestion {

    @Inject
    ProfileStore store;

    @Inject
    RecordReader reader;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-identities", defaultValue = "50")
    int maxIdentities;

    /** What one ingested record did. */
    public record Outcome(String xid, boolean created, List<String> mergedXids, int identities) {
    }

    /** Ingests one record (the raw JSON text of it) into the sandbox; a bad record is a 400 naming the reason. */
    @Transactional
    public Outcome ingest(String sandbox, String json, String schema, String batchId) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Incoming incoming = reader.read(json, schema, now);
        List<Identity> identities = incoming.identities();

        List<ProfileEntity> holders = store.lockHolders(sandbox, identities);
        Set<Identity> graph = new LinkedHashSet<>(identities);
        holders.forEach(p -> graph.addAll(store.identities(p.id)));
        if (graph.size() > maxIdentities) {
            throw graphTooLarge(graph.size(), maxIdentities);
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
        if (incoming.isEvent()) {
            Incoming.Event e = incoming.event();
            store.add(new EventEntity(sandbox, profile.id, e.eventId(), e.at(), e.type(), e.total(), e.currency(),
                    batchId, incoming.body()));
        } else {
            mergeRecord(profile, incoming.record(), incoming.time(), now);
            store.add(new FragmentEntity(sandbox, profile.id, batchId, incoming.time(), incoming.body()));
        }
        store.flush();
        profile.scores(store.scores(profile.id, now), now);
        return new Outcome(profile.xid, created, List.copyOf(mergedXids), known.size());
    }

    static dev.cdpconsole.common.problem.ProblemException graphTooLarge(int size, int max) {
        return RecordReader.refused("identity-graph-too-large", "the record would join an identity graph of " + size
                + " identities; at most " + max + " are allowed");
    }

    private void mergeRecord(ProfileEntity profile, JsonObject record, long time, OffsetDateTime now) {
        Map<String, JsonValue> leaves = RecordMerge.flatten(RecordReader.parse(profile.entity));
        Map<String, Long> times = times(profile, leaves);
        RecordMerge.mergeRecord(leaves, times, record, time);
        store(profile, leaves, times, now);
    }

    /** Folds the record of a profile merged away into the one that stays, each field by its own time. */
    private void mergeRecords(ProfileEntity keeper, ProfileEntity merged, OffsetDateTime now) {
        Map<String, JsonValue> leaves = RecordMerge.flatten(RecordReader.parse(keeper.entity));
        Map<String, Long> times = times(keeper, leaves);
        Map<String, JsonValue> mergedLeaves = RecordMerge.flatten(RecordReader.parse(merged.entity));
        RecordMerge.mergeAll(leaves, times, mergedLeaves, times(merged, mergedLeaves));
        store(keeper, leaves, times, now);
    }

    private static Map<String, Long> times(ProfileEntity profile, Map<String, JsonValue> leaves) {
        return RecordMerge.times(leaves, profile.fieldTime, RecordReader.parse(profile.fieldTimes));
    }

    static void store(ProfileEntity profile, Map<String, JsonValue> leaves, Map<String, Long> times,
            OffsetDateTime now) {
        JsonObject entity = RecordMerge.unflatten(leaves);
        profile.record(entity.toString(), RecordMerge.store(times), SearchFields.of(entity), now);
    }
}
