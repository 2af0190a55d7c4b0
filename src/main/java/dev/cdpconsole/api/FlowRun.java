package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A flow run, as Adobe's flow service shows one: one segment's export to one destination, ad-hoc or scheduled.
 * {@code createdAt} and {@code updatedAt} are milliseconds since the epoch; the {@code metrics} and
 * {@code activities} are Adobe's; the rest is ours: what was exported where, by whom, the file and its
 * manifest, and the progress while it runs.
 */
@Schema(name = "FlowRun")
public record FlowRun(String id, String flowId, long createdAt, long updatedAt, Metrics metrics,
        List<Activity> activities, String kind, String segmentId, String segmentName, String destinationId,
        String destinationName, String startedBy, String retryOf, String fileName, String manifestName,
        String sha256, Progress progress) {

    /** Adobe's run metrics. */
    @Schema(name = "FlowRunMetrics")
    public record Metrics(DurationSummary durationSummary, SizeSummary sizeSummary, RecordSummary recordSummary,
            StatusSummary statusSummary) {
    }

    /** When the run started and completed (ISO, UTC; absent until then). */
    @Schema(name = "FlowRunDuration")
    public record DurationSummary(String startedAtUTC, String completedAtUTC) {
    }

    /** The bytes of the file written. */
    @Schema(name = "FlowRunSize")
    public record SizeSummary(long outputBytes) {
    }

    /** The segment's members read, the rows written, and those that failed. */
    @Schema(name = "FlowRunRecords")
    public record RecordSummary(long inputRecordCount, long outputRecordCount, long failedRecordCount) {
    }

    /** {@code pending}, {@code inProgress}, {@code success} or {@code failed}, and why it failed. */
    @Schema(name = "FlowRunStatus")
    public record StatusSummary(
            @Schema(enumeration = {"pending", "inProgress", "success", "failed"}) String status,
            List<Error> errors) {
    }

    /** A reason a run failed. */
    @Schema(name = "FlowRunError")
    public record Error(String code, String message) {
    }

    /** A step of the run: reading the members, writing the file, publishing it with its manifest. */
    @Schema(name = "FlowRunActivity")
    public record Activity(String name, String status, String startedAtUTC, String completedAtUTC) {
    }

    /** Rows written of those expected (the segment's members when the run started). */
    @Schema(name = "FlowRunProgress")
    public record Progress(long rowsWritten, long expectedRows) {
    }

    /** A page of runs, newest first, and the next page. */
    @Schema(name = "FlowRunList")
    public record Page(List<FlowRun> items, long total, Links _links) {
    }

    /** The next page, if any. */
    @Schema(name = "FlowRunLinks")
    public record Links(Link next) {
    }
}
