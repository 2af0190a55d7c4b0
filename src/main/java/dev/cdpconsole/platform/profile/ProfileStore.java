package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.db.Database;
import dev.cdpconsole.common.db.Like;
import dev.cdpconsole.common.time.Times;

/** Reads and writes profiles, identities and events; every query names its sandbox. */
@ApplicationScoped
public class ProfileStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "db.url")
    String dbUrl;

    /**
     * A profile as the entities API answers it: its row, every identity it holds, and its segment memberships (empty
     * when they were not asked for).
     */
    record Snapshot(ProfileEntity profile, List<Identity> identities, List<Membership> memberships) {
    }

    /*
     * A snapshot is one query, so one round trip: the profile found (in a CTE), then a row for each of its
     * identities, then one for each of its memberships. The first column says which of the three a row is; each
     * row fills only its own columns. Profile, identity and membership columns are, in order:
     *   2-9 id, xid, entity, lifetime_value, purchases_30d, last_purchase_at, churn_propensity, updated_at;
     *   10-11 namespace, identity_value;  12-15 segment_id, entered_at, exited_at, evaluated_at.
     */
    private static final int PROFILE_ROW = 0;
    private static final int IDENTITY_ROW = 1;
    private static final int MEMBERSHIP_ROW = 2;
    private static final String SNAPSHOT_PROFILE_COLUMNS = "SELECT p.id, p.xid, p.entity, p.lifetime_value, "
            + "p.purchases_30d, p.last_purchase_at, p.churn_propensity, p.updated_at ";
    // The first branch of a UNION gives its columns their types (PostgreSQL resolves them pairwise, left to right).
    private static final String NO_TEXT = "CAST(NULL AS VARCHAR(320))";
    private static final String NO_TIME = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
    private static final String SNAPSHOT_ROWS = "SELECT " + PROFILE_ROW + ", p.id, p.xid, p.entity, p.lifetime_value, "
            + "p.purchases_30d, p.last_purchase_at, p.churn_propensity, p.updated_at, "
            + NO_TEXT + ", " + NO_TEXT + ", " + NO_TEXT + ", " + NO_TIME + ", " + NO_TIME + ", " + NO_TIME + " FROM p "
            + "UNION ALL SELECT " + IDENTITY_ROW + ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            + "j.namespace, j.identity_value, NULL, NULL, NULL, NULL "
            + "FROM p JOIN profile_identity j ON j.profile_id = p.id ";
    private static final String SNAPSHOT_MEMBERSHIP_ROWS = "UNION ALL SELECT " + MEMBERSHIP_ROW + ", "
            + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            + "m.segment_id, m.entered_at, m.exited_at, d.evaluated_at FROM p "
            + "JOIN segment_membership m ON m.profile_id = p.id JOIN segment_definition d ON d.id = m.segment_id ";
    private static final String SNAPSHOT_ORDER = "ORDER BY 1, 10, 11, 12";
    private static final String BY_IDENTITY = "FROM profile_identity i JOIN profile p ON p.id = i.profile_id "
            + "WHERE i.sandbox = ? AND i.namespace = ? AND i.identity_value = ?";
    private static final String BY_XID = "FROM profile p WHERE p.sandbox = ? AND p.xid = ?";

    /** The snapshot's query of the profile that {@code from} finds, with its memberships or without. */
    static String snapshotQuery(String from, boolean withMemberships) {
        return "WITH p AS (" + SNAPSHOT_PROFILE_COLUMNS + from + ") " + SNAPSHOT_ROWS
                + (withMemberships ? SNAPSHOT_MEMBERSHIP_ROWS : "") + SNAPSHOT_ORDER;
    }

    private static final String SNAPSHOT_BY_IDENTITY = snapshotQuery(BY_IDENTITY, false);
    static final String SNAPSHOT_BY_IDENTITY_WITH_MEMBERSHIPS = snapshotQuery(BY_IDENTITY, true);
    private static final String SNAPSHOT_BY_XID = snapshotQuery(BY_XID, false);
    private static final String SNAPSHOT_BY_XID_WITH_MEMBERSHIPS = snapshotQuery(BY_XID, true);

    /**
     * The profile that holds the identity, with its identities and, if asked, its memberships. This is the entities
     * API's hot path, so it stays out of the persistence context and sends one query (see above).
     */
    Optional<Snapshot> snapshotByIdentity(String sandbox, String namespace, String value, boolean withMemberships) {
        return snapshot(withMemberships ? SNAPSHOT_BY_IDENTITY_WITH_MEMBERSHIPS : SNAPSHOT_BY_IDENTITY,
                sandbox, namespace, value);
    }

    /** The profile with that XID, as {@link #snapshotByIdentity}. */
    Optional<Snapshot> snapshotByXid(String sandbox, String xid, boolean withMemberships) {
        return snapshot(withMemberships ? SNAPSHOT_BY_XID_WITH_MEMBERSHIPS : SNAPSHOT_BY_XID, sandbox, xid);
    }

    private Optional<Snapshot> snapshot(String sql, String... parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            ProfileEntity profile = null;
            List<Identity> identities = new ArrayList<>();
            List<Membership> memberships = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getInt(1)) {
                        case PROFILE_ROW -> profile = profile(rows);
                        case IDENTITY_ROW -> identities.add(new Identity(rows.getString(10), rows.getString(11)));
                        case MEMBERSHIP_ROW -> memberships.add(membership(rows));
                        default -> throw new IllegalStateException("A snapshot row of no known kind");
                    }
                }
            }
            return Optional.ofNullable(profile)
                    .map(found -> new Snapshot(found, List.copyOf(identities), List.copyOf(memberships)));
        } catch (SQLException e) {
            throw new IllegalStateException("The profile could not be read: " + e.getMessage(), e);
        }
    }

    private static ProfileEntity profile(ResultSet row) throws SQLException {
        ProfileEntity profile = new ProfileEntity();
        profile.id = row.getLong(2);
        profile.xid = row.getString(3);
        profile.entity = row.getString(4);
        profile.lifetimeValue = row.getBigDecimal(5);
        profile.purchases30d = row.getInt(6);
        profile.lastPurchaseAt = Times.offset(row, 7);
        profile.churnPropensity = row.getDouble(8);
        profile.updatedAt = Times.offset(row, 9);
        return profile;
    }

    /**
     * A membership row of a snapshot. The status is read off the times: exited once it left, realized when it
     * entered at its segment's latest evaluation, existing otherwise.
     */
    private static Membership membership(ResultSet row) throws SQLException {
        OffsetDateTime entered = Times.offset(row, 13);
        OffsetDateTime exited = Times.offset(row, 14);
        OffsetDateTime evaluated = Times.offset(row, 15);
        String status = exited != null ? "exited"
                : evaluated == null || entered.isEqual(evaluated) ? "realized" : "existing";
        return new Membership(row.getString(12), status, exited != null ? exited : entered);
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

    /** A profile's segment membership: realized, existing or exited, and since when (Adobe's status names). */
    record Membership(String segmentId, String status, OffsetDateTime since) {
    }

    void add(Object entity) {
        em.persist(entity);
    }

    void flush() {
        em.flush();
    }

    /**
     * Moves identities, fragments, events and segment memberships of a profile merged away to the one that stays,
     * then removes it. Where both were in a segment, the membership of the one that stays is kept.
     */
    void mergeInto(ProfileEntity keeper, ProfileEntity merged) {
        for (String entity : List.of("IdentityEntity", "FragmentEntity", "EventEntity")) {
            em.createQuery("UPDATE " + entity + " x SET x.profileId = :keeper WHERE x.profileId = :merged")
                    .setParameter("keeper", keeper.id).setParameter("merged", merged.id).executeUpdate();
        }
        em.createNativeQuery(MOVE_MEMBERSHIPS.get(0)).setParameter(1, merged.id).setParameter(2, keeper.id)
                .executeUpdate();
        em.createNativeQuery(MOVE_MEMBERSHIPS.get(1)).setParameter(1, keeper.id).setParameter(2, merged.id)
                .executeUpdate();
        em.remove(merged);
    }

    /**
     * Moving a merged profile's memberships: first those the profile that stays has too go (merged, keeper), then
     * the rest move (keeper, merged).
     */
    static final List<String> MOVE_MEMBERSHIPS = List.of(
            "DELETE FROM segment_membership WHERE profile_id = ? AND segment_id IN "
                    + "(SELECT k.segment_id FROM segment_membership k WHERE k.profile_id = ?)",
            "UPDATE segment_membership SET profile_id = ? WHERE profile_id = ?");

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

    /**
     * Profiles whose first name, last name, email or phone digits start with the text, or that hold exactly that
     * identity value; ordered by the value that matched (exact identities first), then by id. Each of the five
     * is one query reading an index in order and stopping at {@code offset + limit} rows; the page is their merge
     * (a profile found twice sorts by its smaller value), so no query sorts all the profiles that match.
     */
    List<Hit> search(String sandbox, String text, int offset, int limit) {
        int wanted = offset + limit;
        String key = SearchFields.key(text);
        String digits = SearchFields.digits(text);
        List<Hit> found = new ArrayList<>(exact(sandbox, text.strip(), wanted));
        if (key != null) {
            for (String column : List.of("firstNameKey", "lastNameKey", "emailKey")) {
                found.addAll(prefix(sandbox, column, key, wanted));
            }
        }
        if (digits != null && digits.length() >= 3) {
            found.addAll(prefix(sandbox, "phoneKey", digits, wanted));
        }
        found.sort(Comparator.comparing(Hit::sortKey).thenComparingLong(Hit::id));
        Map<Long, Hit> first = new LinkedHashMap<>();
        found.forEach(hit -> first.putIfAbsent(hit.id(), hit));
        return first.values().stream().skip(offset).limit(limit).toList();
    }

    private static final String HIT = "SELECT p.id, p.xid, p.firstName, p.lastName, p.email, p.phone, p.city, "
            + "p.lifetimeValue";

    private List<Hit> exact(String sandbox, String value, int wanted) {
        return em.createQuery(HIT + " FROM ProfileEntity p WHERE p.sandbox = :sandbox AND p.id IN (SELECT i.profileId "
                + "FROM IdentityEntity i WHERE i.value = :value AND i.sandbox = :sandbox) ORDER BY p.id", Object[].class)
                .setParameter("sandbox", sandbox).setParameter("value", value).setMaxResults(wanted)
                .getResultStream().map(row -> hit(row, "")).toList();
    }

    /**
     * The profiles whose key starts with the prefix, in key order. The range lets the index do the work in any
     * database (LIKE uses an index only under some collations); LIKE keeps the answer exact. The ORDER BY names the
     * index's columns from its first, the sandbox, though the WHERE fixes it: H2 reads an index in order only for
     * an ORDER BY that starts where the index does, and otherwise sorts every match before it takes a page (50,001
     * index rows read for a page of 20 of 200,000 profiles, against 20); PostgreSQL reads it in order either way.
     */
    private List<Hit> prefix(String sandbox, String column, String prefix, int wanted) {
        return em.createQuery(HIT + ", p." + column + " FROM ProfileEntity p WHERE p.sandbox = :sandbox AND p." + column
                + " >= :low AND p." + column + " < :high AND p." + column + " LIKE :pattern ESCAPE '\\' "
                + "ORDER BY p.sandbox, p." + column + ", p.id", Object[].class).setParameter("sandbox", sandbox)
                .setParameter("low", prefix).setParameter("high", prefix + top())
                .setParameter("pattern", Like.prefix(prefix)).setMaxResults(wanted)
                .getResultStream().map(row -> hit(row, (String) row[8])).toList();
    }

    /**
     * What sorts after every text that starts with what precedes it: PostgreSQL (its database made with a code-point
     * collation, C.UTF-8, as server-config/postgresql/setup.sh makes it) compares code points, so the last one,
     * U+10FFFF; H2 compares UTF-16 units, so U+FFFF.
     */
    private String top() {
        return dbUrl.startsWith("jdbc:postgresql") ? new String(Character.toChars(Character.MAX_CODE_POINT)) : "\uFFFF";
    }

    private static Hit hit(Object[] row, String sortKey) {
        return new Hit((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (BigDecimal) row[7], sortKey);
    }

    /** A search hit: what a row of results shows, and the value it sorts by. */
    record Hit(long id, String xid, String firstName, String lastName, String email, String phone, String city,
            BigDecimal lifetimeValue, String sortKey) {
    }

    /**
     * Up to {@code limit} profiles holding data of the batch (or, with no batch, of the dataset: profile records or
     * events), lowest id first.
     */
    @Transactional
    public List<Long> holdersOf(String sandbox, Removal removal, int limit) {
        List<Long> ids = new ArrayList<>();
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
    @Transactional
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
                em.createNativeQuery("DELETE FROM segment_membership WHERE profile_id = ?").setParameter(1, profile.id)
                        .executeUpdate();
                em.remove(profile);
                gone++;
                continue;
            }
            Map<String, JsonValue> leaves = new LinkedHashMap<>();
            Map<String, Long> times = new LinkedHashMap<>();
            for (FragmentEntity fragment : fragments) {
                RecordMerge.mergeRecord(leaves, times, RecordReader.parse(fragment.body), fragment.recordTime);
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
