package dev.cdpconsole.platform.activation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.cdpconsole.platform.audit.AuditLog;

/**
 * Activation runs in the database. A pending run is claimed by one node with {@code FOR UPDATE SKIP LOCKED}, so
 * that on several nodes no run is executed twice; a running run keeps a heartbeat, and one whose heartbeat has
 * stopped is marked failed ("interrupted"). Reads run in transactions too (runs execute on managed threads).
 */
@ApplicationScoped
@Transactional
public class RunStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Records a run asked for by the caller (audited in the same transaction). */
    public void add(RunEntity run) {
        em.persist(run);
        audit.record("activation.run-requested", run.sandbox, run.id, run.segmentName + " → " + run.destinationName);
    }

    /** Records a scheduled run; false when another node recorded that day's run of the mapping first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void addScheduled(RunEntity run) {
        em.persist(run);
        audit.recordSystem("activation.run-scheduled", run.sandbox, run.id, run.segmentName + " → "
                + run.destinationName);
    }

    public Optional<RunEntity> find(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(RunEntity.class, id)).filter(r -> r.sandbox.equals(sandbox));
    }

    public RunEntity find(String id) {
        return em.find(RunEntity.class, id);
    }

    /** A page of the sandbox's runs, newest first, with the filters (field → value, and createdAt bounds). */
    public List<RunEntity> page(String sandbox, Map<String, String> equal, OffsetDateTime from, OffsetDateTime to,
            int offset, int limit) {
        return query(RunEntity.class, "SELECT r", sandbox, equal, from, to, " ORDER BY r.createdAt DESC, r.id DESC")
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(String sandbox, Map<String, String> equal, OffsetDateTime from, OffsetDateTime to) {
        return query(Long.class, "SELECT COUNT(r)", sandbox, equal, from, to, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, String sandbox, Map<String, String> equal,
            OffsetDateTime from, OffsetDateTime to, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" FROM RunEntity r WHERE r.sandbox = :sandbox");
        equal.keySet().forEach(field -> jpql.append(" AND r.").append(field).append(" = :").append(field));
        if (from != null) {
            jpql.append(" AND r.createdAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND r.createdAt < :to");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type).setParameter("sandbox", sandbox);
        equal.forEach(query::setParameter);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    /** The open (pending or running) ad-hoc run of a segment in a dataflow, if any. */
    public Optional<RunEntity> openAdhoc(String dataflowId, String segmentId) {
        return em.createQuery("SELECT r FROM RunEntity r WHERE r.dataflowId = :flow AND r.segmentId = :segment "
                + "AND r.kind = :adhoc AND r.status IN :open", RunEntity.class).setParameter("flow", dataflowId)
                .setParameter("segment", segmentId).setParameter("adhoc", RunEntity.ADHOC)
                .setParameter("open", List.of(RunEntity.PENDING, RunEntity.IN_PROGRESS)).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Whether a scheduled export of the dataflow is pending or running. */
    public boolean scheduledOpen(String dataflowId) {
        return !em.createQuery("SELECT r.id FROM RunEntity r WHERE r.dataflowId = :flow AND r.kind = :scheduled "
                + "AND r.status IN :open", String.class).setParameter("flow", dataflowId)
                .setParameter("scheduled", RunEntity.SCHEDULED)
                .setParameter("open", List.of(RunEntity.PENDING, RunEntity.IN_PROGRESS)).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Locks the dataflow's row for the rest of the transaction, so that guardrails and records agree. */
    public void lockFlow(String dataflowId) {
        em.createNativeQuery("SELECT id FROM dataflow WHERE id = ? FOR UPDATE").setParameter(1, dataflowId)
                .getResultList();
    }

    /** Takes the oldest pending run for this node; empty when there is none (or others hold them all). */
    public Optional<String> claim(String node, OffsetDateTime at) {
        List<?> ids = em.createNativeQuery("SELECT id FROM activation_run WHERE status = 'pending' "
                + "ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED").getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        String id = (String) ids.get(0);
        int claimed = em.createQuery("UPDATE RunEntity r SET r.status = :running, r.claimedBy = :node, "
                + "r.startedAt = :at, r.heartbeatAt = :at, r.updatedAt = :at WHERE r.id = :id AND r.status = :pending")
                .setParameter("running", RunEntity.IN_PROGRESS).setParameter("node", node).setParameter("at", at)
                .setParameter("id", id).setParameter("pending", RunEntity.PENDING).executeUpdate();
        return claimed == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Rows written so far; also the run's heartbeat. */
    public void progress(String id, long rows, long bytes, OffsetDateTime at) {
        em.createQuery("UPDATE RunEntity r SET r.rowsWritten = :rows, r.outputBytes = :bytes, r.heartbeatAt = :at, "
                + "r.updatedAt = :at WHERE r.id = :id").setParameter("rows", rows).setParameter("bytes", bytes)
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    public void succeed(String id, long rows, long bytes, String fileName, String sha256, OffsetDateTime at) {
        em.createQuery("UPDATE RunEntity r SET r.status = :success, r.rowsWritten = :rows, r.outputBytes = :bytes, "
                + "r.fileName = :file, r.sha256 = :sha, r.completedAt = :at, r.heartbeatAt = :at, r.updatedAt = :at "
                + "WHERE r.id = :id").setParameter("success", RunEntity.SUCCESS).setParameter("rows", rows)
                .setParameter("bytes", bytes).setParameter("file", fileName).setParameter("sha", sha256)
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    public void fail(String id, long rows, String error, OffsetDateTime at) {
        em.createQuery("UPDATE RunEntity r SET r.status = :failed, r.rowsWritten = :rows, r.outputBytes = 0, "
                + "r.error = :error, r.completedAt = :at, r.updatedAt = :at WHERE r.id = :id")
                .setParameter("failed", RunEntity.FAILED).setParameter("rows", rows)
                .setParameter("error", error.length() <= 2000 ? error : error.substring(0, 2000))
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    /** The running runs whose heartbeat stopped before the given time (their node stopped). */
    public List<String> stalled(OffsetDateTime before) {
        return em.createQuery("SELECT r.id FROM RunEntity r WHERE r.status = :running AND r.heartbeatAt < :before",
                String.class).setParameter("running", RunEntity.IN_PROGRESS).setParameter("before", before)
                .getResultList();
    }

    /** Marks a stalled run failed, unless it moved meanwhile; true when it did. */
    public boolean interrupt(String id, OffsetDateTime before, OffsetDateTime at) {
        return em.createQuery("UPDATE RunEntity r SET r.status = :failed, r.error = :error, r.completedAt = :at, "
                + "r.updatedAt = :at WHERE r.id = :id AND r.status = :running AND r.heartbeatAt < :before")
                .setParameter("failed", RunEntity.FAILED)
                .setParameter("error", "interrupted: the server stopped during the export; nothing was published")
                .setParameter("at", at).setParameter("id", id).setParameter("running", RunEntity.IN_PROGRESS)
                .setParameter("before", before).executeUpdate() == 1;
    }

    /** Whether a scheduled run of the mapping for that day (yyyy-mm-dd) has been recorded. */
    public boolean hasScheduled(String dataflowId, String segmentId, String day) {
        return !em.createQuery("SELECT r.id FROM RunEntity r WHERE r.dataflowId = :flow AND r.segmentId = :segment "
                + "AND r.scheduledFor = :day", String.class).setParameter("flow", dataflowId)
                .setParameter("segment", segmentId).setParameter("day", day).setMaxResults(1).getResultList().isEmpty();
    }

    public void removeAll(String sandbox) {
        em.createQuery("DELETE FROM RunEntity r WHERE r.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
    }

    public long countAll(String sandbox) {
        return em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.sandbox = :sandbox", Long.class)
                .setParameter("sandbox", sandbox).getSingleResult();
    }
}
