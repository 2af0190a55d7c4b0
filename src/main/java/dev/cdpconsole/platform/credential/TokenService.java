package dev.cdpconsole.platform.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.api.AccessToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.cache.ShortMemory;
import dev.cdpconsole.common.security.Secrets;

/**
 * Mints 24-hour bearer tokens for a credential's valid secret, and resolves a token back to the credential and
 * secret behind it. A token is valid only while its secret is (not revoked, not past a grace expiry) and its
 * credential is enabled; tokens are stored as SHA-256 hashes.
 */
@ApplicationScoped
public class TokenService {

    /** Tokens last 24 hours; {@code expires_in} is a second less, as Adobe IMS answers. */
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final String DECOY_HASH = Secrets.sha256("no such secret");

    @Inject
    CredentialStore store;

    @Inject
    UsageRecorder usage;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "cdp.auth.cache-seconds", defaultValue = "2")
    int cacheSeconds;

    private ShortMemory<String, Remembered> remembered;

    @PostConstruct
    void init() {
        remembered = new ShortMemory<>(cacheSeconds, 10_000);
    }

    /** The credential, secret and grants behind a valid token. */
    public record Caller(long credentialId, String clientId, long secretId, String systemKind, List<Grant> grants) {

        public boolean isConsole() {
            return CredentialEntity.CONSOLE.equals(systemKind);
        }

        public boolean seesEverySandbox() {
            return grants.stream().anyMatch(g -> Grant.EVERY_SANDBOX.equals(g.sandbox()));
        }

        public List<String> grantedSandboxes() {
            return grants.stream().map(Grant::sandbox).filter(s -> !Grant.EVERY_SANDBOX.equals(s)).toList();
        }

        /** The role this caller holds in the sandbox, if it holds one. */
        public Optional<String> roleIn(String sandbox) {
            Optional<String> exact = grants.stream().filter(g -> g.sandbox().equals(sandbox)).map(Grant::role).findFirst();
            return exact.or(() -> grants.stream().filter(g -> Grant.EVERY_SANDBOX.equals(g.sandbox()))
                    .map(Grant::role).findFirst());
        }
    }

    /** A new token for the client's secret, or empty when the client, its state or the secret is wrong. */
    @Transactional
    public Optional<AccessToken> issue(String clientId, String clientSecret) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String candidate = Secrets.sha256(clientSecret);
        Optional<CredentialEntity> credential = store.findByClientId(clientId).filter(c -> c.enabled);
        List<SecretEntity> secrets = credential.map(c -> store.secrets(c.id)).orElse(List.of());
        SecretEntity match = null;
        boolean compared = false;
        for (SecretEntity secret : secrets) {
            if (secret.isValidAt(now)) {
                compared = true;
                if (Secrets.constantTimeEquals(secret.secretHash, candidate) && match == null) {
                    match = secret;
                }
            }
        }
        if (!compared) {
            Secrets.constantTimeEquals(DECOY_HASH, candidate); // the same work for an unknown client
        }
        if (match == null) {
            return Optional.empty();
        }
        store.dropExpiredTokens(now);
        String token = Secrets.random(32);
        em.persist(new AccessTokenEntity(Secrets.sha256(token), clientId, match.id, now, now.plus(LIFETIME)));
        usage.used(credential.get().id, match.id);
        return Optional.of(new AccessToken(token, "bearer", LIFETIME.toSeconds() - 1));
    }

    /**
     * The caller behind a token that is valid now. A caller is remembered for {@code cdp.auth.cache-seconds}
     * (the token's and its secret's expiry are still checked on every call); any change to a credential on this
     * node forgets them all at once, and on another node of a cluster it takes effect within that time.
     */
    public Optional<Caller> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String hash = Secrets.sha256(token);
        Optional<Remembered> known = remembered.recall(hash).filter(r -> r.isValidAt(now));
        if (known.isPresent()) {
            Caller caller = known.get().caller();
            usage.used(caller.credentialId(), caller.secretId());
            return Optional.of(caller);
        }
        long generation = remembered.generation();
        List<Object[]> rows = em.createQuery("SELECT t, s, c FROM AccessTokenEntity t, SecretEntity s, "
                + "CredentialEntity c WHERE t.tokenHash = :hash AND s.id = t.secretId AND c.id = s.credentialId",
                Object[].class).setParameter("hash", hash).getResultList();
        if (rows.isEmpty()) {
            remembered.forget(hash);
            return Optional.empty();
        }
        AccessTokenEntity found = (AccessTokenEntity) rows.get(0)[0];
        SecretEntity secret = (SecretEntity) rows.get(0)[1];
        CredentialEntity credential = (CredentialEntity) rows.get(0)[2];
        if (!found.expiresAt.isAfter(now) || !secret.isValidAt(now) || !credential.enabled) {
            remembered.forget(hash);
            return Optional.empty();
        }
        usage.used(credential.id, secret.id);
        Caller caller = new Caller(credential.id, credential.clientId, secret.id, credential.systemKind,
                List.copyOf(credential.grants));
        remembered.remember(hash, new Remembered(caller, found.expiresAt, secret.expiresAt), generation);
        return Optional.of(caller);
    }

    /** Once a change to a credential has committed, every remembered caller is looked up again. */
    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialsChanged change) {
        remembered.forgetAll();
    }

    /** A caller as found, and until when its token and secret are valid (null: no end). */
    private record Remembered(Caller caller, OffsetDateTime tokenExpires, OffsetDateTime secretExpires) {

        boolean isValidAt(OffsetDateTime now) {
            return tokenExpires.isAfter(now) && (secretExpires == null || secretExpires.isAfter(now));
        }
    }
}
