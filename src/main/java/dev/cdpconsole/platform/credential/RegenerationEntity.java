package dev.cdpconsole.platform.credential;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One entry of a credential's regeneration log. */
@Entity
@Table(name = "credential_regeneration")
@NamedQuery(name = "Regeneration.ofCredential",
        query = "SELECT r FROM RegenerationEntity r WHERE r.credentialId = :credential ORDER BY r.occurredAt DESC, r.id DESC")
public class RegenerationEntity {

    @Id
    @SequenceGenerator(name = "credential_regeneration_seq", sequenceName = "credential_regeneration_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credential_regeneration_seq")
    Long id;

    @Column(name = "credential_id")
    Long credentialId;

    String slot;
    String actor;

    @Column(name = "occurred_at")
    OffsetDateTime occurredAt;

    String reason;

    @Column(name = "grace_hours")
    int graceHours;

    @Column(name = "old_expires_at")
    OffsetDateTime oldExpiresAt;

    protected RegenerationEntity() {
    }

    RegenerationEntity(Long credentialId, Slot slot, String actor, OffsetDateTime occurredAt, String reason,
            int graceHours, OffsetDateTime oldExpiresAt) {
        this.credentialId = credentialId;
        this.slot = slot.id();
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
        this.graceHours = graceHours;
        this.oldExpiresAt = oldExpiresAt;
    }
}
