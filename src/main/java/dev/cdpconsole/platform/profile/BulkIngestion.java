package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.BatchView.LineError;
import dev.cdpconsole.common.db.Database;
import dev.cdpconsole.common.db.TableRows;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.profile.ProfileStore.Identity;

/**
 * Takes in a chunk of a batch at once, with the result {@link ProfileIngestion} gives record by record: the
 * chunk's identities are looked up in a few queries, the profiles holding them are locked, the records are
 * stitched and merged in memory in line order (the same rules: the oldest profile stays, fields merge by time,
 * a graph over the limit refuses the line), and everything is written with JDBC batches in one transaction.
 * A failure of the database (say, another writer created one of the identities meanwhile) rolls the chunk back;
 * the caller then takes it record by record.
 */
@ApplicationScoped
public class BulkIngestion {

    /** The sequences hand out blocks of this size, as the entities' allocation size says. */
    private static final int BLOCK = 50;
    private static final int IN_LIST = 500;
    private static final String[] PROFILE_COLUMNS = {"id", "sandbox", "xid", "first_name", "last_name", "email",
        "phone", "city", "first_name_key", "last_name_key", "email_key", "phone_key", "entity", "field_times",
        "field_time", "lifetime_value", "purchases_30d", "last_purchase_at", "churn_propensity", "created_at",
        "updated_at"};

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RecordReader reader;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-identities", defaultValue = "50")
    int maxIdentities;

    /** One line of a batch: its number in the file and its text. */
    public record Line(int number, String text) {
    }

    /** A line read and checked, with its number. */
    private record Read(int line, Incoming incoming) {
    }

    /** Work done in the chunk's own transaction once its lines are in: recording the batch's progress, say. */
    @FunctionalInterface
    public interface AfterChunk {
        AfterChunk NOTHING = (db, refused) -> { };

        void write(Connection db, List<LineError> refused) throws SQLException;
    }

    /**
     * Ingests the lines, then runs {@code after} in the same transaction; answers the lines refused, with their
     * reasons. Throws (and changes nothing) when the database failed.
     */
    @Transactional
    public List<LineError> ingest(String sandbox, String schema, String batchId, List<Line> lines, AfterChunk after) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<LineError> refused = new ArrayList<>();
        List<Read> read = new ArrayList<>(lines.size());
        for (Line line : lines) {
            try {
                read.add(new Read(line.number(), reader.read(line.text(), schema, now)));
            } catch (ProblemException e) {
                refused.add(new LineError(line.number(), e.problem().detail()));
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            Chunk chunk = new Chunk(connection, sandbox, batchId, now);
            chunk.load(read.stream().flatMap(r -> r.incoming().identities().stream()).distinct().toList());
            for (Read r : read) {
                String reason = chunk.add(r.incoming());
                if (reason != null) {
                    refused.add(new LineError(r.line(), reason));
                }
            }
            chunk.write();
            refused.sort(Comparator.comparingInt(LineError::line));
            after.write(connection, refused);
        } catch (SQLException e) {
            throw new IllegalStateException("The chunk could not be written: " + e.getMessage(), e);
        }
        return refused;
    }

    /** A profile as the chunk sees it: one loaded from the database, or one the chunk creates. */
    private static final class Group {
        final Long existingId;
        final long rank;
        Long id;
        String xid;
        OffsetDateTime createdAt;
        final Map<String, JsonValue> leaves;
        final Map<String, Long> times;
        final Set<Identity> identities = new LinkedHashSet<>();
        final List<Identity> added = new ArrayList<>();
        final List<Incoming> fragments = new ArrayList<>();
        final List<Incoming> events = new ArrayList<>();
        final List<Long> absorbed = new ArrayList<>();
        boolean changed;
        Group parent;
        /**
         * The one record of a profile this chunk creates, while no other record has joined it: its leaves are
         * taken apart only when one does, since most profiles of a load are made by one record, and the record is
         * then written as it is ({@link RecordMerge#alone}).
         */
        Incoming alone;

        Group(Long existingId, long rank, Map<String, JsonValue> leaves, Map<String, Long> times) {
            this.existingId = existingId;
            this.id = existingId;
            this.rank = rank;
            this.leaves = leaves;
            this.times = times;
        }

        Group root() {
            Group g = this;
            while (g.parent != null) {
                g = g.parent;
            }
            return g;
        }

        /** The group with the leaves and times of its record alone, once another record is merged in. */
        Group taken() {
            if (alone != null) {
                RecordMerge.mergeRecord(leaves, times, alone.record(), alone.time());
                alone = null;
            }
            return this;
        }
    }

    private final class Chunk {
        private final Connection db;
        private final boolean postgres;
        private final String sandbox;
        private final String batchId;
        private final OffsetDateTime now;
        private final Map<Identity, Group> owners = new HashMap<>();
        private final List<Group> groups = new ArrayList<>();
        private long created;

        Chunk(Connection db, String sandbox, String batchId, OffsetDateTime now) throws SQLException {
            this.db = db;
            this.postgres = Database.isPostgres(db);
            if (postgres) {
                // Every read of a chunk is a lookup by key. While a big load is young, PostgreSQL's statistics still
                // say the tables are tiny and it plans scans, which grow with every chunk; in this transaction only,
                // it takes the indexes.
                // The commit need not wait for the disk: a chunk and the progress that says it is done commit
                // together, so a crash that loses the commit loses both, and the batch takes the chunk up again.
                try (var statement = db.createStatement()) {
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL synchronous_commit = off");
                }
            }
            this.sandbox = sandbox;
            this.batchId = batchId;
            this.now = now;
        }

        /** Finds and locks the profiles holding any of the identities, with all their identities. */
        void load(List<Identity> identities) throws SQLException {
            Set<Identity> wanted = new java.util.HashSet<>(identities);
            Set<Long> holders = new TreeSet<>();
            for (List<String> values : slices(identities.stream().map(Identity::value).distinct().toList())) {
                // The sandbox is compared here, not in SQL: with it there, H2 once scanned the sandbox instead of
                // taking the value's index (now the key, which leads with the value).
                try (PreparedStatement q = db.prepareStatement("SELECT namespace, identity_value, profile_id, sandbox "
                        + "FROM profile_identity WHERE identity_value = ANY (?)")) {
                    q.setArray(1, db.createArrayOf("VARCHAR", values.toArray()));
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            if (sandbox.equals(rows.getString(4))
                                    && wanted.contains(new Identity(rows.getString(1), rows.getString(2)))) {
                                holders.add(rows.getLong(3));
                            }
                        }
                    }
                }
            }
            Map<Long, Group> loaded = new HashMap<>();
            for (List<Long> ids : slices(List.copyOf(holders))) {
                try (PreparedStatement q = db.prepareStatement("SELECT id, xid, entity, field_times, field_time, "
                        + "created_at FROM profile WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
                    q.setArray(1, longs(ids));
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            long id = rows.getLong(1);
                            Map<String, JsonValue> leaves = RecordMerge.flatten(RecordReader.parse(rows.getString(3)));
                            long fieldTime = rows.getLong(5);
                            Long common = rows.wasNull() ? null : fieldTime;
                            Group group = new Group(id, id, leaves,
                                    RecordMerge.times(leaves, common, RecordReader.parse(rows.getString(4))));
                            group.xid = rows.getString(2);
                            group.createdAt = Times.offset(rows, 6);
                            loaded.put(id, group);
                            groups.add(group);
                        }
                    }
                }
                try (PreparedStatement q = db.prepareStatement("SELECT namespace, identity_value, profile_id FROM "
                        + "profile_identity WHERE profile_id = ANY (?)")) {
                    q.setArray(1, longs(ids));
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            Group group = loaded.get(rows.getLong(3));
                            Identity identity = new Identity(rows.getString(1), rows.getString(2));
                            group.identities.add(identity);
                            owners.put(identity, group);
                        }
                    }
                }
            }
            if (loaded.size() != holders.size()) {
                throw new SQLException("a profile changed while the chunk was read");
            }
        }

        /** Stitches and merges one record; answers why it was refused, or null. */
        String add(Incoming incoming) {
            TreeSet<Group> holders = new TreeSet<>(Comparator.comparingLong(g -> g.rank));
            for (Identity identity : incoming.identities()) {
                Group owner = owners.get(identity);
                if (owner != null) {
                    holders.add(owner.root());
                }
            }
            Set<Identity> graph = new java.util.HashSet<>(incoming.identities());
            holders.forEach(h -> graph.addAll(h.identities));
            if (graph.size() > maxIdentities) {
                return ProfileIngestion.graphTooLarge(graph.size(), maxIdentities).problem().detail();
            }
            Group keeper;
            if (holders.isEmpty()) {
                keeper = new Group(null, Long.MAX_VALUE / 2 + created++, new LinkedHashMap<>(), new LinkedHashMap<>());
                groups.add(keeper);
            } else {
                keeper = holders.pollFirst().taken();
                for (Group other : holders) {
                    other.taken();
                    RecordMerge.mergeAll(keeper.leaves, keeper.times, other.leaves, other.times);
                    keeper.identities.addAll(other.identities);
                    keeper.added.addAll(other.added);
                    keeper.fragments.addAll(other.fragments);
                    keeper.events.addAll(other.events);
                    if (other.existingId != null) {
                        keeper.absorbed.add(other.existingId);
                    }
                    keeper.absorbed.addAll(other.absorbed);
                    other.parent = keeper;
                }
                keeper.changed |= !holders.isEmpty();
            }
            for (Identity identity : incoming.identities()) {
                if (keeper.identities.add(identity)) {
                    keeper.added.add(identity);
                }
                owners.put(identity, keeper);
            }
            if (incoming.isEvent()) {
                keeper.events.add(incoming);
            } else {
                if (keeper.existingId == null && keeper.fragments.isEmpty() && keeper.leaves.isEmpty()) {
                    keeper.alone = incoming;
                } else {
                    RecordMerge.mergeRecord(keeper.leaves, keeper.times, incoming.record(), incoming.time());
                }
                keeper.fragments.add(incoming);
            }
            keeper.changed = true;
            return null;
        }

        void write() throws SQLException {
            List<Group> fresh = new ArrayList<>();
            List<Group> existing = new ArrayList<>();
            for (Group g : groups) {
                if (g.parent == null && g.changed) {
                    (g.existingId == null ? fresh : existing).add(g);
                }
            }
            long[] ids = next("profile_seq", fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                Group g = fresh.get(i);
                g.id = ids[i];
                g.xid = Secrets.random(16);
                g.createdAt = now;
            }
            insertProfiles(fresh);
            moveAbsorbed(existing);
            insertIdentities(fresh, existing);
            insertFragments(fresh, existing);
            insertEvents(fresh, existing);
            updateProfiles(existing, scores(existing));
        }

        private void insertProfiles(List<Group> fresh) throws SQLException {
            try (TableRows rows = TableRows.into(db, "profile", PROFILE_COLUMNS)) {
                for (Group g : fresh) {
                    rows.add(concat(new Object[] {g.id, sandbox, g.xid}, recordValues(g),
                            scoreValues(scoresOf(g.events)), new Object[] {g.createdAt, now}));
                }
                rows.write();
            }
        }

        /**
         * Moves identities, fragments, events and memberships of profiles merged away to the one that stays, then
         * removes them.
         */
        private void moveAbsorbed(List<Group> existing) throws SQLException {
            if (existing.stream().allMatch(g -> g.absorbed.isEmpty())) {
                return;
            }
            for (String table : List.of("profile_identity", "profile_fragment", "experience_event")) {
                try (PreparedStatement move = db.prepareStatement("UPDATE " + table
                        + " SET profile_id = ? WHERE profile_id = ?")) {
                    for (Group g : existing) {
                        for (Long absorbed : g.absorbed) {
                            move.setLong(1, g.id);
                            move.setLong(2, absorbed);
                            move.addBatch();
                        }
                    }
                    move.executeBatch();
                }
            }
            try (PreparedStatement drop = db.prepareStatement(ProfileStore.MOVE_MEMBERSHIPS.get(0));
                    PreparedStatement move = db.prepareStatement(ProfileStore.MOVE_MEMBERSHIPS.get(1))) {
                for (Group g : existing) {
                    for (Long absorbed : g.absorbed) {
                        drop.setLong(1, absorbed);
                        drop.setLong(2, g.id);
                        drop.addBatch();
                        move.setLong(1, g.id);
                        move.setLong(2, absorbed);
                        move.addBatch();
                    }
                }
                drop.executeBatch();
                move.executeBatch();
            }
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                for (Group g : existing) {
                    for (Long absorbed : g.absorbed) {
                        delete.setLong(1, absorbed);
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
        }

        private void insertIdentities(List<Group> fresh, List<Group> existing) throws SQLException {
            try (TableRows rows = TableRows.into(db, "profile_identity", "sandbox", "namespace", "identity_value",
                    "profile_id")) {
                for (Group g : both(fresh, existing)) {
                    for (Identity identity : g.added) {
                        rows.add(sandbox, identity.namespace(), identity.value(), g.id);
                    }
                }
                rows.write();
            }
        }

        private void insertFragments(List<Group> fresh, List<Group> existing) throws SQLException {
            int count = both(fresh, existing).stream().mapToInt(g -> g.fragments.size()).sum();
            if (count == 0) {
                return;
            }
            long[] ids = next("profile_fragment_seq", count);
            int n = 0;
            try (TableRows rows = TableRows.into(db, "profile_fragment", "id", "sandbox", "profile_id", "batch_id",
                    "record_time", "body")) {
                for (Group g : both(fresh, existing)) {
                    for (Incoming fragment : g.fragments) {
                        rows.add(ids[n++], sandbox, g.id, batchId, fragment.time(), fragment.body());
                    }
                }
                rows.write();
            }
        }

        private void insertEvents(List<Group> fresh, List<Group> existing) throws SQLException {
            int count = both(fresh, existing).stream().mapToInt(g -> g.events.size()).sum();
            if (count == 0) {
                return;
            }
            long[] ids = next("experience_event_seq", count);
            int n = 0;
            try (TableRows rows = TableRows.into(db, "experience_event", "id", "sandbox", "profile_id", "event_id",
                    "occurred_at", "event_type", "price_total", "currency", "batch_id", "body")) {
                for (Group g : both(fresh, existing)) {
                    for (Incoming incoming : g.events) {
                        Incoming.Event e = incoming.event();
                        rows.add(ids[n++], sandbox, g.id, e.eventId(), e.at(), e.type(), e.total(), e.currency(),
                                batchId, incoming.body());
                    }
                }
                rows.write();
            }
        }

        /** The scores of profiles that existed, from all their purchases (those of this chunk included). */
        private Map<Long, Scores> scores(List<Group> existing) throws SQLException {
            Map<Long, Scores> scores = new HashMap<>();
            for (List<Long> ids : slices(existing.stream().map(g -> g.id).toList())) {
                try (PreparedStatement q = db.prepareStatement("SELECT profile_id, SUM(price_total), MAX(occurred_at), "
                        + "SUM(CASE WHEN occurred_at > ? THEN 1 ELSE 0 END), SUM(CASE WHEN occurred_at > ? THEN 1 ELSE 0 END) "
                        + "FROM experience_event WHERE event_type = ? AND profile_id = ANY (?) GROUP BY profile_id")) {
                    q.setObject(1, now.minusDays(30));
                    q.setObject(2, now.minusDays(180));
                    q.setString(3, EventEntity.PURCHASE);
                    q.setArray(4, longs(ids));
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            scores.put(rows.getLong(1), Scores.of(rows.getBigDecimal(2), rows.getInt(4), rows.getInt(5),
                                    Times.offset(rows, 3), now));
                        }
                    }
                }
            }
            return scores;
        }

        private void updateProfiles(List<Group> existing, Map<Long, Scores> scores) throws SQLException {
            try (PreparedStatement update = db.prepareStatement("UPDATE profile SET first_name = ?, last_name = ?, "
                    + "email = ?, phone = ?, city = ?, first_name_key = ?, last_name_key = ?, email_key = ?, "
                    + "phone_key = ?, entity = ?, field_times = ?, field_time = ?, lifetime_value = ?, "
                    + "purchases_30d = ?, last_purchase_at = ?, churn_propensity = ?, updated_at = ? WHERE id = ?")) {
                for (Group g : existing) {
                    int i = TableRows.bind(update, 1, recordValues(g));
                    i = TableRows.bind(update, i, scoreValues(scores.getOrDefault(g.id, scoresOf(List.of()))));
                    TableRows.bind(update, i, now, g.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }

        /** The nine search columns, the merged record and its field times (the others, then the common one). */
        private Object[] recordValues(Group g) {
            // Most profiles of a load are made by one record: their merged record is that record.
            JsonObject entity = g.existingId == null && g.fragments.size() == 1
                    ? RecordMerge.alone(g.fragments.get(0).record(), g.fragments.get(0).json()) : null;
            RecordMerge.StoredTimes times;
            if (entity != null && g.alone != null) {
                times = RecordMerge.timesAlone(entity, g.alone.time());
            } else {
                if (entity == null) {
                    entity = RecordMerge.unflatten(g.taken().leaves);
                }
                times = RecordMerge.store(g.times);
            }
            String[] search = SearchFields.of(entity).columns();
            Object[] values = Arrays.copyOf(search, search.length + 3, Object[].class);
            values[search.length] = entity.toString();
            values[search.length + 1] = times.others();
            values[search.length + 2] = times.common();
            return values;
        }

        private Object[] scoreValues(Scores scores) {
            return new Object[] {scores.lifetimeValue(), scores.purchases30d(), scores.lastPurchaseAt(),
                    scores.churnPropensity()};
        }

        /** Scores from the events in hand, as {@link ProfileStore#scores} counts them in the database. */
        private Scores scoresOf(List<Incoming> events) {
            BigDecimal total = null;
            OffsetDateTime last = null;
            int in30 = 0;
            int in180 = 0;
            for (Incoming incoming : events) {
                Incoming.Event e = incoming.event();
                if (!e.isPurchase()) {
                    continue;
                }
                if (e.total() != null) {
                    total = total == null ? e.total() : total.add(e.total());
                }
                last = last == null || e.at().isAfter(last) ? e.at() : last;
                in30 += e.at().isAfter(now.minusDays(30)) ? 1 : 0;
                in180 += e.at().isAfter(now.minusDays(180)) ? 1 : 0;
            }
            return Scores.of(total, in30, in180, last, now);
        }

        private java.sql.Array longs(List<Long> ids) throws SQLException {
            return db.createArrayOf("BIGINT", ids.toArray());
        }

        /**
         * {@code count} new ids of a sequence: each value is the last of a block, as the JPA allocation takes it.
         * PostgreSQL hands out all the blocks in one query; H2 one block a query.
         */
        private long[] next(String sequence, int count) throws SQLException {
            long[] ids = new long[count];
            int blocks = (count + BLOCK - 1) / BLOCK;
            String sql = postgres ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
                    : "SELECT NEXT VALUE FOR " + sequence;
            try (PreparedStatement q = db.prepareStatement(sql)) {
                if (postgres) {
                    q.setInt(1, blocks);
                }
                int n = 0;
                while (n < count) {
                    try (ResultSet rows = q.executeQuery()) {
                        while (n < count && rows.next()) {
                            long last = rows.getLong(1);
                            for (int k = 0; k < BLOCK && n < count; k++, n++) {
                                ids[n] = last - BLOCK + 1 + k;
                            }
                        }
                    }
                }
            }
            return ids;
        }
    }

    private static List<Group> both(List<Group> a, List<Group> b) {
        List<Group> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<List<T>> slices(List<T> items) {
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < items.size(); i += IN_LIST) {
            slices.add(items.subList(i, Math.min(items.size(), i + IN_LIST)));
        }
        return slices;
    }

    private static Object[] concat(Object[]... parts) {
        Object[] all = new Object[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (Object[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
