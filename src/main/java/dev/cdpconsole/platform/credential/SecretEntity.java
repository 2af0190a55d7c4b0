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

/**
 * One secret of a slot, kept only as its SHA-256 (secrets are 256-bit random, so a fast hash is enough).
 * A slot holds its current secret and, during a grace period, the one it replaced.
 */
@Entity
@Table(name = "credential_secret")
@NamedQuery(name = "Secret.ofCredential",
        query = "SELECT s FROM SecretEntity s WHERE s.credentialId = :credential ORDER BY s.slot, s.createdAt DESC, s.id DESC")
public class SecretEntity {

    @Id
    @SequenceGenerator(name = "credential_secret_seq", sequenceName = "credential_secret_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credential_secret_seq")
    Long id;

    @Column(name = "credential_id")
    Long credentialId;

    String slot;

    @Column(name = "secret_hash")
    String secretHash;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    OffsetDateTime lastUsedAt;

    @Column(name = "use_count")
    long useCount;

    protected SecretEntity() {
    }

    SecretEntity(Long credentialId, Slot slot, String secretHash, OffsetDateTime createdAt) {
        this.credentialId = credentialId;
        this.slot = slot.id();
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    /** Valid at the given time: neither revoked nor past its expiry. */
    boolean isValidAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    void expireAt(OffsetDateTime when) {
        expiresAt = when;
    }

    void revoke(OffsetDateTime when) {
        revokedAt = when;
    }
}
