package dev.cdpconsole.platform.profile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.platform.audit.AuditLog;

/** Delete requests: recorded (and audited) when made, claimed by one runner, finished with what they did. */
@ApplicationScoped
public class SystemJobStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional
    public void add(SystemJobEntity job) {
        em.persist(job);
        audit.record("profiles.delete-requested", job.sandbox, job.batchId != null ? job.batchId : job.datasetId,
                "delete request " + job.id);
    }

    @Transactional
    public SystemJobEntity find(String id) {
        return em.find(SystemJobEntity.class, id);
    }

    public Optional<SystemJobEntity> find(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(SystemJobEntity.class, id)).filter(j -> j.sandbox.equals(sandbox));
    }

    /** Whether a request for the batch is running or done (only a failed one may be made again). */
    public boolean existsForBatch(String sandbox, String batchId) {
        return !em.createQuery("SELECT j.id FROM SystemJobEntity j WHERE j.sandbox = :sandbox AND j.batchId = :batch "
                + "AND j.status <> :error", String.class).setParameter("sandbox", sandbox).setParameter("batch", batchId)
                .setParameter("error", SystemJobEntity.ERROR).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether a request for the dataset is running (a dataset can be emptied again once new data came). */
    public boolean runningForDataset(String sandbox, String datasetId) {
        return !em.createQuery("SELECT j.id FROM SystemJobEntity j WHERE j.sandbox = :sandbox "
                + "AND j.datasetId = :dataset AND j.status IN :running", String.class).setParameter("sandbox", sandbox)
                .setParameter("dataset", datasetId)
                .setParameter("running", List.of(SystemJobEntity.NEW, SystemJobEntity.IN_PROGRESS))
                .setMaxResults(1).getResultList().isEmpty();
    }

    public List<SystemJobEntity> page(String sandbox, int offset, int limit) {
        return em.createQuery("SELECT j FROM SystemJobEntity j WHERE j.sandbox = :sandbox "
                + "ORDER BY j.createdAt DESC, j.id DESC", SystemJobEntity.class).setParameter("sandbox", sandbox)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Takes a new request for running; false when someone else has it. */
    @Transactional
    public boolean claim(String id, OffsetDateTime at) {
        return em.createQuery("UPDATE SystemJobEntity j SET j.status = :running, j.startedAt = :at, j.updatedAt = :at "
                + "WHERE j.id = :id AND j.status = :new").setParameter("running", SystemJobEntity.IN_PROGRESS)
                .setParameter("at", at).setParameter("id", id).setParameter("new", SystemJobEntity.NEW)
                .executeUpdate() == 1;
    }

    /** Records the outcome; a batch whose data is all gone is marked deleted. */
    @Transactional
    public void finish(String id, String status, long records, long profiles, String error, OffsetDateTime at) {
        SystemJobEntity job = em.find(SystemJobEntity.class, id);
        job.finish(status, records, profiles, error, at);
        if (SystemJobEntity.SUCCESS.equals(status) && job.batchId != null) {
            BatchEntity batch = em.find(BatchEntity.class, job.batchId);
            if (batch != null) {
                batch.deleted();
            }
        }
    }

    /** Requests left running by a restart go back to NEW, to be run again (a deletion can be repeated). */
    @Transactional
    public List<String> requeue() {
        em.createQuery("UPDATE SystemJobEntity j SET j.status = :new WHERE j.status = :running")
                .setParameter("new", SystemJobEntity.NEW).setParameter("running", SystemJobEntity.IN_PROGRESS)
                .executeUpdate();
        return em.createQuery("SELECT j.id FROM SystemJobEntity j WHERE j.status = :new ORDER BY j.createdAt",
                String.class).setParameter("new", SystemJobEntity.NEW).getResultList();
    }

    @Transactional
    public void remove(SystemJobEntity job) {
        em.remove(em.find(SystemJobEntity.class, job.id));
        audit.record("profiles.delete-request-removed", job.sandbox, job.id, null);
    }
}
