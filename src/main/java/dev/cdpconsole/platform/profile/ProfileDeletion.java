package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.DeleteRequest;
import dev.cdpconsole.api.SystemJob;
import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;

/**
 * Delete requests (profile system jobs): deleting what a batch brought in (its profile records and events), or a
 * whole dataset of a sandbox. They run in the background, a few hundred profiles per transaction: each profile
 * touched is rebuilt from the records it has left (by time, as ingestion merges them), and one left with no record
 * and no event is removed with its identities. Identities a batch added to a profile that stays are kept: they
 * are the identity graph, not the batch's data. A request left running by a restart runs again at start.
 */
@ApplicationScoped
public class ProfileDeletion {

    private static final Logger LOG = Logger.getLogger(ProfileDeletion.class.getName());
    private static final int STEP = 200;

    @Inject
    SystemJobStore jobs;

    @Inject
    BatchStore batches;

    @Inject
    ProfileStore profiles;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "cdp.org.id")
    String orgId;

    /** Checks and records a request, then starts it. */
    public SystemJob create(String sandbox, DeleteRequest request, String by) {
        String batchId = blankToNull(request == null ? null : request.getBatchId());
        String datasetId = blankToNull(request == null ? null : request.getDataSetId());
        if ((batchId == null) == (datasetId == null)) {
            throw ProblemException.badRequest("delete-request-invalid", "give either batchId or dataSetId");
        }
        if (batchId != null) {
            BatchEntity batch = batches.find(sandbox, batchId).orElseThrow(() -> ProblemException.badRequest(
                    "batch-unknown", "no batch " + clip(batchId) + " in this sandbox"));
            if (batch.isRunning()) {
                throw ProblemException.badRequest("batch-still-processing",
                        "the batch is still being ingested; delete its data once it has finished");
            }
            if (jobs.existsForBatch(sandbox, batchId)) {
                throw alreadyExists();
            }
        } else {
            if (!List.of(DeleteRequest.PROFILE_DATASET, DeleteRequest.EVENT_DATASET).contains(datasetId)) {
                throw ProblemException.badRequest("dataset-unknown", "no dataset " + clip(datasetId) + "; the datasets "
                        + "are " + DeleteRequest.PROFILE_DATASET + " and " + DeleteRequest.EVENT_DATASET);
            }
            if (jobs.runningForDataset(sandbox, datasetId)) {
                throw alreadyExists();
            }
        }
        SystemJobEntity job = new SystemJobEntity(Secrets.random(16), sandbox, batchId, datasetId, by, now());
        jobs.add(job);
        start(job.id);
        return view(job);
    }

    private static ProblemException alreadyExists() {
        return new ProblemException(422, "delete-request-exists", "Unprocessable entity",
                "Delete request (Profile System Job) Definition already exists.");
    }

    public SystemJob get(String sandbox, String id) {
        return view(find(sandbox, id));
    }

    public SystemJob.Page page(String sandbox, int page, int limit) {
        List<SystemJobEntity> found = jobs.page(sandbox, page * limit, limit + 1);
        List<SystemJob> children = found.stream().limit(limit).map(this::view).toList();
        return new SystemJob.Page(new SystemJob.PageInfo(children.size(),
                found.size() > limit ? Integer.toString(page + 1) : null), children);
    }

    public void remove(String sandbox, String id) {
        SystemJobEntity job = find(sandbox, id);
        if (job.isRunning()) {
            throw ProblemException.conflict("delete-request-running", "the delete request is still running");
        }
        jobs.remove(job);
    }

    private SystemJobEntity find(String sandbox, String id) {
        return jobs.find(sandbox, id).orElseThrow(() -> ProblemException.notFound("delete-request-not-found",
                "Delete request (Profile System Job) not found"));
    }

    void resume(@Observes @Priority(Migrations.PRIORITY + 25) Startup startup) {
        jobs.requeue().forEach(this::start);
    }

    private void start(String id) {
        executor.execute(() -> run(id));
    }

    void run(String id) {
        if (!jobs.claim(id, now())) {
            return;
        }
        SystemJobEntity job = jobs.find(id);
        ProfileStore.Removal removal = job.batchId != null ? new ProfileStore.Removal(job.batchId, true, true)
                : new ProfileStore.Removal(null, DeleteRequest.PROFILE_DATASET.equals(job.datasetId),
                        DeleteRequest.EVENT_DATASET.equals(job.datasetId));
        long records = 0;
        long removed = 0;
        try {
            for (List<Long> step = profiles.holdersOf(job.sandbox, removal, STEP); !step.isEmpty();
                    step = profiles.holdersOf(job.sandbox, removal, STEP)) {
                ProfileStore.Removed done = profiles.remove(job.sandbox, removal, step, now());
                records += done.records();
                removed += done.profiles();
            }
            jobs.finish(id, SystemJobEntity.SUCCESS, records, removed, null, now());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Delete request " + id + " failed", e);
            jobs.finish(id, SystemJobEntity.ERROR, records, removed, "the deletion stopped: "
                    + e.getClass().getSimpleName() + "; make the request again to finish it", now());
        }
    }

    private SystemJob view(SystemJobEntity job) {
        OffsetDateTime end = job.isRunning() ? now() : job.updatedAt;
        long seconds = job.startedAt == null ? 0 : Duration.between(job.startedAt, end).toSeconds();
        String metrics = JSON.createObjectBuilder().add("recordsProcessed", job.recordsProcessed)
                .add("profilesRemoved", job.profilesRemoved).add("timeTakenInSec", seconds).build().toString();
        return new SystemJob(job.id, orgId, job.datasetId, job.batchId, "DELETE", job.status, metrics,
                job.createdAt.toEpochSecond(), job.updatedAt.toEpochSecond(), job.error);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
