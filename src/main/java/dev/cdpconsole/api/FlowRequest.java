package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /data/foundation/flowservice/flows} (name, destinationId required; one dataflow per
 * destination) and of {@code PATCH …/{flowId}} (only the fields to change; {@code segments} replaces the mapping).
 */
@Schema(name = "FlowRequest")
public class FlowRequest {

    @Schema(example = "Flash sale")
    private String name;

    private String destinationId;

    @Schema(enumeration = {"enabled", "disabled"}, defaultValue = "enabled")
    private String state;

    private List<SegmentMapping> segments;

    public FlowRequest() {
    }

    public FlowRequest(String name, String destinationId, String state, List<SegmentMapping> segments) {
        this.name = name;
        this.destinationId = destinationId;
        this.state = state;
        this.segments = segments;
    }

    /** A segment the dataflow exports, with its schedule. */
    @Schema(name = "FlowSegment")
    public static class SegmentMapping {
        private String segmentId;
        private Schedule schedule;

        public SegmentMapping() {
        }

        public SegmentMapping(String segmentId, Schedule schedule) {
            this.segmentId = segmentId;
            this.schedule = schedule;
        }

        public String getSegmentId() {
            return segmentId;
        }

        public void setSegmentId(String segmentId) {
            this.segmentId = segmentId;
        }

        public Schedule getSchedule() {
            return schedule;
        }

        public void setSchedule(Schedule schedule) {
            this.schedule = schedule;
        }
    }

    /** When a segment is exported: once or daily, from a start date to an optional end date, at a time (UTC). */
    @Schema(name = "FlowSchedule")
    public static class Schedule {
        @Schema(enumeration = {"once", "daily"}, defaultValue = "daily")
        private String frequency;

        @Schema(example = "2026-12-01", description = "default: today")
        private String startDate;

        @Schema(example = "2026-12-31", description = "none: no end")
        private String endDate;

        @Schema(example = "06:00", description = "HH:MM in UTC, default 00:00")
        private String time;

        public Schedule() {
        }

        public Schedule(String frequency, String startDate, String endDate, String time) {
            this.frequency = frequency;
            this.startDate = startDate;
            this.endDate = endDate;
            this.time = time;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }

        public String getStartDate() {
            return startDate;
        }

        public void setStartDate(String startDate) {
            this.startDate = startDate;
        }

        public String getEndDate() {
            return endDate;
        }

        public void setEndDate(String endDate) {
            this.endDate = endDate;
        }

        public String getTime() {
            return time;
        }

        public void setTime(String time) {
            this.time = time;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public List<SegmentMapping> getSegments() {
        return segments;
    }

    public void setSegments(List<SegmentMapping> segments) {
        this.segments = segments;
    }
}
