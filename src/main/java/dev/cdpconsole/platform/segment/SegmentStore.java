package dev.cdpconsole.platform.segment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.platform.audit.AuditLog;

/**
 * Segment definitions, segmentation jobs and previews in the database; every change by a caller is audited in
 * the same transaction. A job is claimed under a lock on its sandbox's row, so that one job at a time evaluates a
 * sandbox, on any number of nodes. Every method runs in a transaction, reads too: the jobs and previews read
 * from managed threads, where the container's entity manager needs one.
 */
@ApplicationScoped
@Transactional
public class SegmentStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    AuditLog audit;

    // --- definitions ----------------------------------------------------------------------------------------

    public void add(SegmentEntity segment) {
        em.persist(segment);
        audit.record("segments.created", segment.sandbox, segment.id, segment.name);
    }

    /** Adds a definition the platform makes itself (the demo's), outside any request. */
    public void addSystem(SegmentEntity segment) {
        em.persist(segment);
        audit.recordSystem("segments.created", segment.sandbox, segment.id, segment.name);
    }

    public Optional<SegmentEntity> find(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(SegmentEntity.class, id)).filter(s -> s.sandbox.equals(sandbox));
    }

    /** A segment of the sandbox as other features see it. */
    public Optional<SegmentSummary> summary(String sandbox, String id) {
        return find(sandbox, id).map(s -> new SegmentSummary(s.id, s.name, s.evaluatedAt, s.memberCount));
    }

    /** The sandbox's segments as other features see them, oldest first. */
    public List<SegmentSummary> summaries(String sandbox) {
        return all(sandbox).stream().map(s -> new SegmentSummary(s.id, s.name, s.evaluatedAt, s.memberCount)).toList();
    }

    public Optional<SegmentEntity> byName(String sandbox, String name) {
        return em.createQuery("SELECT s FROM SegmentEntity s WHERE s.sandbox = :sandbox AND s.name = :name",
                SegmentEntity.class).setParameter("sandbox", sandbox).setParameter("name", name).getResultStream()
                .findFirst();
    }

    /** A page of the sandbox's definitions, ordered by one of name, createdAt, updatedAt. */
    public List<SegmentEntity> page(String sandbox, String orderBy, boolean ascending, int offset, int limit) {
        String direction = ascending ? " ASC" : " DESC";
        return em.createQuery("SELECT s FROM SegmentEntity s WHERE s.sandbox = :sandbox ORDER BY s." + orderBy
                + direction + ", s.id" + direction, SegmentEntity.class).setParameter("sandbox", sandbox)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(String sandbox) {
        return em.createQuery("SELECT COUNT(s) FROM SegmentEntity s WHERE s.sandbox = :sandbox", Long.class)
                .setParameter("sandbox", sandbox).getSingleResult();
    }

    public List<SegmentEntity> all(String sandbox) {
        return em.createQuery("SELECT s FROM SegmentEntity s WHERE s.sandbox = :sandbox ORDER BY s.createdAt, s.id",
                SegmentEntity.class).setParameter("sandbox", sandbox).getResultList();
    }

    public SegmentEntity change(String id, String name, String description, String expression, int ttlDays,
            String mergePolicyId, OffsetDateTime at) {
        SegmentEntity segment = em.find(SegmentEntity.class, id);
        segment.change(name, description, expression, ttlDays, mergePolicyId, at);
        audit.record("segments.changed", segment.sandbox, segment.id, segment.name);
        return segment;
    }

    public void remove(String id) {
        SegmentEntity segment = em.find(SegmentEntity.class, id);
        if (segment != null) {
            em.createNativeQuery("DELETE FROM segment_membership WHERE segment_id = ?").setParameter(1, id)
                    .executeUpdate();
            em.createQuery("DELETE FROM SegmentEntity s WHERE s.id = :id").setParameter("id", id).executeUpdate();
            audit.record("segments.deleted", segment.sandbox, segment.id, segment.name);
        }
    }

    /** Records a segment's evaluation, with its member count taken from the memberships themselves. */
    public void evaluated(String id, OffsetDateTime at, long realized, long exited, long millis, String jobId) {
        SegmentEntity segment = em.find(SegmentEntity.class, id);
        if (segment == null) {
            return;
        }
        Number members = (Number) em.createNativeQuery("SELECT COUNT(*) FROM segment_membership WHERE segment_id = ? "
                + "AND exited_at IS NULL").setParameter(1, id).getSingleResult();
        segment.evaluated(at, members.longValue(), realized, exited, millis, jobId);
    }

    // --- jobs -----------------------------------------------------------------------------------------------

    public void add(SegmentJobEntity job, String detail) {
        em.persist(job);
        if (SegmentJobEntity.API.equals(job.trigger)) {
            audit.record("segments.evaluation-requested", job.sandbox, job.id, detail);
        } else {
            audit.recordSystem("segments.evaluation-scheduled", job.sandbox, job.id, detail);
        }
    }

    public SegmentJobEntity job(String id) {
        return em.find(SegmentJobEntity.class, id);
    }

    public Optional<SegmentJobEntity> job(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(SegmentJobEntity.class, id)).filter(j -> j.sandbox.equals(sandbox));
    }

    public List<SegmentJobEntity> jobs(String sandbox, String status, int offset, int limit) {
        var query = em.createQuery("SELECT j FROM SegmentJobEntity j WHERE j.sandbox = :sandbox"
                + (status == null ? "" : " AND j.status = :status") + " ORDER BY j.createdAt DESC, j.id DESC",
                SegmentJobEntity.class).setParameter("sandbox", sandbox);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countJobs(String sandbox, String status) {
        var query = em.createQuery("SELECT COUNT(j) FROM SegmentJobEntity j WHERE j.sandbox = :sandbox"
                + (status == null ? "" : " AND j.status = :status"), Long.class).setParameter("sandbox", sandbox);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    /** The sandboxes that have segment definitions (the daily job evaluates them). */
    public List<String> sandboxesWithSegments() {
        return em.createQuery("SELECT DISTINCT s.sandbox FROM SegmentEntity s", String.class).getResultList();
    }

    /** Whether the sandbox's daily job of that day (yyyy-mm-dd) has been made. */
    public boolean hasScheduled(String sandbox, String day) {
        return !em.createQuery("SELECT j.id FROM SegmentJobEntity j WHERE j.sandbox = :sandbox AND j.scheduleDay = :day",
                String.class).setParameter("sandbox", sandbox).setParameter("day", day).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The queued jobs, oldest first, of every sandbox. */
    public List<String> queued() {
        return em.createQuery("SELECT j.id FROM SegmentJobEntity j WHERE j.status = :queued ORDER BY j.createdAt, j.id",
                String.class).setParameter("queued", SegmentJobEntity.QUEUED).getResultList();
    }

    /**
     * Takes a queued job for running, unless its sandbox has a job running: the sandbox's row is locked while
     * this is decided, so two nodes cannot both start a job of one sandbox.
     */
    public boolean claim(String id, OffsetDateTime at) {
        SegmentJobEntity job = em.find(SegmentJobEntity.class, id);
        if (job == null || !SegmentJobEntity.QUEUED.equals(job.status)) {
            return false;
        }
        em.createNativeQuery("SELECT name FROM sandbox WHERE name = ? FOR UPDATE").setParameter(1, job.sandbox)
                .getResultList();
        long running = em.createQuery("SELECT COUNT(j) FROM SegmentJobEntity j WHERE j.sandbox = :sandbox "
                + "AND j.status IN :running", Long.class).setParameter("sandbox", job.sandbox)
                .setParameter("running", List.of(SegmentJobEntity.PROCESSING, SegmentJobEntity.CANCELLING))
                .getSingleResult();
        return running == 0 && em.createQuery("UPDATE SegmentJobEntity j SET j.status = :processing, "
                + "j.startedAt = :at, j.updatedAt = :at WHERE j.id = :id AND j.status = :queued")
                .setParameter("processing", SegmentJobEntity.PROCESSING).setParameter("at", at).setParameter("id", id)
                .setParameter("queued", SegmentJobEntity.QUEUED).executeUpdate() == 1;
    }

    /** Records progress (which also tells other nodes the job is alive); answers the job's status now. */
    public String progress(String id, long profilesRead, String counters, OffsetDateTime at) {
        em.createQuery("UPDATE SegmentJobEntity j SET j.profilesRead = :read, j.counters = :counters, "
                + "j.updatedAt = :at WHERE j.id = :id").setParameter("read", profilesRead)
                .setParameter("counters", counters).setParameter("at", at).setParameter("id", id).executeUpdate();
        return em.createQuery("SELECT j.status FROM SegmentJobEntity j WHERE j.id = :id", String.class)
                .setParameter("id", id).getSingleResult();
    }

    public void finish(String id, String status, long profilesRead, String counters, String error,
            OffsetDateTime at) {
        em.createQuery("UPDATE SegmentJobEntity j SET j.status = :status, j.profilesRead = :read, "
                + "j.counters = :counters, j.error = :error, j.completedAt = :at, j.updatedAt = :at WHERE j.id = :id")
                .setParameter("status", status).setParameter("read", profilesRead).setParameter("counters", counters)
                .setParameter("error", error == null || error.length() <= 2000 ? error : error.substring(0, 2000))
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    /** Cancels a queued job at once, or asks a running one to stop; false when it has finished. */
    public boolean cancel(SegmentJobEntity job, OffsetDateTime at) {
        int changed = em.createQuery("UPDATE SegmentJobEntity j SET j.status = CASE WHEN j.status = :queued "
                + "THEN :cancelled ELSE :cancelling END, j.updatedAt = :at WHERE j.id = :id AND j.status IN :open")
                .setParameter("queued", SegmentJobEntity.QUEUED).setParameter("cancelled", SegmentJobEntity.CANCELLED)
                .setParameter("cancelling", SegmentJobEntity.CANCELLING).setParameter("at", at)
                .setParameter("id", job.id)
                .setParameter("open", List.of(SegmentJobEntity.QUEUED, SegmentJobEntity.PROCESSING))
                .executeUpdate();
        if (changed == 1) {
            audit.record("segments.evaluation-cancelled", job.sandbox, job.id, "segmentation job " + job.id);
        }
        return changed == 1;
    }

    /**
     * Jobs that were running but have not moved since {@code staleBefore} (their node stopped) are queued
     * again, to run from the start (evaluation can be repeated safely); a job being cancelled is cancelled.
     */
    public int requeueStale(OffsetDateTime staleBefore, OffsetDateTime at) {
        em.createQuery("UPDATE SegmentJobEntity j SET j.status = :cancelled, j.completedAt = :at, j.updatedAt = :at "
                + "WHERE j.status = :cancelling AND j.updatedAt < :stale")
                .setParameter("cancelled", SegmentJobEntity.CANCELLED).setParameter("cancelling",
                        SegmentJobEntity.CANCELLING).setParameter("at", at).setParameter("stale", staleBefore)
                .executeUpdate();
        return em.createQuery("UPDATE SegmentJobEntity j SET j.status = :queued, j.updatedAt = :at "
                + "WHERE j.status = :processing AND j.updatedAt < :stale")
                .setParameter("queued", SegmentJobEntity.QUEUED).setParameter("processing",
                        SegmentJobEntity.PROCESSING).setParameter("at", at).setParameter("stale", staleBefore)
                .executeUpdate();
    }

    // --- previews -------------------------------------------------------------------------------------------

    public void add(PreviewEntity preview, OffsetDateTime forgetBefore) {
        em.createQuery("DELETE FROM PreviewEntity p WHERE p.createdAt < :before").setParameter("before", forgetBefore)
                .executeUpdate();
        em.persist(preview);
    }

    public Optional<PreviewEntity> preview(String sandbox, String id, OffsetDateTime notBefore) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(PreviewEntity.class, id))
                        .filter(p -> p.sandbox.equals(sandbox) && !p.createdAt.isBefore(notBefore));
    }

    public void previewed(String id, String state, long read, long matched, String sample, String error,
            OffsetDateTime at) {
        em.createQuery("UPDATE PreviewEntity p SET p.state = :state, p.profilesRead = :read, "
                + "p.profilesMatched = :matched, p.sample = :sample, p.error = :error, p.updatedAt = :at "
                + "WHERE p.id = :id").setParameter("state", state).setParameter("read", read)
                .setParameter("matched", matched).setParameter("sample", sample).setParameter("error", error)
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    public boolean removePreview(String id) {
        return em.createQuery("DELETE FROM PreviewEntity p WHERE p.id = :id").setParameter("id", id)
                .executeUpdate() == 1;
    }

    // --- a sandbox reset or delete --------------------------------------------------------------------------

    /** Removes every definition (with its memberships), job and preview of the sandbox, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAll(String sandbox) {
        em.createNativeQuery("DELETE FROM segment_membership WHERE sandbox = ?").setParameter(1, sandbox)
                .executeUpdate();
        em.createQuery("DELETE FROM SegmentEntity s WHERE s.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
        em.createQuery("DELETE FROM SegmentJobEntity j WHERE j.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
        em.createQuery("DELETE FROM PreviewEntity p WHERE p.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
    }
}
