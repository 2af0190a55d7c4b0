package dev.cdpconsole.platform.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.BatchView;
import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;

/**
 * JSON Lines batches: recorded before they run, processed in the background on a managed executor one record at
 * a time (each in its own transaction), with progress written as they go. A bad line is recorded with its number
 * and reason and does not stop the rest. A batch left unfinished by a restart is taken up again at start.
 */
@ApplicationScoped
public class BatchIngestion {

    private static final Logger LOG = Logger.getLogger(BatchIngestion.class.getName());
    private static final int PROGRESS_EVERY = 200;
    private static final int MAX_ERRORS = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatchStore batches;

    @Inject
    ProfileIngestion ingestion;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.max-batch-bytes", defaultValue = "52428800")
    long maxBatchBytes;

    /** Records the batch and starts it; an empty upload or one that is not JSON Lines is a 400. */
    public BatchView submit(String sandbox, String schema, String payload, String by) {
        if (payload == null || payload.isBlank()) {
            throw ProblemException.badRequest("batch-empty", "the upload is empty");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > maxBatchBytes) {
            throw ProblemException.badRequest("batch-too-large", "a batch may have at most " + maxBatchBytes + " bytes");
        }
        int lines = 0;
        String first = null;
        for (String line : payload.split("\n", -1)) {
            if (!line.isBlank()) {
                lines++;
                if (first == null) {
                    first = line.strip();
                }
            }
        }
        if (first == null || !first.startsWith("{")) {
            throw ProblemException.badRequest("batch-not-json-lines",
                    "the upload is not JSON Lines: one JSON object per line");
        }
        String id = "batch-" + Secrets.random(12);
        batches.add(new BatchEntity(id, sandbox, schema, lines, payload, by, now()));
        start(id);
        return view(batches.find(sandbox, id).orElseThrow());
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
        int processed = 0;
        int ok = 0;
        int bad = 0;
        List<BatchView.LineError> errors = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(new StringReader(batch.payload()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ingestion.ingest(batch.sandbox(), line, batch.schemaName());
                    ok++;
                } catch (ProblemException refused) {
                    bad++;
                    note(errors, lineNumber, refused.problem().detail());
                } catch (RuntimeException failure) {
                    bad++;
                    note(errors, lineNumber, "the record could not be stored");
                    LOG.log(Level.WARNING, "Batch " + id + " line " + lineNumber + " failed", failure);
                }
                processed++;
                if (processed % PROGRESS_EVERY == 0) {
                    batches.progress(id, processed, ok, bad, json(errors));
                }
            }
            batches.finish(id, processed, ok, bad, json(errors), BatchEntity.SUCCESS, now());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Batch " + id + " stopped", e);
            note(errors, lineNumber, "the batch stopped: " + e.getClass().getSimpleName());
            batches.finish(id, processed, ok, bad, json(errors), BatchEntity.FAILED, now());
        }
    }

    private static void note(List<BatchView.LineError> errors, int line, String reason) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new BatchView.LineError(line, reason));
        }
    }

    private static String json(List<BatchView.LineError> errors) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        errors.forEach(e -> array.add(Json.createObjectBuilder().add("line", e.line()).add("reason", e.reason())));
        return array.build().toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static BatchView view(BatchEntity b) {
        List<BatchView.LineError> errors = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(b.errors))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject error = value.asJsonObject();
                errors.add(new BatchView.LineError(error.getInt("line"), error.getString("reason")));
            }
        }
        return new BatchView(b.id, b.schemaName, b.state, b.totalLines, b.processedLines, b.ingested, b.failed,
                List.copyOf(errors), Times.iso(b.createdAt), Times.iso(b.startedAt), Times.iso(b.completedAt));
    }
}
