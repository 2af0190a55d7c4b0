package dev.cdpconsole.platform.segment;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A segmentation job: the segments it evaluates (a JSON array of ids), its status and progress, and per segment
 * what it found (a JSON object of counters). {@code scheduleDay} is set on the daily job only, so that two
 * nodes cannot both make the same day's job.
 */
@Entity
@Table(name = "segment_job")
public class SegmentJobEntity {

    static final String QUEUED = "QUEUED";
    static final String PROCESSING = "PROCESSING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String CANCELLING = "CANCELLING";
    static final String CANCELLED = "CANCELLED";
    static final List<String> STATUSES = List.of(QUEUED, PROCESSING, SUCCEEDED, FAILED, CANCELLING, CANCELLED);
    static final String API = "api";
    static final String SCHEDULED = "scheduled";

    @Id
    String id;

    String sandbox;

    String status;

    @Column(name = "trigger_kind")
    String trigger;

    @Column(name = "segment_ids")
    String segmentIds;

    @Column(name = "schedule_day")
    String scheduleDay;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "completed_at")
    OffsetDateTime completedAt;

    @Column(name = "profiles_read")
    long profilesRead;

    String counters;

    String error;

    protected SegmentJobEntity() {
    }

    SegmentJobEntity(String id, String sandbox, String trigger, String segmentIds, String scheduleDay, String by,
            OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.status = QUEUED;
        this.trigger = trigger;
        this.segmentIds = segmentIds;
        this.scheduleDay = scheduleDay;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedAt = at;
    }

    boolean isFinished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }
}
