package dev.cdpconsole.platform.activation;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.cdpconsole.common.db.Database;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.destination.DestinationEntity;
import dev.cdpconsole.platform.destination.DestinationFolders;
import dev.cdpconsole.platform.destination.DestinationService;
import dev.cdpconsole.platform.segment.ProfileSubject;

/**
 * Writes one run's file: the segment's current members, read 5,000 at a time in profile order (never the
 * whole list in memory) by a reader thread one chunk ahead of the writer, as CSV (RFC 4180, Apache Commons CSV) or JSON Lines, optionally gzipped, into a
 * staging folder beside the destinations; flushed to disk, then moved into the destination folder in one
 * atomic rename, and its manifest (rows, bytes, SHA-256 of the file, segment, destination, times) beside it the
 * same way. Until the rename nothing is visible at the destination, whatever happens.
 */
@ApplicationScoped
public class FileExport {

    private static final int CHUNK = 5000;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    DestinationFolders folders;

    /** Told the rows and bytes written after each chunk. */
    @FunctionalInterface
    interface Progress {
        void written(long rows, long bytes);
    }

    /** What a run published. */
    record Result(String fileName, String manifestName, long rows, long bytes, String sha256) {
    }

    Result export(RunEntity run, DestinationEntity destination, OffsetDateTime startedAt, Progress progress)
            throws IOException, SQLException {
        Path dir = folders.open(destination.folder);
        String name = fileName(destination, run, startedAt);
        Path target = dir.resolve(name);
        Path manifestTarget = dir.resolve(name + ".manifest.json");
        if (Files.exists(target) || Files.exists(manifestTarget)) {
            throw new IOException("a file named " + name + " is already at the destination; change the file-name "
                    + "template (add {datetime} or {runId})");
        }
        Path staging = folders.staging();
        Path part = staging.resolve(run.id + ".part");
        Path manifestPart = staging.resolve(run.id + ".manifest.part");
        List<String> identities = DestinationService.columns(destination.identityColumns);
        List<String> attributes = DestinationService.columns(destination.attributeColumns);
        boolean needsEntity = attributes.stream().anyMatch(a -> !ProfileSubject.isComputed(a.split("\\.")));
        MessageDigest sha256 = sha256();
        long rows = 0;
        long bytes;
        try {
            Files.deleteIfExists(part);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Counting counting = new Counting(Channels.newOutputStream(channel));
                OutputStream digest = new DigestOutputStream(counting, sha256);
                OutputStream body = DestinationService.GZIP.equals(destination.compression)
                        ? new GZIPOutputStream(digest, 65_536) : digest;
                Writer writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 65_536);
                boolean csv = DestinationService.CSV.equals(destination.format);
                List<String> header = new ArrayList<>(identities);
                header.addAll(attributes);
                CSVPrinter printer = csv ? CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                        .print(writer) : null;
                try (ReadAhead chunks = new ReadAhead(run, needsEntity, identities)) {
                    for (Chunk chunk = chunks.next(); !chunk.members().isEmpty(); chunk = chunks.next()) {
                        for (Member member : chunk.members()) {
                            Map<String, List<String>> mine = member.identities();
                            if (csv) {
                                List<String> record = new ArrayList<>(header.size());
                                identities.forEach(ns -> record.add(String.join("|", mine.getOrDefault(ns, List.of()))));
                                attributes.forEach(path -> record.add(text(member.value(path))));
                                printer.printRecord(record);
                            } else {
                                writer.write(jsonLine(member, mine, identities, attributes));
                                writer.write('\n');
                            }
                            rows++;
                        }
                        writer.flush();
                        progress.written(rows, counting.count);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the export was interrupted");
                }
                writer.flush();
                if (body instanceof GZIPOutputStream gzip) {
                    gzip.finish();
                }
                digest.flush();
                channel.force(true);
                bytes = counting.count;
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            String manifest = JSON.createObjectBuilder().add("runId", run.id).add("flowId", run.dataflowId)
                    .add("kind", run.kind).add("segmentId", run.segmentId).add("segmentName", run.segmentName)
                    .add("destinationId", run.destinationId).add("destinationName", run.destinationName)
                    .add("file", name).add("format", destination.format).add("compression", destination.compression)
                    .add("columns", array(identities, attributes)).add("rows", rows).add("bytes", bytes)
                    .add("sha256", hash).add("startedAt", startedAt.toInstant().toString())
                    .add("completedAt", Instant.now().toString()).build().toString();
            try (FileChannel channel = FileChannel.open(manifestPart, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(manifest + "\n"));
                channel.force(true);
            }
            Files.move(manifestPart, manifestTarget, StandardCopyOption.ATOMIC_MOVE);
            return new Result(name, manifestTarget.getFileName().toString(), rows, bytes, hash);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(manifestPart);
        }
    }

    /** Removes what a run left in the staging folder (a run interrupted by a stop). */
    void discard(String runId) {
        try {
            Path staging = folders.staging();
            Files.deleteIfExists(staging.resolve(runId + ".part"));
            Files.deleteIfExists(staging.resolve(runId + ".manifest.part"));
        } catch (IOException e) {
            // the next start tries again; a staging file is never visible at a destination
        }
    }

    /** The file name from the destination's template, each value made safe for a file name. */
    static String fileName(DestinationEntity destination, RunEntity run, OffsetDateTime at) {
        OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
        String name = destination.fileNameTemplate.replace("{destination}", safe(destination.name))
                .replace("{segment}", safe(run.segmentName)).replace("{segmentId}", safe(run.segmentId))
                .replace("{datetime}", DATETIME.format(utc)).replace("{date}", DATE.format(utc))
                .replace("{runId}", safe(run.id));
        return DestinationService.GZIP.equals(destination.compression) && !name.endsWith(".gz") ? name + ".gz" : name;
    }

    static String safe(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        safe = safe.length() > 60 ? safe.substring(0, 60) : safe;
        return safe.isEmpty() ? "_" : safe;
    }

    // --- reading --------------------------------------------------------------------------------------------

    /** A member of the segment: its profile id, scores and (when a column needs it) its record, read once. */
    private static final class Member {
        private final long id;
        private final String entityText;
        private final ProfileSubject scores;
        private final Map<String, List<String>> identities = new LinkedHashMap<>();
        private JsonObject entity;

        Member(long id, String entityText, BigDecimal lifetimeValue, int purchases30d, double churn,
                OffsetDateTime lastPurchaseAt) {
            this.id = id;
            this.entityText = entityText;
            this.scores = new ProfileSubject(Instant.EPOCH, null, lifetimeValue == null ? BigDecimal.ZERO
                    : lifetimeValue, purchases30d, churn, lastPurchaseAt == null ? null : lastPurchaseAt.toInstant());
        }

        long id() {
            return id;
        }

        /** The member's values in the namespaces the destination exports, in order. */
        Map<String, List<String>> identities() {
            return identities;
        }

        /** A score, or the JSON value at a path of the record (null when there is none). */
        Object value(String path) {
            String[] parts = path.split("\\.");
            if (ProfileSubject.isComputed(parts)) {
                return scores.value(parts);
            }
            JsonValue at = entity();
            for (String part : parts) {
                at = at instanceof JsonObject object ? object.get(part) : null;
            }
            return at;
        }

        private JsonObject entity() {
            if (entity == null) {
                entity = JsonValue.EMPTY_JSON_OBJECT;
                if (entityText != null) {
                    try (JsonReader reader = JSON.createReader(new StringReader(entityText))) {
                        entity = reader.readObject();
                    } catch (JsonException e) {
                        // a record that is not JSON any more exports as empty
                    }
                }
            }
            return entity;
        }
    }

    /** One chunk of members; an empty one ends the segment. */
    private record Chunk(List<Member> members) {
    }

    /**
     * Reads the chunks on a thread of its own, one ahead of the writer, so the database finds the next members
     * while the file takes the last ones. A failure to read reaches the writer at the chunk it would have been.
     */
    private final class ReadAhead implements AutoCloseable {
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
        private final Thread reader;

        ReadAhead(RunEntity run, boolean withEntity, List<String> identities) {
            reader = threads.newThread(() -> read(run, withEntity, identities));
            reader.start();
        }

        private void read(RunEntity run, boolean withEntity, List<String> identities) {
            try {
                long after = Long.MIN_VALUE;
                while (true) {
                    Chunk chunk;
                    try {
                        chunk = chunk(run, after, withEntity, identities);
                    } catch (SQLException | RuntimeException e) {
                        // put, not offer: the queue may still hold the chunk before, and the writer must get this
                        ready.put(e);
                        return;
                    }
                    ready.put(chunk);
                    if (chunk.members().isEmpty()) {
                        return;
                    }
                    after = chunk.members().get(chunk.members().size() - 1).id();
                }
            } catch (InterruptedException e) {
                // the writer stopped: nobody waits for more
            }
        }

        Chunk next() throws SQLException, InterruptedException {
            Object next = ready.take();
            if (next instanceof SQLException e) {
                throw e;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (Chunk) next;
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }

    /**
     * The next members after a profile id, with their identities in the wanted namespaces: one query, the
     * members limited in a subquery so that a profile's identities never split across two chunks.
     */
    private Chunk chunk(RunEntity run, long after, boolean withEntity, List<String> identities) throws SQLException {
        boolean withIds = !identities.isEmpty();
        StringBuilder sql = new StringBuilder("SELECT p.id, p.lifetime_value, p.purchases_30d, p.churn_propensity, ")
                .append("p.last_purchase_at, ").append(withEntity ? "p.entity" : "NULL")
                .append(withIds ? ", i.namespace, i.identity_value" : "")
                .append(" FROM (SELECT m.profile_id FROM segment_membership m WHERE m.segment_id = ? AND m.exited_at ")
                // the segment first, as in the key: else H2 sorts the rest of the members for each chunk
                .append("IS NULL AND m.profile_id > ? ORDER BY m.segment_id, m.profile_id LIMIT ?) c JOIN profile p ")
                // the same bound on p.id: else PostgreSQL merge-joins from the first profile every time
                .append("ON p.id = c.profile_id AND p.id > ?");
        if (withIds) {
            sql.append(" LEFT JOIN profile_identity i ON i.profile_id = p.id AND i.sandbox = ? AND i.namespace IN (")
                    .append(String.join(", ", identities.stream().map(ns -> "?").toList())).append(")");
        }
        sql.append(" ORDER BY p.id").append(withIds ? ", i.namespace, i.identity_value" : "");
        List<Member> members = new ArrayList<>(CHUNK);
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql.toString())) {
            int at = 1;
            query.setString(at++, run.segmentId);
            query.setLong(at++, after);
            query.setInt(at++, CHUNK);
            query.setLong(at++, after);
            if (withIds) {
                query.setString(at++, run.sandbox);
                for (String ns : identities) {
                    query.setString(at++, ns);
                }
            }
            query.setFetchSize(CHUNK);
            try (ResultSet found = query.executeQuery()) {
                Member member = null;
                while (found.next()) {
                    long id = found.getLong(1);
                    if (member == null || member.id() != id) {
                        member = new Member(id, found.getString(6), found.getBigDecimal(2), found.getInt(3),
                                found.getDouble(4), Times.offset(found, 5));
                        members.add(member);
                    }
                    String namespace = withIds ? found.getString(7) : null;
                    if (namespace != null) {
                        member.identities().computeIfAbsent(namespace, k -> new ArrayList<>()).add(found.getString(8));
                    }
                }
            }
        }
        return new Chunk(members);
    }

    // --- writing --------------------------------------------------------------------------------------------

    private static String jsonLine(Member member, Map<String, List<String>> ids, List<String> identities,
            List<String> attributes) {
        JsonObjectBuilder line = JSON.createObjectBuilder();
        for (String ns : identities) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            ids.getOrDefault(ns, List.of()).forEach(values::add);
            line.add(ns, values);
        }
        for (String path : attributes) {
            Object value = member.value(path);
            if (value == null) {
                line.addNull(path);
            } else if (value instanceof JsonValue json) {
                line.add(path, json);
            } else if (value instanceof BigDecimal number) {
                line.add(path, number);
            } else if (value instanceof Boolean flag) {
                line.add(path, flag);
            } else {
                line.add(path, value.toString());
            }
        }
        return line.build().toString();
    }

    /** A value as CSV text: a JSON string unquoted, numbers plain, objects and arrays as JSON. */
    private static String text(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    private static JsonArrayBuilder array(List<String> identities, List<String> attributes) {
        JsonArrayBuilder columns = JSON.createArrayBuilder();
        identities.forEach(columns::add);
        attributes.forEach(columns::add);
        return columns;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Counts the bytes that reach the file. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
