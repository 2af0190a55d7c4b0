package dev.cdpconsole.platform.profile;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.BatchView;
import dev.cdpconsole.api.DeleteRequest;
import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.problem.ProblemMappers;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;

/**
 * JSON Lines batches: recorded before they run, processed in the background on a managed executor a chunk of
 * lines at a time (each chunk in its own transaction, see {@link BulkIngestion}), with progress written as they go. A bad line is recorded with its number
 * and reason and does not stop the rest. A batch left unfinished by a restart is taken up again at start.
 */
@ApplicationScoped
public class BatchIngestion {

    private static final Logger LOG = Logger.getLogger(BatchIngestion.class.getName());
    /** Lines taken in one transaction; progress is written after each chunk. */
    private static final int CHUNK = 1000;
    private static final int MAX_ERRORS = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatchStore batches;

    @Inject
    ProfileIngestion ingestion;

    @Inject
    BulkIngestion bulk;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-batch-bytes", defaultValue = "52428800")
    long maxBatchBytes;

    /**
     * Records the batch as its upload streams in, a part at a time, then starts it; an empty upload, one that is not
     * JSON Lines or one over the size limit is a 400, and nothing of it is kept.
     */
    public BatchView submit(String sandbox, String schema, InputStream upload, String by) {
        String id = "batch-" + Secrets.random(12);
        BatchEntity batch = new BatchEntity(id, sandbox, schema, 0, by, now());
        batches.add(batch, new BatchUpload(id, upload, maxBatchBytes, CHUNK));
        start(id);
        // The batch as recorded (queued), not read again: on Payara, a read outside a transaction after the task has
        // started hands the entity manager to both the request and the task, and the second to end closes it again
        // (a SEVERE "closed EntityManager" with an invocation-stack warning in the log after every upload).
        return view(batch);
    }

    public BatchView status(String sandbox, String id) {
        return view(batches.find(sandbox, id)
                .orElseThrow(() -> ProblemException.notFound("batch-not-found", "No such batch in this sandbox")));
    }

    public BatchView.Recent latest(String sandbox, int limit) {
        return new BatchView.Recent(batches.latest(sandbox, limit).stream().map(BatchIngestion::view).toList());
    }

    void resume(@Observes @Priority(Migrations.PRIORITY + 20) Startup startup) {
        for (String id : batches.unfinished()) {
            batches.requeue(id);
            start(id);
        }
    }

    private void start(String id) {
        executor.execute(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Batch " + id + " could not run", e);
            }
        });
    }

    void run(String id) {
        var claimed = batches.claim(id, now());
        if (claimed.isEmpty()) {
            return;
        }
        BatchStore.Claimed batch = claimed.get();
        Totals[] totals = {new Totals(batch.processed(), batch.ingested(), batch.failed(), errors(batch.errors()))};
        try {
            for (int number : batches.parts(id)) {
                BatchPartEntity part = batches.part(id, number).orElse(null);
                if (part == null) {
                    continue;
                }
                List<BulkIngestion.Line> lines = new ArrayList<>();
                String[] texts = part.lines.split("\n", -1);
                for (int i = 0; i < texts.length; i++) {
                    if (!texts[i].isBlank()) {
                        lines.add(new BulkIngestion.Line(part.firstLine + i, texts[i]));
                    }
                }
                Totals before = totals[0];
                chunk(batch.sandbox(), batch.schemaName(), id, lines, (db, refused) -> {
                    Totals after = before.plus(lines.size(), refused);
                    BatchStore.recordPart(db, id, number, after.processed, after.processed - after.failed,
                            after.failed, json(after.errors));
                    totals[0] = after;
                });
            }
            Totals done = totals[0];
            batches.finish(id, done.processed, done.processed - done.failed, done.failed, json(done.errors),
                    BatchEntity.SUCCESS, now());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Batch " + id + " stopped", e);
            Totals done = totals[0];
            List<BatchView.LineError> errors = new ArrayList<>(done.errors);
            errors.add(new BatchView.LineError(done.processed, "the batch stopped: " + e.getClass().getSimpleName()));
            batches.finish(id, done.processed, done.processed - done.failed, done.failed, json(errors),
                    BatchEntity.FAILED, now());
        }
    }

    /** How far a batch got: lines processed, lines refused and the first errors. */
    private record Totals(int processed, int ingested, int failed, List<BatchView.LineError> errors) {

        Totals plus(int lines, List<BatchView.LineError> refused) {
            List<BatchView.LineError> all = new ArrayList<>(errors);
            refused.stream().limit(Math.max(0, MAX_ERRORS - all.size())).forEach(all::add);
            return new Totals(processed + lines, ingested + lines - refused.size(), failed + refused.size(),
                    List.copyOf(all));
        }
    }

    /**
     * Ingests a chunk of lines at once and runs {@code after} in the same transaction; when the database refuses
     * the chunk (another writer got in between), takes it again record by record, then runs {@code after}.
     * Answers the refused lines.
     */
    List<BatchView.LineError> chunk(String sandbox, String schema, String batchId, List<BulkIngestion.Line> lines,
            BulkIngestion.AfterChunk after) {
        try {
            return bulk.ingest(sandbox, schema, batchId, lines, after);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Batch {0}: a chunk is taken record by record ({1})",
                    new Object[] {batchId, e.getMessage()});
        }
        List<BatchView.LineError> refused = new ArrayList<>();
        for (BulkIngestion.Line line : lines) {
            try {
                ingestion.ingest(sandbox, line.text(), schema, batchId);
            } catch (ProblemException e) {
                refused.add(new BatchView.LineError(line.number(), e.problem().detail()));
            } catch (RuntimeException failure) {
                String reason = ProblemMappers.dataError(failure);
                refused.add(new BatchView.LineError(line.number(),
                        reason != null ? reason : "the record could not be stored"));
                LOG.log(Level.WARNING, "Batch " + batchId + " line " + line.number() + " failed", failure);
            }
        }
        batches.afterChunk(after, refused);
        return refused;
    }


    private static String json(List<BatchView.LineError> errors) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        errors.forEach(e -> array.add(JSON.createObjectBuilder().add("line", e.line()).add("reason", e.reason())));
        return array.build().toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<BatchView.LineError> errors(String json) {
        List<BatchView.LineError> errors = new ArrayList<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject error = value.asJsonObject();
                errors.add(new BatchView.LineError(error.getInt("line"), error.getString("reason")));
            }
        }
        return List.copyOf(errors);
    }

    static BatchView view(BatchEntity b) {
        String dataset = RecordReader.EVENT_SCHEMA.equals(b.schemaName) ? DeleteRequest.EVENT_DATASET
                : DeleteRequest.PROFILE_DATASET;
        return new BatchView(b.id, b.schemaName, dataset, b.state, b.totalLines, b.processedLines, b.ingested, b.failed,
                errors(b.errors), Times.iso(b.createdAt), Times.iso(b.startedAt), Times.iso(b.completedAt));
    }
}
