package dev.cdpconsole.platform.activation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An activation run: one segment's export to one destination, ad-hoc or scheduled, recorded before it starts.
 * It is changed by bulk updates of {@link RunStore} only (claim, progress, finish), never through this object.
 */
@Entity
@Table(name = "activation_run")
public class RunEntity {

    static final String PENDING = "pending";
    static final String IN_PROGRESS = "inProgress";
    static final String SUCCESS = "success";
    static final String FAILED = "failed";
    static final String ADHOC = "adhoc";
    static final String SCHEDULED = "scheduled";

    @Id
    String id;

    String sandbox;

    @Column(name = "dataflow_id")
    String dataflowId;

    @Column(name = "destination_id")
    String destinationId;

    @Column(name = "destination_name")
    String destinationName;

    @Column(name = "segment_id")
    String segmentId;

    @Column(name = "segment_name")
    String segmentName;

    String kind;

    @Column(name = "scheduled_for")
    String scheduledFor;

    String status;

    @Column(name = "started_by")
    String startedBy;

    @Column(name = "retry_of")
    String retryOf;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "completed_at")
    OffsetDateTime completedAt;

    @Column(name = "heartbeat_at")
    OffsetDateTime heartbeatAt;

    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "expected_rows")
    long expectedRows;

    @Column(name = "rows_written")
    long rowsWritten;

    @Column(name = "failed_rows")
    long failedRows;

    @Column(name = "output_bytes")
    long outputBytes;

    @Column(name = "file_name")
    String fileName;

    String sha256;

    String error;

    protected RunEntity() {
    }

    RunEntity(String id, String sandbox, String dataflowId, String destinationId, String destinationName,
            String segmentId, String segmentName, String kind, String scheduledFor, String by, String retryOf,
            long expectedRows, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.dataflowId = dataflowId;
        this.destinationId = destinationId;
        this.destinationName = destinationName;
        this.segmentId = segmentId;
        this.segmentName = segmentName;
        this.kind = kind;
        this.scheduledFor = scheduledFor;
        this.status = PENDING;
        this.startedBy = by;
        this.retryOf = retryOf;
        this.expectedRows = expectedRows;
        this.createdAt = at;
        this.updatedAt = at;
    }

    boolean isOpen() {
        return PENDING.equals(status) || IN_PROGRESS.equals(status);
    }
}
