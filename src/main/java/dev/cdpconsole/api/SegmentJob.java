package dev.cdpconsole.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A segmentation job in the shape of Adobe's segmentation service: the segments it evaluates, its status
 * ({@code QUEUED}, {@code PROCESSING}, {@code SUCCEEDED}, {@code FAILED}, {@code CANCELLING}, {@code CANCELLED})
 * and its metrics. {@code creationTime} and {@code updateTime} are milliseconds since the epoch.
 *
 * @param trigger (ours) {@code api} for a job someone asked for, {@code scheduled} for the daily one
 */
@Schema(name = "SegmentJob")
public record SegmentJob(String id, String imsOrgId, String profileInstanceId, String status, String trigger,
        String createdBy, long creationTime, long updateTime, List<Segment> segments, List<Error> errors,
        Metrics metrics) {

    /** One segment the job evaluates, with the definition it used. */
    @Schema(name = "SegmentInfo")
    public record Segment(String segmentId, Definition segment) {
    }

    /** The definition a job evaluated. */
    @Schema(name = "SegmentJobDefinition")
    public record Definition(String id, int version, SegmentExpression expression, MergePolicy mergePolicy) {
    }

    /** There is one merge policy: {@code ups-default}. */
    @Schema(name = "SegmentJobMergePolicy")
    public record MergePolicy(String id, int version) {
    }

    /** Why a job failed. */
    @Schema(name = "SegmentJobError")
    public record Error(String code, String msg) {
    }

    /**
     * Adobe's job metrics: times, profiles read, members per segment and members per segment by status
     * ({@code realized}, {@code existing}, {@code exited}).
     */
    @Schema(name = "SegmentJobMetrics")
    public record Metrics(Time totalTime, Time profileSegmentationTime, long totalProfiles,
            Map<String, Long> segmentedProfileCounter, Map<String, Map<String, Long>> segmentedProfileByStatusCounter) {
    }

    /** Start, end and length in milliseconds (end and length 0 while running). */
    @Schema(name = "SegmentJobTime")
    public record Time(long startTimeInMs, long endTimeInMs, long totalTimeInMs) {
    }

    /** A page of jobs, newest first. */
    @Schema(name = "SegmentJobList")
    public record Page(PageInfo _page, List<SegmentJob> children, Links _links) {
    }

    /** How many jobs there are in all and on this page. */
    @Schema(name = "SegmentJobPage")
    public record PageInfo(long totalCount, int pageSize) {
    }

    /** The next page, if any. */
    @Schema(name = "SegmentJobLinks")
    public record Links(Link next) {
    }
}
