package dev.cdpconsole.admin.activation;

import java.util.List;

import dev.cdpconsole.api.FlowRun;

/** A flow run as the history and the run's page show it: its Adobe metrics read, sizes and times written out. */
public record RunView(String id, String flowId, String created, long createdAt, String kind, String status,
        String destinationId, String destinationName, String segmentId, String segmentName, String startedBy,
        String retryOf, long rowsIn, long rowsOut, long rowsFailed, long bytes, String size, String started,
        String completed, String duration, long durationMillis, long rowsWritten, long expectedRows, int percent, String fileName,
        String manifestName, String sha256, List<String> errors) {

    static RunView of(FlowRun run) {
        FlowRun.Metrics m = run.metrics();
        String startedAt = m.durationSummary() == null ? null : m.durationSummary().startedAtUTC();
        String completedAt = m.durationSummary() == null ? null : m.durationSummary().completedAtUTC();
        FlowRun.RecordSummary records = m.recordSummary();
        long bytes = m.sizeSummary() == null ? 0 : m.sizeSummary().outputBytes();
        FlowRun.Progress progress = run.progress() == null ? new FlowRun.Progress(0, 0) : run.progress();
        List<String> errors = m.statusSummary().errors() == null ? List.of()
                : m.statusSummary().errors().stream().map(FlowRun.Error::message).toList();
        return new RunView(run.id(), run.flowId(), RunFormat.time(run.createdAt()), run.createdAt(), run.kind(),
                m.statusSummary().status(), run.destinationId(), run.destinationName(), run.segmentId(),
                run.segmentName(), run.startedBy(), run.retryOf(), records.inputRecordCount(),
                records.outputRecordCount(), records.failedRecordCount(), bytes, RunFormat.bytes(bytes),
                RunFormat.time(startedAt), RunFormat.time(completedAt), RunFormat.duration(startedAt, completedAt),
                RunFormat.millis(startedAt, completedAt),
                progress.rowsWritten(), progress.expectedRows(),
                RunFormat.percent(progress.rowsWritten(), progress.expectedRows()), run.fileName(), run.manifestName(),
                run.sha256(), errors);
    }

    /** Pending or in progress: the page follows it. */
    public boolean isRunning() {
        return "pending".equals(status) || "inProgress".equals(status);
    }

    public boolean isFailed() {
        return "failed".equals(status);
    }

    public boolean isSuccess() {
        return "success".equals(status);
    }

    /** The Bootstrap badge of its status. */
    public String badge() {
        return switch (status) {
            case "success" -> "text-bg-success";
            case "failed" -> "text-bg-danger";
            case "inProgress" -> "text-bg-info";
            default -> "text-bg-secondary";
        };
    }
}
