package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON Lines batch and how far it got.
 *
 * @param dataSetId the dataset the batch went into: {@code profile-records} or {@code experience-events} (what a
 *               delete request for the whole dataset names)
 * @param status {@code queued}, {@code processing}, {@code success} (every line was read; some may have failed,
 *               see {@code failed} and {@code errors}), {@code failed} (the batch could not be read to the end) or
 *               {@code deleted} (a delete request removed its data)
 * @param errors the first lines that were refused, each with its line number and reason
 */
@Schema(name = "Batch")
public record BatchView(String batchId, String schema, String dataSetId,
        @Schema(enumeration = {"queued", "processing", "success", "failed", "deleted"}) String status, int totalLines,
        int processedLines, int ingested, int failed, List<LineError> errors, String createdAt, String startedAt,
        String completedAt) {

    /** The latest batches of a sandbox. */
    @Schema(name = "BatchList")
    public record Recent(List<BatchView> batches) {
    }

    /** One refused line. */
    public record LineError(int line, String reason) {
    }
}
