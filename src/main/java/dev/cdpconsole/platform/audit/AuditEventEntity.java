package dev.cdpconsole.platform.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One recorded change. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    Long id;

    @Column(name = "occurred_at")
    OffsetDateTime occurredAt;

    String actor;

    @Column(name = "client_id")
    String clientId;

    String sandbox;
    String action;
    String target;
    String detail;

    protected AuditEventEntity() {
    }

    AuditEventEntity(OffsetDateTime occurredAt, String actor, String clientId, String sandbox, String action,
            String target, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.clientId = clientId;
        this.sandbox = sandbox;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }
}
