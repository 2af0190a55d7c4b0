package dev.cdpconsole.platform.segment;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.SegmentExpression;
import dev.cdpconsole.api.SegmentJob;
import dev.cdpconsole.api.SegmentJobRequest;
import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.segment.SegmentScan.Counter;

/**
 * Segmentation jobs: evaluate segments over every profile of a sandbox, a chunk of profiles per transaction,
 * and record who entered, stayed and left. Asked for through the API, and made every day at
 * {@code cdp.segments.evaluation-time} (UTC; {@code off}: never) for all segments of each sandbox. One job runs at a time per
 * sandbox (the others queue); a job whose node stopped is queued again once it has not moved for two minutes
 * (evaluation can be repeated safely), by a check every {@code cdp.segments.scheduler-seconds}.
 */
@ApplicationScoped
public class SegmentJobs {

    private static final Logger LOG = Logger.getLogger(SegmentJobs.class.getName());
    private static final int CHUNK = 2000;
    private static final int MAX_SEGMENTS = 500;
    private static final Duration STALE = Duration.ofMinutes(2);

    @Inject
    SegmentStore store;

    @Inject
    SegmentScan scan;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "cdp.org.id")
    String orgId;

    @Inject
    @ConfigProperty(name = "cdp.segments.evaluation-time", defaultValue = "02:00")
    String evaluationTime;

    @Inject
    @ConfigProperty(name = "cdp.segments.scheduler-seconds", defaultValue = "60")
    int schedulerSeconds;

    private ScheduledFuture<?> ticking;

    /** Records a job for the segments asked for ({@code *}: all of the sandbox's) and starts it when it may. */
    public SegmentJob create(String sandbox, List<SegmentJobRequest> request, String by) {
        if (request == null || request.isEmpty()) {
            throw ProblemException.badRequest("segment-job-invalid",
                    "the body must be a list of {\"segmentId\": ...}, or [{\"segmentId\": \"*\"}] for all");
        }
        if (request.size() > MAX_SEGMENTS) {
            throw ProblemException.badRequest("segment-job-too-large", "at most " + MAX_SEGMENTS
                    + " segments in one job; use [{\"segmentId\": \"*\"}] for all");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (SegmentJobRequest item : request) {
            String id = item == null || item.getSegmentId() == null ? "" : item.getSegmentId().strip();
            if (id.isEmpty()) {
                throw ProblemException.badRequest("segment-job-invalid", "every item needs a segmentId");
            }
            if (id.equals("*")) {
                store.all(sandbox).forEach(s -> ids.add(s.id));
            } else {
                ids.add(store.find(sandbox, id).orElseThrow(() -> ProblemException.badRequest("segment-unknown",
                        "No segment definition " + Fields.clip(id) + " in this sandbox")).id);
            }
        }
        if (ids.isEmpty()) {
            throw ProblemException.badRequest("segment-job-empty", "this sandbox has no segment definitions to evaluate");
        }
        SegmentJobEntity job = new SegmentJobEntity(Secrets.random(16), sandbox, SegmentJobEntity.API, idsJson(ids),
                null, by, now());
        store.add(job, ids.size() + " segment(s)");
        startQueued();
        return view(job);
    }

    public SegmentJob get(String sandbox, String id) {
        return view(find(sandbox, id));
    }

    public SegmentJob.Page page(String sandbox, String status, int offset, int limit,
            java.util.function.IntFunction<String> nextHref) {
        if (status != null && !SegmentJobEntity.STATUSES.contains(status)) {
            throw ProblemException.badRequest("status-invalid", "status must be one of " + SegmentJobEntity.STATUSES);
        }
        long total = store.countJobs(sandbox, status);
        List<SegmentJob> children = store.jobs(sandbox, status, offset, limit).stream().map(this::view).toList();
        dev.cdpconsole.api.Link next = offset + children.size() < total
                ? new dev.cdpconsole.api.Link(nextHref.apply(offset + limit)) : null;
        return new SegmentJob.Page(new SegmentJob.PageInfo(total, children.size()), children,
                new SegmentJob.Links(next));
    }

    public void cancel(String sandbox, String id) {
        SegmentJobEntity job = find(sandbox, id);
        if (!store.cancel(job, now())) {
            throw ProblemException.conflict("segment-job-finished", "The segmentation job has already finished");
        }
    }

    private SegmentJobEntity find(String sandbox, String id) {
        return store.job(sandbox, id).orElseThrow(() -> ProblemException.notFound("segment-job-not-found",
                "No segmentation job " + Fields.clip(id) + " in this sandbox"));
    }

    // --- running --------------------------------------------------------------------------------------------

    void schedule(@Observes @Priority(Migrations.PRIORITY + 30) Startup startup) {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 5, Math.max(1, schedulerSeconds), TimeUnit.SECONDS);
    }

    /** No check once the application stops (WildFly refuses to run a suspended application's task). */
    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** The periodic check: stale jobs queued again, today's scheduled jobs made once due, queued jobs started. */
    void tick() {
        try {
            OffsetDateTime now = now();
            if (store.requeueStale(now.minus(STALE), now) > 0) {
                LOG.info("Queued again segmentation jobs whose node had stopped");
            }
            LocalTime dailyAt = dailyAt();
            if (dailyAt != null && !now.toLocalTime().isBefore(dailyAt)) {
                String day = now.toLocalDate().toString();
                for (String sandbox : store.sandboxesWithSegments()) {
                    if (!store.hasScheduled(sandbox, day)) {
                        makeScheduled(sandbox, day);
                    }
                }
            }
            startQueued();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The segmentation check failed; it runs again shortly", e);
        }
    }

    /** Queues a job for every segment of the sandbox, made by the platform itself (the demo's first evaluation). */
    void evaluateAll(String sandbox) {
        queueAll(sandbox, null, "evaluation");
        startQueued();
    }

    private void makeScheduled(String sandbox, String day) {
        try {
            queueAll(sandbox, day, "daily evaluation");
        } catch (RuntimeException e) {
            // another node made today's job first (the unique (sandbox, schedule_day) says so)
            LOG.log(Level.FINE, "Today's segmentation job of " + sandbox + " exists", e);
        }
    }

    private void queueAll(String sandbox, String day, String what) {
        Set<String> ids = new LinkedHashSet<>();
        store.all(sandbox).forEach(s -> ids.add(s.id));
        if (!ids.isEmpty()) {
            store.add(new SegmentJobEntity(Secrets.random(16), sandbox, SegmentJobEntity.SCHEDULED, idsJson(ids), day,
                    "system", now()), what + " of " + ids.size() + " segment(s)");
        }
    }

    /** The time of day of the daily job, or null when it is off. */
    private LocalTime dailyAt() {
        if (evaluationTime.isBlank() || evaluationTime.strip().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return LocalTime.parse(evaluationTime.strip());
        } catch (DateTimeParseException e) {
            LOG.warning("cdp.segments.evaluation-time is not a time of day (HH:MM): " + evaluationTime + "; using 02:00");
            return LocalTime.of(2, 0);
        }
    }

    /** Starts every queued job that may run now (one per sandbox), each on the managed executor. */
    void startQueued() {
        for (String id : store.queued()) {
            if (store.claim(id, now())) {
                executor.execute(() -> run(id));
            }
        }
    }

    void run(String id) {
        SegmentJobEntity job = store.job(id);
        Map<String, Counter> counters = new LinkedHashMap<>();
        long read = 0;
        OffsetDateTime at = job.startedAt == null ? now() : job.startedAt;
        try {
            Map<String, Condition> segments = new LinkedHashMap<>();
            for (String segmentId : ids(job.segmentIds)) {
                store.find(job.sandbox, segmentId).ifPresent(s -> segments.put(s.id, Pql.parse(s.expression)));
            }
            SegmentScan.Needs needs = SegmentScan.Needs.of(segments.values());
            long started = System.nanoTime();
            String status = SegmentJobEntity.PROCESSING;
            for (SegmentScan.Chunk chunk = scan.evaluate(job.sandbox, Long.MIN_VALUE, CHUNK, segments, needs,
                    at.toInstant(), counters); chunk.size() > 0;
                    chunk = scan.evaluate(job.sandbox, chunk.last(), CHUNK, segments, needs, at.toInstant(), counters)) {
                read += chunk.size();
                status = store.progress(id, read, countersJson(counters), now());
                if (SegmentJobEntity.CANCELLING.equals(status)) {
                    break;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            for (String segmentId : segments.keySet()) {
                Counter counter = counters.getOrDefault(segmentId, new Counter());
                store.evaluated(segmentId, at, counter.realized, counter.exited, millis, id);
                store.find(job.sandbox, segmentId).ifPresent(s -> scan.forgetExited(s.id,
                        at.toInstant().minus(s.ttlDays, ChronoUnit.DAYS)));
            }
            store.finish(id, SegmentJobEntity.CANCELLING.equals(status) ? SegmentJobEntity.CANCELLED
                    : SegmentJobEntity.SUCCEEDED, read, countersJson(counters), null, now());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Segmentation job " + id + " failed", e);
            store.finish(id, SegmentJobEntity.FAILED, read, countersJson(counters), "the evaluation stopped: "
                    + e.getClass().getSimpleName() + "; run the job again", now());
        }
        startQueued();
    }

    // --- views ----------------------------------------------------------------------------------------------

    SegmentJob view(SegmentJobEntity job) {
        List<SegmentJob.Segment> segments = new ArrayList<>();
        for (String id : ids(job.segmentIds)) {
            segments.add(new SegmentJob.Segment(id, store.find(job.sandbox, id).map(s -> new SegmentJob.Definition(s.id,
                    s.version, SegmentExpression.pql(s.expression),
                    new SegmentJob.MergePolicy(SegmentService.MERGE_POLICY, 1))).orElse(null)));
        }
        Map<String, Long> members = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byStatus = new LinkedHashMap<>();
        if (job.counters != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(job.counters))) {
                JsonObject counters = reader.readObject();
                counters.forEach((id, value) -> {
                    JsonObject c = value.asJsonObject();
                    long realized = c.getJsonNumber("realized").longValue();
                    long existing = c.getJsonNumber("existing").longValue();
                    members.put(id, realized + existing);
                    byStatus.put(id, Map.of("realized", realized, "existing", existing,
                            "exited", c.getJsonNumber("exited").longValue()));
                });
            }
        }
        long created = millis(job.createdAt);
        long completed = job.completedAt == null ? 0 : millis(job.completedAt);
        long started = job.startedAt == null ? 0 : millis(job.startedAt);
        SegmentJob.Metrics metrics = new SegmentJob.Metrics(
                new SegmentJob.Time(created, completed, completed == 0 ? 0 : completed - created),
                new SegmentJob.Time(started, completed, completed == 0 || started == 0 ? 0 : completed - started),
                job.profilesRead, members, byStatus);
        List<SegmentJob.Error> errors = job.error == null ? List.of()
                : List.of(new SegmentJob.Error("segmentation-failed", job.error));
        return new SegmentJob(job.id, orgId, "ups", job.status, job.trigger, job.createdBy, created,
                millis(job.updatedAt), segments, errors, metrics);
    }

    private static long millis(OffsetDateTime at) {
        return at.toInstant().toEpochMilli();
    }

    private static String idsJson(Set<String> ids) {
        var array = JSON.createArrayBuilder();
        ids.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> ids(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    private static String countersJson(Map<String, Counter> counters) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        counters.forEach((id, c) -> json.add(id, JSON.createObjectBuilder().add("realized", c.realized)
                .add("existing", c.existing).add("exited", c.exited)));
        return json.build().toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
