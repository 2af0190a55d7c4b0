package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A preview of a definition, as Adobe's preview service: counted over every profile of the sandbox in the
 * background ({@code state} {@code RUNNING}, then {@code RESULT_READY}, or {@code FAILED}).
 */
@Schema(name = "PreviewQueryResponse")
public record Preview(String previewQueryId, String previewId, String state, String previewQueryStatus,
        int previewExecutionId) {

    /** {@code GET /estimate/{previewId}}: the count so far; exact once RESULT_READY (so standardError is 0). */
    @Schema(name = "EstimateResponse")
    public record Estimate(long estimatedSize, int standardError, String confidenceInterval, long profilesReadSoFar,
            long profilesMatchedSoFar, long totalRows, String state, EstimateLinks _links) {
    }

    /** Where the sample is. */
    @Schema(name = "PreviewLink")
    public record EstimateLinks(String preview) {
    }

    /** {@code GET /preview/{previewId}}: a page of the first profiles that match (at most 100 are kept). */
    @Schema(name = "EndCustomerEntityPageResponse")
    public record Results(String state, List<Result> results, ResultPage page, ResultLink link) {
    }

    /** A matching profile: its XID, a link to it in the entities API, and what an agent would recognise. */
    @Schema(name = "PreviewSegmentsWrapperResponse")
    public record Result(String objectId, String _href, String name, String email, String city) {
    }

    /** Where this page is. */
    @Schema(name = "PreviewResultPage")
    public record ResultPage(int offset, int size, long totalCount) {
    }

    /** The next page, empty on the last one. */
    @Schema(name = "PreviewResultLink")
    public record ResultLink(String next) {
    }
}
