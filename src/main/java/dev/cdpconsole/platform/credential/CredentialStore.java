package dev.cdpconsole.platform.credential;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Reads and writes credentials, their secrets, tokens and regeneration log. */
@ApplicationScoped
public class CredentialStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    Optional<CredentialEntity> findByClientId(String clientId) {
        return em.createNamedQuery("Credential.findByClientId", CredentialEntity.class)
                .setParameter("clientId", clientId).getResultStream().findFirst();
    }

    /** The credential, locked for the transaction: regenerations of one credential happen one at a time. */
    Optional<CredentialEntity> lockByClientId(String clientId) {
        return em.createNamedQuery("Credential.findByClientId", CredentialEntity.class)
                .setParameter("clientId", clientId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    List<CredentialEntity> page(int offset, int limit) {
        return em.createNamedQuery("Credential.list", CredentialEntity.class).setFirstResult(offset)
                .setMaxResults(limit).getResultList();
    }

    long count() {
        return em.createNamedQuery("Credential.count", Long.class).getSingleResult();
    }

    List<SecretEntity> secrets(Long credentialId) {
        return em.createNamedQuery("Secret.ofCredential", SecretEntity.class).setParameter("credential", credentialId)
                .getResultList();
    }

    List<RegenerationEntity> regenerations(Long credentialId) {
        return em.createNamedQuery("Regeneration.ofCredential", RegenerationEntity.class)
                .setParameter("credential", credentialId).getResultList();
    }

    void add(Object entity) {
        em.persist(entity);
        em.flush();
    }

    void remove(CredentialEntity credential) {
        // Secrets, tokens, the log and usage go with it (ON DELETE CASCADE in the schema).
        em.createQuery("DELETE FROM AccessTokenEntity t WHERE t.secretId IN "
                + "(SELECT s.id FROM SecretEntity s WHERE s.credentialId = :credential)")
                .setParameter("credential", credential.id).executeUpdate();
        em.createQuery("DELETE FROM SecretEntity s WHERE s.credentialId = :credential")
                .setParameter("credential", credential.id).executeUpdate();
        em.createQuery("DELETE FROM RegenerationEntity r WHERE r.credentialId = :credential")
                .setParameter("credential", credential.id).executeUpdate();
        em.createNativeQuery("DELETE FROM credential_usage_day WHERE credential_id = ?")
                .setParameter(1, credential.id).executeUpdate();
        em.remove(credential);
        em.flush();
    }

    /** Ends at once every token a secret minted. */
    void dropTokens(Long secretId) {
        em.createQuery("DELETE FROM AccessTokenEntity t WHERE t.secretId = :secret").setParameter("secret", secretId)
                .executeUpdate();
    }

    void dropExpiredTokens(OffsetDateTime now) {
        em.createNamedQuery("AccessToken.deleteExpired").setParameter("now", now).executeUpdate();
    }
}
