package dev.cdpconsole.platform.sandbox;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Reads and writes sandbox rows; the only class that touches their table. */
@ApplicationScoped
public class SandboxStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    Optional<SandboxEntity> findByName(String name) {
        return em.createNamedQuery("Sandbox.findByName", SandboxEntity.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    /** The row, locked for the rest of the transaction. */
    Optional<SandboxEntity> lockByName(String name) {
        return em.createNamedQuery("Sandbox.findByName", SandboxEntity.class).setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Whether a request may act in the sandbox: it exists and is not deleted. */
    public boolean isUsable(String name) {
        return findByName(name).filter(s -> !SandboxState.DELETED.equals(s.state)).isPresent();
    }

    List<SandboxEntity> page(int offset, int limit) {
        return em.createNamedQuery("Sandbox.list", SandboxEntity.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    /** A page of the named sandboxes only. */
    List<SandboxEntity> page(int offset, int limit, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Sandbox.listNamed", SandboxEntity.class).setParameter("names", names)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    long count() {
        return em.createNamedQuery("Sandbox.countAll", Long.class).getSingleResult();
    }

    long count(List<String> names) {
        return names.isEmpty() ? 0 : em.createNamedQuery("Sandbox.countNamed", Long.class)
                .setParameter("names", names).getSingleResult();
    }

    long countNotDeleted() {
        return em.createNamedQuery("Sandbox.countNotDeleted", Long.class).getSingleResult();
    }

    void add(SandboxEntity sandbox) {
        em.persist(sandbox);
        em.flush();
    }
}
