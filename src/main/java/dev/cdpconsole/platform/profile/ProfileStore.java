package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import dev.cdpconsole.common.db.Like;

/** Reads and writes profiles, identities and events; every query names its sandbox. */
@ApplicationScoped
public class ProfileStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    Optional<ProfileEntity> byXid(String sandbox, String xid) {
        return em.createNamedQuery("Profile.byXid", ProfileEntity.class).setParameter("sandbox", sandbox)
                .setParameter("xid", xid).getResultStream().findFirst();
    }

    Optional<ProfileEntity> byIdentity(String sandbox, String namespace, String value) {
        return em.createQuery("SELECT p FROM ProfileEntity p, IdentityEntity i WHERE i.sandbox = :sandbox "
                + "AND i.namespace = :ns AND i.value = :value AND p.id = i.profileId", ProfileEntity.class)
                .setParameter("sandbox", sandbox).setParameter("ns", namespace).setParameter("value", value)
                .getResultStream().findFirst();
    }

    /** The profiles holding any of the identities, locked, oldest first. */
    List<ProfileEntity> lockHolders(String sandbox, List<Identity> identities) {
        List<Long> ids = identities.stream().flatMap(identity -> em.createQuery("SELECT i.profileId FROM IdentityEntity i "
                + "WHERE i.sandbox = :sandbox AND i.namespace = :ns AND i.value = :value", Long.class)
                .setParameter("sandbox", sandbox).setParameter("ns", identity.namespace())
                .setParameter("value", identity.value()).getResultStream()).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM ProfileEntity p WHERE p.id IN :ids ORDER BY p.id", ProfileEntity.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    List<Identity> identities(Long profileId) {
        return em.createQuery("SELECT i FROM IdentityEntity i WHERE i.profileId = :profile ORDER BY i.namespace, i.value",
                IdentityEntity.class).setParameter("profile", profileId).getResultStream()
                .map(i -> new Identity(i.namespace, i.value)).toList();
    }

    long identityCount(Long profileId) {
        return em.createQuery("SELECT COUNT(i) FROM IdentityEntity i WHERE i.profileId = :profile", Long.class)
                .setParameter("profile", profileId).getSingleResult();
    }

    void add(Object entity) {
        em.persist(entity);
    }

    void flush() {
        em.flush();
    }

    /** Moves identities, fragments and events of a profile merged away to the one that stays, then removes it. */
    void mergeInto(ProfileEntity keeper, ProfileEntity merged) {
        for (String entity : List.of("IdentityEntity", "FragmentEntity", "EventEntity")) {
            em.createQuery("UPDATE " + entity + " x SET x.profileId = :keeper WHERE x.profileId = :merged")
                    .setParameter("keeper", keeper.id).setParameter("merged", merged.id).executeUpdate();
        }
        em.remove(merged);
    }

    /** Purchase totals, counts and the last purchase of a profile, for its scores. */
    Scores scores(Long profileId, OffsetDateTime now) {
        Object[] row = em.createQuery("SELECT SUM(e.priceTotal), MAX(e.occurredAt), "
                + "SUM(CASE WHEN e.occurredAt > :d30 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN e.occurredAt > :d180 THEN 1 ELSE 0 END) "
                + "FROM EventEntity e WHERE e.profileId = :profile AND e.eventType = :purchase", Object[].class)
                .setParameter("d30", now.minusDays(30)).setParameter("d180", now.minusDays(180))
                .setParameter("profile", profileId).setParameter("purchase", EventEntity.PURCHASE).getSingleResult();
        BigDecimal total = row[0] == null ? BigDecimal.ZERO : new BigDecimal(row[0].toString());
        OffsetDateTime last = row[1] instanceof OffsetDateTime t ? t : null;
        int in30 = row[2] == null ? 0 : ((Number) row[2]).intValue();
        int in180 = row[3] == null ? 0 : ((Number) row[3]).intValue();
        return Scores.of(total, in30, in180, last, now);
    }

    /** A page of a profile's events in a time range, ordered by time, after a (time, id) cursor. */
    List<EventEntity> events(Long profileId, OffsetDateTime from, OffsetDateTime to, boolean newestFirst,
            Cursor after, String eventType, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM EventEntity e WHERE e.profileId = :profile");
        if (from != null) {
            jpql.append(" AND e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.occurredAt < :to");
        }
        if (eventType != null) {
            jpql.append(" AND e.eventType = :type");
        }
        if (after != null) {
            jpql.append(newestFirst
                    ? " AND (e.occurredAt < :at OR (e.occurredAt = :at AND e.id < :id))"
                    : " AND (e.occurredAt > :at OR (e.occurredAt = :at AND e.id > :id))");
        }
        jpql.append(newestFirst ? " ORDER BY e.occurredAt DESC, e.id DESC" : " ORDER BY e.occurredAt, e.id");
        var query = em.createQuery(jpql.toString(), EventEntity.class).setParameter("profile", profileId)
                .setMaxResults(limit);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (eventType != null) {
            query.setParameter("type", eventType);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    long count(String sandbox) {
        return em.createNamedQuery("Profile.count", Long.class).setParameter("sandbox", sandbox).getSingleResult();
    }

    void removeAll(String sandbox) {
        for (String entity : List.of("EventEntity", "FragmentEntity", "IdentityEntity", "ProfileEntity")) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.sandbox = :sandbox").setParameter("sandbox", sandbox)
                    .executeUpdate();
        }
    }

    /** Profiles whose name, email or phone starts with the text, or that hold exactly that identity value. */
    List<ProfileEntity> search(String sandbox, String text, int offset, int limit) {
        String key = SearchFields.key(text);
        String digits = SearchFields.digits(text);
        String prefix = Like.prefix(key);
        // "-" never matches: phone keys hold digits only (and PostgreSQL refuses a NUL in a string).
        String digitPrefix = digits == null || digits.length() < 3 ? "-" : Like.prefix(digits);
        return em.createQuery("SELECT p FROM ProfileEntity p WHERE p.sandbox = :sandbox AND ("
                + "p.firstNameKey LIKE :prefix ESCAPE '\\' OR p.lastNameKey LIKE :prefix ESCAPE '\\' "
                + "OR p.emailKey LIKE :prefix ESCAPE '\\' OR p.phoneKey LIKE :digits ESCAPE '\\' "
                + "OR p.id IN (SELECT i.profileId FROM IdentityEntity i WHERE i.sandbox = :sandbox AND i.value = :exact)) "
                + "ORDER BY p.lastNameKey, p.firstNameKey, p.id", ProfileEntity.class)
                .setParameter("sandbox", sandbox).setParameter("prefix", prefix).setParameter("digits", digitPrefix)
                .setParameter("exact", text.strip()).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Up to {@code limit} profiles holding data of the batch (or, with no batch, of the dataset: profile records or
     * events), lowest id first.
     */
    @jakarta.transaction.Transactional
    public List<Long> holdersOf(String sandbox, Removal removal, int limit) {
        List<Long> ids = new java.util.ArrayList<>();
        if (removal.records()) {
            ids.addAll(holders("FragmentEntity", sandbox, removal.batchId(), limit));
        }
        if (removal.events()) {
            ids.addAll(holders("EventEntity", sandbox, removal.batchId(), limit));
        }
        return ids.stream().distinct().sorted().limit(limit).toList();
    }

    private List<Long> holders(String entity, String sandbox, String batchId, int limit) {
        var query = em.createQuery("SELECT DISTINCT x.profileId FROM " + entity + " x WHERE x.sandbox = :sandbox"
                + (batchId == null ? "" : " AND x.batchId = :batch") + " ORDER BY x.profileId", Long.class)
                .setParameter("sandbox", sandbox).setMaxResults(limit);
        if (batchId != null) {
            query.setParameter("batch", batchId);
        }
        return query.getResultList();
    }

    /**
     * Removes the batch's (or dataset's) records and events from these profiles, then rebuilds each from the records
     * it has left, by time; a profile with no record and no event left goes, with its identities.
     */
    @jakarta.transaction.Transactional
    public Removed remove(String sandbox, Removal removal, List<Long> profileIds, OffsetDateTime now) {
        List<ProfileEntity> profiles = em.createQuery("SELECT p FROM ProfileEntity p WHERE p.sandbox = :sandbox "
                + "AND p.id IN :ids ORDER BY p.id", ProfileEntity.class).setParameter("sandbox", sandbox)
                .setParameter("ids", profileIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (profiles.isEmpty()) {
            return new Removed(0, 0);
        }
        List<Long> ids = profiles.stream().map(p -> p.id).toList();
        long records = 0;
        if (removal.records()) {
            records += removeFrom("FragmentEntity", ids, removal.batchId());
        }
        if (removal.events()) {
            records += removeFrom("EventEntity", ids, removal.batchId());
        }
        long gone = 0;
        for (ProfileEntity profile : profiles) {
            List<FragmentEntity> fragments = em.createQuery("SELECT f FROM FragmentEntity f WHERE f.profileId = :id "
                    + "ORDER BY f.recordTime, f.id", FragmentEntity.class).setParameter("id", profile.id).getResultList();
            long events = em.createQuery("SELECT COUNT(e) FROM EventEntity e WHERE e.profileId = :id", Long.class)
                    .setParameter("id", profile.id).getSingleResult();
            if (fragments.isEmpty() && events == 0) {
                em.createQuery("DELETE FROM IdentityEntity i WHERE i.profileId = :id").setParameter("id", profile.id)
                        .executeUpdate();
                em.remove(profile);
                gone++;
                continue;
            }
            Map<String, JsonValue> leaves = new java.util.LinkedHashMap<>();
            Map<String, Long> times = new java.util.LinkedHashMap<>();
            for (FragmentEntity fragment : fragments) {
                Map<String, JsonValue> fields = RecordMerge.flatten(RecordReader.parse(fragment.body));
                fields.remove("timestamp");
                RecordMerge.merge(leaves, times, fields, fragment.recordTime);
            }
            ProfileIngestion.store(profile, leaves, times, now);
            profile.scores(scores(profile.id, now), now);
        }
        return new Removed(records, gone);
    }

    private int removeFrom(String entity, List<Long> ids, String batchId) {
        var delete = em.createQuery("DELETE FROM " + entity + " x WHERE x.profileId IN :ids"
                + (batchId == null ? "" : " AND x.batchId = :batch")).setParameter("ids", ids);
        if (batchId != null) {
            delete.setParameter("batch", batchId);
        }
        return delete.executeUpdate();
    }

    /** What a delete request removes: a batch's records and events, or every profile record, or every event. */
    record Removal(String batchId, boolean records, boolean events) {
    }

    /** What one step of a deletion removed: records (profile records and events) and whole profiles. */
    record Removed(long records, long profiles) {
    }

    /** An identity: a namespace code and a value. */
    record Identity(String namespace, String value) {
    }

    /** Where a page of events ends: its last event's time and id. */
    record Cursor(OffsetDateTime at, long id) {
    }
}
