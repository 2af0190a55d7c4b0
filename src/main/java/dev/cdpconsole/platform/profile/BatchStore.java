package dev.cdpconsole.platform.profile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Batches: recorded before they run, their progress written as they go, each step in a transaction of its own. */
@ApplicationScoped
public class BatchStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Transactional
    public void add(BatchEntity batch) {
        em.persist(batch);
    }

    public Optional<BatchEntity> find(String sandbox, String id) {
        return byId(id).filter(b -> b.sandbox.equals(sandbox));
    }

    Optional<BatchEntity> byId(String id) {
        return id == null || id.length() > 40 ? Optional.empty() : Optional.ofNullable(em.find(BatchEntity.class, id));
    }

    /** What a claimed batch needs to run. */
    public record Claimed(String sandbox, String schemaName, String payload) {
    }

    /** Claims a queued batch for processing and hands out its payload; empty when someone else has it. */
    @Transactional
    public Optional<Claimed> claim(String id, OffsetDateTime at) {
        int claimed = em.createQuery("UPDATE BatchEntity b SET b.state = :processing, b.startedAt = :at "
                + "WHERE b.id = :id AND b.state = :queued").setParameter("processing", BatchEntity.PROCESSING)
                .setParameter("at", at).setParameter("id", id).setParameter("queued", BatchEntity.QUEUED).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Object[] row = em.createQuery("SELECT b.sandbox, b.schemaName, b.payload FROM BatchEntity b WHERE b.id = :id",
                Object[].class).setParameter("id", id).getSingleResult();
        return row[2] == null ? Optional.empty()
                : Optional.of(new Claimed((String) row[0], (String) row[1], (String) row[2]));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String id, int processed, int ok, int bad, String errors) {
        em.find(BatchEntity.class, id).progress(processed, ok, bad, errors);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String id, int processed, int ok, int bad, String errors, String state, OffsetDateTime at) {
        BatchEntity batch = em.find(BatchEntity.class, id);
        batch.progress(processed, ok, bad, errors);
        batch.finish(state, at);
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
        em.createQuery("UPDATE BatchEntity b SET b.state = :queued WHERE b.id = :id AND b.state = :processing "
                + "AND b.payload IS NOT NULL").setParameter("queued", BatchEntity.QUEUED).setParameter("id", id)
                .setParameter("processing", BatchEntity.PROCESSING).executeUpdate();
    }
}
