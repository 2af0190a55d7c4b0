package dev.cdpconsole.platform.destination;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dataflow: one destination, enabled or disabled; its segments and schedules are rows of dataflow_segment. */
@Entity
@Table(name = "dataflow")
public class DataflowEntity {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";

    @Id
    public String id;

    public String sandbox;

    public String name;

    @Column(name = "destination_id")
    public String destinationId;

    public String state;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected DataflowEntity() {
    }

    DataflowEntity(String id, String sandbox, String name, String destinationId, String state, String by,
            OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.name = name;
        this.destinationId = destinationId;
        this.state = state;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void change(String newName, String newState, OffsetDateTime at) {
        name = newName;
        state = newState;
        updatedAt = at;
    }
}
