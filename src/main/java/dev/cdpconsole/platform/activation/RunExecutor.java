package dev.cdpconsole.platform.activation;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.destination.DataflowEntity;
import dev.cdpconsole.platform.destination.DestinationEntity;
import dev.cdpconsole.platform.destination.DestinationStore;
import dev.cdpconsole.platform.destination.Mapping;
import dev.cdpconsole.platform.segment.SegmentStore;
import dev.cdpconsole.platform.segment.SegmentSummary;

/**
 * Runs the recorded runs: at most {@code cdp.activation.max-concurrent-runs} at once on this node, each claimed
 * from the database so that no run is executed twice on several nodes. Every
 * {@code cdp.activation.scheduler-seconds} it also records the scheduled exports that are due (once per mapping
 * and day, whichever node is first), and marks failed ("interrupted") the runs whose heartbeat stopped: a run
 * beats at least every {@value #HEARTBEAT_SECONDS} s, and one silent for {@value #STALE_SECONDS} s had its node
 * stop. The check runs at start too.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());
    static final int HEARTBEAT_SECONDS = 2;
    static final int STALE_SECONDS = 20;

    @Inject
    RunStore runs;

    @Inject
    FileExport export;

    @Inject
    DestinationStore destinations;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "cdp.activation.max-concurrent-runs", defaultValue = "2")
    int maxConcurrentRuns;

    @Inject
    @ConfigProperty(name = "cdp.activation.scheduler-seconds", defaultValue = "10")
    int schedulerSeconds;

    private ScheduledFuture<?> ticking;

    private final String node = "node-" + Secrets.random(8);
    private Semaphore permits;
    /** Counts the requests to start runs, so that a task that found nothing looks again when one came meanwhile. */
    private final AtomicLong asked = new AtomicLong();
    private volatile boolean held;

    @PostConstruct
    void init() {
        permits = new Semaphore(Math.max(1, maxConcurrentRuns));
    }

    void start(@Observes @Priority(Migrations.PRIORITY + 40) Startup startup) {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 1, Math.max(1, schedulerSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** Once the runs are committed they start at once, as far as this node has room for them. */
    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunsRecorded recorded) {
        kick();
    }

    void tick() {
        try {
            sweep();
            schedule();
            kick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The activation check failed; it runs again shortly", e);
        }
    }

    /** Starts pending runs while this node has room for them. */
    void kick() {
        asked.incrementAndGet();
        startTasks();
    }

    /**
     * One task on the executor for each free permit. A task claims its run only once it has a thread: a run waiting
     * for a busy executor stays pending, where claimed it would have no heartbeat and the sweep would take it for a
     * run whose server stopped.
     */
    private void startTasks() {
        while (permits.tryAcquire()) {
            try {
                executor.execute(this::claimAndExecute);
            } catch (RejectedExecutionException e) {
                // the scheduler's next check starts the pending runs
                permits.release();
                return;
            }
        }
    }

    private void claimAndExecute() {
        long seen = asked.get();
        Optional<String> claimed;
        try {
            claimed = runs.claim(node, now());
        } catch (RuntimeException e) {
            permits.release();
            LOG.log(Level.WARNING, "Claiming an activation run failed; the next check tries again", e);
            return;
        }
        if (claimed.isEmpty()) {
            permits.release();
            if (asked.get() != seen) {
                // a run recorded while this task looked may have found no free permit: look again for it
                startTasks();
            }
            return;
        }
        try {
            execute(claimed.get());
        } catch (RuntimeException e) {
            // execute() fails the run itself for what can go wrong in an export; this is anything else (reading the
            // run, say): the run keeps no heartbeat, so the stalled-run check marks it failed, and the log says why
            LOG.log(Level.SEVERE, "Activation run " + claimed.get() + " stopped before it could record why", e);
        } finally {
            permits.release();
            startTasks();
        }
    }

    /**
     * Tests only (through {@code /data/foundation/system/activation-hold}, where the clock is adjustable): a claimed
     * run waits, without a heartbeat, until released, as a run on a server that stopped would look; released, it
     * goes on only if it was not marked interrupted meanwhile.
     */
    public void hold(boolean hold) {
        held = hold;
    }

    public boolean isHeld() {
        return held;
    }

    void execute(String id) {
        while (held) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        RunEntity run = runs.find(id);
        if (!RunEntity.IN_PROGRESS.equals(run.status)) {
            return;
        }
        OffsetDateTime startedAt = run.startedAt == null ? now() : run.startedAt;
        long[] written = {0, 0};
        long[] lastBeat = {System.nanoTime()};
        try {
            DestinationEntity destination = destinations.destination(run.sandbox, run.destinationId).orElse(null);
            if (destination == null) {
                runs.fail(id, 0, "the destination was deleted before the run started", now());
                return;
            }
            if (RunEntity.SCHEDULED.equals(run.kind)) {
                destinations.firstScheduled(run.dataflowId, run.segmentId, startedAt);
            }
            FileExport.Result result = export.export(run, destination, startedAt, (rows, bytes) -> {
                written[0] = rows;
                written[1] = bytes;
                if (System.nanoTime() - lastBeat[0] >= TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS) / 2) {
                    runs.progress(id, rows, bytes, now());
                    lastBeat[0] = System.nanoTime();
                }
            });
            runs.succeed(id, result.rows(), result.bytes(), result.fileName(), result.sha256(), now());
        } catch (IOException e) {
            runs.fail(id, written[0], "writing the file failed: " + e.getMessage() + "; nothing was published", now());
        } catch (SQLException e) {
            runs.fail(id, written[0], "reading the segment's members failed: " + e.getMessage()
                    + "; nothing was published", now());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Activation run " + id + " failed", e);
            runs.fail(id, written[0], "the run stopped: " + e.getClass().getSimpleName() + "; nothing was published",
                    now());
        }
    }

    /** Marks failed the runs whose node stopped, and removes what they left in the staging folder. */
    void sweep() {
        OffsetDateTime now = now();
        OffsetDateTime before = now.minusSeconds(STALE_SECONDS);
        for (String id : runs.stalled(before)) {
            if (runs.interrupt(id, before, now)) {
                LOG.warning("Activation run " + id + " was interrupted (its server stopped); marked failed");
                export.discard(id);
            }
        }
    }

    /** Records the scheduled exports of enabled dataflows that are due today and not yet recorded. */
    void schedule() {
        OffsetDateTime now = now();
        LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        for (DataflowEntity flow : destinations.enabledFlows()) {
            for (Mapping mapping : destinations.mappings(flow.id)) {
                OffsetDateTime due = mapping.dueOn(today);
                if (due == null || now.isBefore(due) || runs.hasScheduled(flow.id, mapping.segmentId(), today.toString())) {
                    continue;
                }
                Optional<SegmentSummary> segment = segments.summary(flow.sandbox, mapping.segmentId());
                Optional<DestinationEntity> destination = destinations.destination(flow.sandbox, flow.destinationId);
                if (segment.isEmpty() || destination.isEmpty()) {
                    continue;
                }
                try {
                    runs.addScheduled(new RunEntity(Secrets.random(16), flow.sandbox, flow.id, flow.destinationId,
                            destination.get().name, segment.get().id(), segment.get().name(), RunEntity.SCHEDULED,
                            today.toString(), "system", null, segment.get().memberCount(), now));
                } catch (RuntimeException e) {
                    // another node recorded today's run first: activation_run_schedule is unique
                    LOG.log(Level.FINE, "Today's scheduled run exists", e);
                }
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
