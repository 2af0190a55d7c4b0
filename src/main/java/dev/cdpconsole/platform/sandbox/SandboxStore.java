package dev.cdpconsole.platform.sandbox;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.cache.ShortMemory;

/** Reads and writes sandbox rows; the only class that touches their table. */
@ApplicationScoped
public class SandboxStore {

    @Inject
    @ConfigProperty(name = "cdp.auth.cache-seconds", defaultValue = "2")
    int cacheSeconds;

    private ShortMemory<String, Boolean> usable;

    @PostConstruct
    void init() {
        usable = new ShortMemory<>(cacheSeconds, 10_000);
    }

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

    /**
     * Whether a request may act in the sandbox: it exists and is not deleted. A usable sandbox is remembered for
     * {@code cdp.auth.cache-seconds}; a reset or delete on this node forgets them all once it ends (on another
     * node of a cluster, a delete takes effect within that time).
     */
    public boolean isUsable(String name) {
        if (usable.recall(name).isPresent()) {
            return true;
        }
        long generation = usable.generation();
        boolean found = findByName(name).filter(s -> !SandboxState.DELETED.equals(s.state)).isPresent();
        if (found) {
            usable.remember(name, true, generation);
        }
        return found;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) SandboxChanged change) {
        usable.forgetAll();
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
