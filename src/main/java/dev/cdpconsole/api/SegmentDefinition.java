package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A segment definition in the shape of Adobe's segmentation service, with its latest evaluation (ours).
 *
 * @param creationTime when it was made, in milliseconds since the epoch (as {@code updateTime})
 * @param updateEpoch  when it last changed, in seconds since the epoch
 * @param metrics      (ours) what the latest segmentation job found; absent before the first
 */
@Schema(name = "SegmentDefinition")
public record SegmentDefinition(String id, String imsOrgId, Sandbox sandbox, String name, String description,
        SegmentExpression expression, SegmentRequest.SchemaName schema, int ttlInDays, String profileInstanceId,
        String mergePolicyId, int version, String createdBy, long creationTime, long updateTime, long updateEpoch,
        Metrics metrics) {

    /** The sandbox a definition belongs to. */
    @Schema(name = "SegmentSandbox")
    public record Sandbox(String sandboxName) {
    }

    /**
     * The latest evaluation: members ({@code realized} + {@code existing}), how many entered, stayed and left,
     * when ({@code evaluatedAt}, milliseconds since the epoch), how long it took, and the job that did it.
     */
    @Schema(name = "SegmentMetrics")
    public record Metrics(long memberCount, long realized, long existing, long exited, long evaluatedAt,
            long evaluationTimeInMs, String jobId) {
    }

    /** A page of definitions, as Adobe's list: {@code segments}, {@code page} and {@code link.next}. */
    @Schema(name = "SegmentDefinitionList")
    public record Page(List<SegmentDefinition> segments, PageInfo page, Links link) {
    }

    /** Where the page is in the whole list. */
    @Schema(name = "SegmentDefinitionPage")
    public record PageInfo(long totalCount, long totalPages, String sortField, String sort, int pageSize,
            int limit) {
    }

    /** The next page's address, empty on the last one. */
    @Schema(name = "SegmentDefinitionLinks")
    public record Links(String next) {
    }
}
