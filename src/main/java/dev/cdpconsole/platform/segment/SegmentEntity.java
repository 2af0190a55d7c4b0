package dev.cdpconsole.platform.segment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A segment definition of a sandbox, with what its latest evaluation found. */
@Entity
@Table(name = "segment_definition")
public class SegmentEntity {

    @Id
    String id;

    String sandbox;

    String name;

    String description;

    String expression;

    @Column(name = "ttl_days")
    int ttlDays;

    @Column(name = "merge_policy_id")
    String mergePolicyId;

    int version;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    @Column(name = "evaluated_at")
    OffsetDateTime evaluatedAt;

    @Column(name = "member_count")
    long memberCount;

    @Column(name = "realized_count")
    long realizedCount;

    @Column(name = "exited_count")
    long exitedCount;

    @Column(name = "evaluation_ms")
    long evaluationMs;

    @Column(name = "evaluated_by_job")
    String evaluatedByJob;

    protected SegmentEntity() {
    }

    SegmentEntity(String id, String sandbox, String name, String description, String expression, int ttlDays,
            String mergePolicyId, String by, OffsetDateTime at) {
        this.id = id;
        this.sandbox = sandbox;
        this.name = name;
        this.description = description;
        this.expression = expression;
        this.ttlDays = ttlDays;
        this.mergePolicyId = mergePolicyId;
        this.version = 1;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedAt = at;
    }

    // Every change goes through a method of the entity itself: EclipseLink's woven change tracking does not see
    // fields written from other classes.

    void change(String newName, String newDescription, String newExpression, int newTtlDays, String newMergePolicyId,
            OffsetDateTime at) {
        if (!newExpression.equals(expression)) {
            version++;
        }
        name = newName;
        description = newDescription;
        expression = newExpression;
        ttlDays = newTtlDays;
        mergePolicyId = newMergePolicyId;
        updatedAt = at;
    }

    void evaluated(OffsetDateTime at, long members, long realized, long exited, long millis, String jobId) {
        evaluatedAt = at;
        memberCount = members;
        realizedCount = realized;
        exitedCount = exited;
        evaluationMs = millis;
        evaluatedByJob = jobId;
    }
}
