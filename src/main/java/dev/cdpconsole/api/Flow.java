package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataflow: a destination and the segments it exports, each with its schedule. {@code state} is
 * {@code enabled} or {@code disabled} as set, shown as {@code processing} while a scheduled export runs and
 * {@code error} when its latest run failed. Times are milliseconds since the epoch, as Adobe's flow service.
 */
@Schema(name = "Flow")
public record Flow(String id, String name, String destinationId, String destinationName, String state,
        List<Segment> segments, String createdBy, long createdAt, long updatedAt) {

    /** A mapped segment and its schedule. */
    @Schema(name = "FlowSegmentView")
    public record Segment(String segmentId, String segmentName, Schedule schedule, String firstScheduledRunAt) {
    }

    /** The schedule as kept. */
    @Schema(name = "FlowScheduleView")
    public record Schedule(String frequency, String startDate, String endDate, String time) {
    }

    /** The dataflows of a sandbox, by name. */
    @Schema(name = "FlowList")
    public record Page(List<Flow> items) {
    }
}
