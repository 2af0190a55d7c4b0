package dev.cdpconsole.platform.profile;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.api.BatchView.LineError;
import dev.cdpconsole.common.db.Database;

/** Batches: recorded with their upload in parts before they run, their progress written as each part is ingested. */
@ApplicationScoped
public class BatchStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Records the batch and its parts in one transaction, each part written and let go as it comes (so that an upload
     * is never held whole), then the batch's number of lines. A part that cannot be had rolls it all back.
     */
    @Transactional
    public void add(BatchEntity batch, Iterator<BatchPartEntity> parts) {
        em.persist(batch);
        int total = 0;
        while (parts.hasNext()) {
            BatchPartEntity part = parts.next();
            em.persist(part);
            em.flush();
            em.detach(part);
            total += part.lineCount;
        }
        batch.uploaded(total);
    }

    public Optional<BatchEntity> find(String sandbox, String id) {
        return byId(id).filter(b -> b.sandbox.equals(sandbox));
    }

    Optional<BatchEntity> byId(String id) {
        return id == null || id.length() > 40 ? Optional.empty() : Optional.ofNullable(em.find(BatchEntity.class, id));
    }

    /** What a claimed batch needs to run, and how far it got before (when taken up again after a restart). */
    public record Claimed(String sandbox, String schemaName, int processed, int ingested, int failed, String errors) {
    }

    /** Claims a queued batch for processing; empty when someone else has it. */
    @Transactional
    public Optional<Claimed> claim(String id, OffsetDateTime at) {
        int claimed = em.createQuery("UPDATE BatchEntity b SET b.state = :processing, b.startedAt = :at "
                + "WHERE b.id = :id AND b.state = :queued").setParameter("processing", BatchEntity.PROCESSING)
                .setParameter("at", at).setParameter("id", id).setParameter("queued", BatchEntity.QUEUED).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        BatchEntity b = em.find(BatchEntity.class, id);
        em.refresh(b);
        return Optional.of(new Claimed(b.sandbox, b.schemaName, b.processedLines, b.ingested, b.failed, b.errors));
    }

    /** The numbers of the parts still to ingest, in order. */
    @Transactional
    public List<Integer> parts(String id) {
        return em.createQuery("SELECT p.part FROM BatchPartEntity p WHERE p.batchId = :id ORDER BY p.part",
                Integer.class).setParameter("id", id).getResultList();
    }

    @Transactional
    public Optional<BatchPartEntity> part(String id, int part) {
        return em.createQuery("SELECT p FROM BatchPartEntity p WHERE p.batchId = :id AND p.part = :part",
                BatchPartEntity.class).setParameter("id", id).setParameter("part", part).getResultStream().findFirst();
    }

    /** Runs the work after a chunk in a transaction of its own (when the chunk was taken record by record). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void afterChunk(BulkIngestion.AfterChunk after, List<LineError> refused) {
        try (Connection connection = dataSource.getConnection()) {
            after.write(connection, refused);
        } catch (SQLException e) {
            throw new IllegalStateException("The batch's progress could not be written", e);
        }
    }

    /** Records a batch's progress and removes the part just ingested, in the transaction that ingested it. */
    static void recordPart(Connection db, String id, int part, int processed, int ok, int bad, String errors)
            throws SQLException {
        try (var update = db.prepareStatement("UPDATE ingest_batch SET processed_lines = ?, ingested = ?, failed = ?, "
                + "errors = ? WHERE id = ?"); var delete = db.prepareStatement(
                        "DELETE FROM ingest_batch_part WHERE batch_id = ? AND part = ?")) {
            update.setInt(1, processed);
            update.setInt(2, ok);
            update.setInt(3, bad);
            update.setString(4, errors);
            update.setString(5, id);
            update.executeUpdate();
            delete.setString(1, id);
            delete.setInt(2, part);
            delete.executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String id, int processed, int ok, int bad, String errors, String state, OffsetDateTime at) {
        BatchEntity batch = em.find(BatchEntity.class, id);
        batch.progress(processed, ok, bad, errors);
        batch.finish(state, at);
        em.createQuery("DELETE FROM BatchPartEntity p WHERE p.batchId = :id").setParameter("id", id).executeUpdate();
    }

    public List<BatchEntity> latest(String sandbox, int limit) {
        return em.createQuery("SELECT b FROM BatchEntity b WHERE b.sandbox = :sandbox ORDER BY b.createdAt DESC, b.id",
                BatchEntity.class).setParameter("sandbox", sandbox).setMaxResults(limit).getResultList();
    }

    /** Batches left queued or processing by a crash or restart. */
    public List<String> unfinished() {
        return em.createQuery("SELECT b.id FROM BatchEntity b WHERE b.state IN :states", String.class)
                .setParameter("states", List.of(BatchEntity.QUEUED, BatchEntity.PROCESSING)).getResultList();
    }

    @Transactional
    public void requeue(String id) {
        em.createQuery("UPDATE BatchEntity b SET b.state = :queued WHERE b.id = :id AND b.state = :processing")
                .setParameter("queued", BatchEntity.QUEUED).setParameter("id", id)
                .setParameter("processing", BatchEntity.PROCESSING).executeUpdate();
    }
}
