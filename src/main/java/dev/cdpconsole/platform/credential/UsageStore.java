package dev.cdpconsole.platform.credential;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Writes coalesced usage: per secret the last use and a count, per credential the calls of each day. */
@ApplicationScoped
public class UsageStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Transactional
    public void addSecretUse(long secretId, long count, OffsetDateTime lastUsed) {
        // A secret deleted meanwhile updates nothing, which is right.
        em.createQuery("UPDATE SecretEntity s SET s.useCount = s.useCount + :count WHERE s.id = :id")
                .setParameter("count", count).setParameter("id", secretId).executeUpdate();
        em.createQuery("UPDATE SecretEntity s SET s.lastUsedAt = :last "
                + "WHERE s.id = :id AND (s.lastUsedAt IS NULL OR s.lastUsedAt < :last)")
                .setParameter("last", lastUsed).setParameter("id", secretId).executeUpdate();
    }

    @Transactional
    public void addCalls(long credentialId, LocalDate day, long count) {
        int updated = em.createNativeQuery("UPDATE credential_usage_day SET calls = calls + ? "
                + "WHERE credential_id = ? AND usage_day = ?")
                .setParameter(1, count).setParameter(2, credentialId).setParameter(3, Date.valueOf(day)).executeUpdate();
        if (updated == 0) {
            // Insert only if the credential still exists; a concurrent insert of another node fails on the key
            // and is retried by the next flush as an update.
            em.createNativeQuery("INSERT INTO credential_usage_day (credential_id, usage_day, calls) "
                    + "SELECT id, ?, ? FROM api_credential WHERE id = ?")
                    .setParameter(1, Date.valueOf(day)).setParameter(2, count).setParameter(3, credentialId)
                    .executeUpdate();
        }
    }

    /** Calls per day from the given day on. */
    public Map<LocalDate, Long> calls(long credentialId, LocalDate from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT usage_day, calls FROM credential_usage_day "
                + "WHERE credential_id = ? AND usage_day >= ?")
                .setParameter(1, credentialId).setParameter(2, Date.valueOf(from)).getResultList();
        Map<LocalDate, Long> calls = new HashMap<>();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof Date d ? d.toLocalDate() : LocalDate.parse(row[0].toString());
            calls.put(day, ((Number) row[1]).longValue());
        }
        return calls;
    }
}
