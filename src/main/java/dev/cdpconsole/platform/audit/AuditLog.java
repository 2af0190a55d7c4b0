package dev.cdpconsole.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import dev.cdpconsole.api.AuditEventView;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.common.db.Like;

/** Records changes and reads them back, newest first, filtered. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    CallContext caller;

    @Inject
    Clock clock;

    /** Records a change by the current caller; joins the caller's transaction so both stand or fall together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String sandbox, String target, String detail) {
        em.persist(new AuditEventEntity(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), caller.actor(),
                caller.clientId(), sandbox, action, clip(target, 256), clip(detail, 2000)));
    }

    /** Records a change made by the platform itself, outside any request (for example at first start). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String sandbox, String target, String detail) {
        em.persist(new AuditEventEntity(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), "system", null,
                sandbox, action, clip(target, 256), clip(detail, 2000)));
    }

    /** One page of events matching every given filter; a filter that is blank is ignored. */
    public List<AuditEventView> find(AuditFilter filter, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEventEntity> query = cb.createQuery(AuditEventEntity.class);
        Root<AuditEventEntity> event = query.from(AuditEventEntity.class);
        query.where(filter.toPredicates(cb, event).toArray(Predicate[]::new))
                .orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
        TypedQuery<AuditEventEntity> page = em.createQuery(query).setFirstResult(offset).setMaxResults(limit);
        return page.getResultList().stream().map(AuditLog::view).toList();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static AuditEventView view(AuditEventEntity e) {
        return new AuditEventView(e.id, Times.iso(e.occurredAt),
                e.actor, e.clientId, e.sandbox, e.action, e.target, e.detail);
    }

    /** The filters of the audit list. */
    public record AuditFilter(String action, String actor, String sandbox) {

        List<Predicate> toPredicates(CriteriaBuilder cb, Root<AuditEventEntity> event) {
            List<Predicate> predicates = new ArrayList<>();
            if (present(action)) {
                predicates.add(cb.like(event.get("action"), Like.prefix(action.strip()), Like.ESCAPE));
            }
            if (present(actor)) {
                predicates.add(cb.equal(event.get("actor"), actor.strip()));
            }
            if (present(sandbox)) {
                predicates.add(cb.equal(event.get("sandbox"), sandbox.strip()));
            }
            return predicates;
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
