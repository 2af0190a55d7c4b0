package dev.cdpconsole.platform.activation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.api.FlowRun;
import dev.cdpconsole.api.Link;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.destination.DestinationFolders;
import dev.cdpconsole.platform.destination.DestinationStore;

/** Flow runs as Adobe's flow service shows them, filtered by {@code property} expressions; a run's file. */
@ApplicationScoped
public class FlowRuns {

    /** The {@code property==value} filters and the fields they compare. */
    private static final Map<String, String> FILTERS = Map.of("flowId", "dataflowId", "status", "status",
            "destinationId", "destinationId", "segmentId", "segmentId", "kind", "kind", "startedBy", "startedBy");

    @Inject
    RunStore runs;

    @Inject
    DestinationStore destinations;

    @Inject
    DestinationFolders folders;

    public FlowRun.Page page(String sandbox, List<String> properties, int offset, int limit,
            IntFunction<String> nextHref) {
        Map<String, String> equal = new LinkedHashMap<>();
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        for (String property : properties == null ? List.<String>of() : properties) {
            String p = property.strip();
            int eq = p.indexOf("==");
            if (eq > 0 && FILTERS.containsKey(p.substring(0, eq))) {
                equal.put(FILTERS.get(p.substring(0, eq)), p.substring(eq + 2).strip());
            } else if (p.startsWith("createdAt>=")) {
                from = epoch(p.substring("createdAt>=".length()));
            } else if (p.startsWith("createdAt<")) {
                to = epoch(p.substring("createdAt<".length()));
            } else {
                throw ProblemException.badRequest("property-invalid", "property must be one of "
                        + String.join(", ", FILTERS.keySet().stream().sorted().map(f -> f + "==…").toList())
                        + ", createdAt>=… or createdAt<… (milliseconds since the epoch)");
            }
        }
        long total = runs.count(sandbox, equal, from, to);
        List<FlowRun> items = runs.page(sandbox, equal, from, to, offset, limit).stream().map(this::view).toList();
        Link next = offset + items.size() < total ? new Link(nextHref.apply(offset + limit)) : null;
        return new FlowRun.Page(items, total, new FlowRun.Links(next));
    }

    public RunEntity find(String sandbox, String id) {
        return runs.find(sandbox, id).orElseThrow(() -> ProblemException.notFound("run-not-found",
                "No flow run " + Fields.clip(id) + " in this sandbox"));
    }

    /** The published file of a successful run; 404 when there is none (any more). */
    public Path file(String sandbox, String id) {
        RunEntity run = find(sandbox, id);
        if (!RunEntity.SUCCESS.equals(run.status) || run.fileName == null) {
            throw ProblemException.notFound("run-file-not-found", "The run published no file");
        }
        Path file = destinations.destination(sandbox, run.destinationId).map(d -> folders.root().resolve(d.folder)
                .resolve(run.fileName).normalize()).orElse(null);
        if (file == null || !file.startsWith(folders.root()) || !Files.isRegularFile(file)) {
            throw ProblemException.notFound("run-file-not-found", "The run's file is no longer at its destination");
        }
        return file;
    }

    public FlowRun view(RunEntity run) {
        boolean done = RunEntity.SUCCESS.equals(run.status) || RunEntity.FAILED.equals(run.status);
        List<FlowRun.Error> errors = run.error == null ? List.of()
                : List.of(new FlowRun.Error(RunEntity.FAILED.equals(run.status) ? "run-failed" : "run-warning", run.error));
        FlowRun.Metrics metrics = new FlowRun.Metrics(
                new FlowRun.DurationSummary(Times.iso(run.startedAt), Times.iso(run.completedAt)),
                new FlowRun.SizeSummary(run.outputBytes),
                new FlowRun.RecordSummary(RunEntity.SUCCESS.equals(run.status) ? run.rowsWritten : run.expectedRows,
                        RunEntity.SUCCESS.equals(run.status) ? run.rowsWritten : 0, run.failedRows),
                new FlowRun.StatusSummary(run.status, errors));
        List<FlowRun.Activity> activities = new ArrayList<>();
        if (run.startedAt != null) {
            activities.add(new FlowRun.Activity("export", done ? run.status : RunEntity.IN_PROGRESS,
                    Times.iso(run.startedAt), done ? Times.iso(run.completedAt) : null));
        }
        if (RunEntity.SUCCESS.equals(run.status)) {
            activities.add(new FlowRun.Activity("publish", RunEntity.SUCCESS, Times.iso(run.completedAt),
                    Times.iso(run.completedAt)));
        }
        return new FlowRun(run.id, run.dataflowId, millis(run.createdAt), millis(run.updatedAt), metrics, activities,
                run.kind, run.segmentId, run.segmentName, run.destinationId, run.destinationName, run.startedBy,
                run.retryOf, run.fileName, run.fileName == null ? null : run.fileName + ".manifest.json", run.sha256,
                new FlowRun.Progress(run.rowsWritten, run.expectedRows));
    }

    private static long millis(OffsetDateTime at) {
        return at.toInstant().toEpochMilli();
    }

    private static OffsetDateTime epoch(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis.strip())).atOffset(ZoneOffset.UTC);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("property-invalid", "createdAt takes milliseconds since the epoch");
        }
    }
}
