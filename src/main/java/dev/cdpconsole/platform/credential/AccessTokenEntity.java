package dev.cdpconsole.platform.credential;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An issued bearer token, kept only as the SHA-256 of its value. */
@Entity
@Table(name = "access_token")
@NamedQuery(name = "AccessToken.deleteExpired", query = "DELETE FROM AccessTokenEntity t WHERE t.expiresAt < :now")
public class AccessTokenEntity {

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "client_id")
    String clientId;

    /** The secret that minted the token: when it is revoked or expires, so does the token. */
    @Column(name = "secret_id")
    Long secretId;

    @Column(name = "issued_at")
    OffsetDateTime issuedAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    protected AccessTokenEntity() {
    }

    AccessTokenEntity(String tokenHash, String clientId, Long secretId, OffsetDateTime issuedAt,
            OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.clientId = clientId;
        this.secretId = secretId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }
}
