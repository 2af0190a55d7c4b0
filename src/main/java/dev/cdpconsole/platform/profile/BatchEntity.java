package dev.cdpconsole.platform.profile;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A JSON Lines batch: its progress and outcome (its upload is kept in parts until ingested). Changed only through its methods. */
@Entity
@Table(name = "ingest_batch")
public class BatchEntity {

    static final String QUEUED = "queued";
    static final String PROCESSING = "processing";
    static final String SUCCESS = "success";
    static final String FAILED = "failed";
    /** Its data was deleted by a delete request. */
    static final String DELETED = "deleted";

    @Id
    String id;

    String sandbox;

    @Column(name = "schema_name")
    String schemaName;

    String state;

    @Column(name = "total_lines")
    int totalLines;

    @Column(name = "processed_lines")
    int processedLines;

    int ingested;
    int failed;

    /** The first errors, as a JSON array of {"line", "reason"}. */
    String errors;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "completed_at")
    OffsetDateTime completedAt;

    protected BatchEntity() {
    }

    BatchEntity(String id, String sandbox, String schemaName, int totalLines, String by, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.schemaName = schemaName;
        this.state = QUEUED;
        this.totalLines = totalLines;
        this.errors = "[]";
        this.createdBy = by;
        this.createdAt = at;
    }

    void start(OffsetDateTime at) {
        state = PROCESSING;
        startedAt = at;
    }

    /** The number of lines that are not blank, known once the upload has been read. */
    void uploaded(int lines) {
        totalLines = lines;
    }

    void progress(int processed, int ok, int bad, String errorsJson) {
        processedLines = processed;
        ingested = ok;
        failed = bad;
        errors = errorsJson;
    }

    boolean isRunning() {
        return QUEUED.equals(state) || PROCESSING.equals(state);
    }

    void deleted() {
        state = DELETED;
    }

    void finish(String finalState, OffsetDateTime at) {
        state = finalState;
        completedAt = at;
    }
}
