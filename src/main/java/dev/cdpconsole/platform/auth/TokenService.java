package dev.cdpconsole.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.api.AccessToken;
import dev.cdpconsole.common.security.BootstrapCredential;
import dev.cdpconsole.common.security.Secrets;

/** Mints 24-hour bearer tokens for valid client credentials and resolves them back to their client. */
@ApplicationScoped
public class TokenService {

    /** Tokens last 24 hours; {@code expires_in} is a second less, as Adobe IMS answers. */
    static final Duration LIFETIME = Duration.ofHours(24);

    @Inject
    BootstrapCredential bootstrap;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    /** A new token for the client, or empty when the client id or secret is wrong. */
    @Transactional
    public Optional<AccessToken> issue(String clientId, String clientSecret) {
        if (!bootstrap.matches(clientId, clientSecret)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNamedQuery("AccessToken.deleteExpired").setParameter("now", now).executeUpdate();
        String token = Secrets.random(32);
        em.persist(new AccessTokenEntity(Secrets.sha256(token), clientId, now, now.plus(LIFETIME)));
        return Optional.of(new AccessToken(token, "bearer", LIFETIME.toSeconds() - 1));
    }

    /** The client id a valid, unexpired token was minted for. */
    public Optional<String> clientOf(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        AccessTokenEntity found = em.find(AccessTokenEntity.class, Secrets.sha256(token));
        if (found == null || !found.expiresAt.isAfter(OffsetDateTime.now(clock))) {
            return Optional.empty();
        }
        return Optional.of(found.clientId);
    }
}
