package dev.cdpconsole.platform.profile;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A delete request (profile system job): what it deletes, its status and what it did. Changed only here. */
@Entity
@Table(name = "profile_system_job")
public class SystemJobEntity {

    static final String NEW = "NEW";
    static final String IN_PROGRESS = "IN-PROGRESS";
    static final String SUCCESS = "SUCCESS";
    static final String ERROR = "ERROR";

    @Id
    String id;

    String sandbox;

    @Column(name = "batch_id")
    String batchId;

    @Column(name = "dataset_id")
    String datasetId;

    String status;

    @Column(name = "records_processed")
    long recordsProcessed;

    @Column(name = "profiles_removed")
    long profilesRemoved;

    String error;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected SystemJobEntity() {
    }

    SystemJobEntity(String id, String sandbox, String batchId, String datasetId, String by, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.batchId = batchId;
        this.datasetId = datasetId;
        this.status = NEW;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedAt = at;
    }

    boolean isRunning() {
        return NEW.equals(status) || IN_PROGRESS.equals(status);
    }

    void finish(String finalStatus, long records, long profiles, String why, OffsetDateTime at) {
        status = finalStatus;
        recordsProcessed = records;
        profilesRemoved = profiles;
        error = why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
        updatedAt = at;
    }
}
