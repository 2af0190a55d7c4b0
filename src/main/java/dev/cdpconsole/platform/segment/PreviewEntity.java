package dev.cdpconsole.platform.segment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A preview of a definition: its count so far and a sample of the first matches (a JSON array). */
@Entity
@Table(name = "segment_preview")
public class PreviewEntity {

    static final String RUNNING = "RUNNING";
    static final String RESULT_READY = "RESULT_READY";
    static final String FAILED = "FAILED";

    @Id
    String id;

    String sandbox;

    String expression;

    String state;

    @Column(name = "profiles_read")
    long profilesRead;

    @Column(name = "profiles_matched")
    long profilesMatched;

    @Column(name = "total_rows")
    long totalRows;

    String sample;

    String error;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected PreviewEntity() {
    }

    PreviewEntity(String id, String sandbox, String expression, long totalRows, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.expression = expression;
        this.state = RUNNING;
        this.totalRows = totalRows;
        this.createdAt = at;
        this.updatedAt = at;
    }
}
