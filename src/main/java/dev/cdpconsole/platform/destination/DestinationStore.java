package dev.cdpconsole.platform.destination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.audit.AuditLog;

/**
 * Destinations, dataflows and their segment mappings; every change audited in its transaction. Reads run in
 * transactions too, as the activation runs read from managed threads.
 */
@ApplicationScoped
@Transactional
public class DestinationStore {

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    AuditLog audit;

    // --- destinations ---------------------------------------------------------------------------------------

    public void add(DestinationEntity destination) {
        em.persist(destination);
        audit.record("destinations.created", destination.sandbox, destination.id, destination.name);
    }

    public Optional<DestinationEntity> destination(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(DestinationEntity.class, id)).filter(d -> d.sandbox.equals(sandbox));
    }

    public Optional<DestinationEntity> destinationNamed(String sandbox, String name) {
        return em.createQuery("SELECT d FROM DestinationEntity d WHERE d.sandbox = :sandbox AND d.name = :name",
                DestinationEntity.class).setParameter("sandbox", sandbox).setParameter("name", name)
                .getResultStream().findFirst();
    }

    public List<DestinationEntity> destinations(String sandbox) {
        return em.createQuery("SELECT d FROM DestinationEntity d WHERE d.sandbox = :sandbox ORDER BY d.name, d.id",
                DestinationEntity.class).setParameter("sandbox", sandbox).getResultList();
    }

    public DestinationEntity change(String id, DestinationEntity.Settings settings, OffsetDateTime at) {
        DestinationEntity destination = em.find(DestinationEntity.class, id);
        destination.set(settings, at);
        audit.record("destinations.changed", destination.sandbox, destination.id, destination.name);
        return destination;
    }

    public void remove(DestinationEntity destination) {
        em.createQuery("DELETE FROM DestinationEntity d WHERE d.id = :id").setParameter("id", destination.id)
                .executeUpdate();
        audit.record("destinations.deleted", destination.sandbox, destination.id, destination.name);
    }

    // --- dataflows ------------------------------------------------------------------------------------------

    public void add(DataflowEntity flow, List<Mapping> mappings) {
        em.persist(flow);
        em.flush();
        replaceMappings(flow.id, mappings);
        audit.record("dataflows.created", flow.sandbox, flow.id, flow.name + " (" + mappings.size() + " segments)");
    }

    public Optional<DataflowEntity> flow(String sandbox, String id) {
        return id == null || id.length() > 40 ? Optional.empty()
                : Optional.ofNullable(em.find(DataflowEntity.class, id)).filter(f -> f.sandbox.equals(sandbox));
    }

    public Optional<DataflowEntity> flowOf(String destinationId) {
        return em.createQuery("SELECT f FROM DataflowEntity f WHERE f.destinationId = :destination",
                DataflowEntity.class).setParameter("destination", destinationId).getResultStream().findFirst();
    }

    public List<DataflowEntity> flows(String sandbox) {
        return em.createQuery("SELECT f FROM DataflowEntity f WHERE f.sandbox = :sandbox ORDER BY f.name, f.id",
                DataflowEntity.class).setParameter("sandbox", sandbox).getResultList();
    }

    /** The enabled dataflows of every sandbox (the scheduler runs their due exports). */
    public List<DataflowEntity> enabledFlows() {
        return em.createQuery("SELECT f FROM DataflowEntity f WHERE f.state = :enabled ORDER BY f.id",
                DataflowEntity.class).setParameter("enabled", DataflowEntity.ENABLED).getResultList();
    }

    public DataflowEntity change(String id, String name, String state, List<Mapping> mappings, OffsetDateTime at) {
        DataflowEntity flow = em.find(DataflowEntity.class, id);
        flow.change(name, state, at);
        if (mappings != null) {
            replaceMappings(id, mappings);
        }
        audit.record("dataflows.changed", flow.sandbox, flow.id, flow.name + " (" + flow.state + ")");
        return flow;
    }

    public void remove(DataflowEntity flow) {
        em.createQuery("DELETE FROM DataflowEntity f WHERE f.id = :id").setParameter("id", flow.id).executeUpdate();
        audit.record("dataflows.deleted", flow.sandbox, flow.id, flow.name);
    }

    /**
     * What a dataflow is doing, for its shown state: {@code processing} while a scheduled export of it runs,
     * {@code error} when its latest run failed, else null.
     */
    public String activity(String flowId) {
        List<?> rows = em.createNativeQuery("SELECT status, kind FROM activation_run WHERE dataflow_id = ? "
                + "ORDER BY created_at DESC, id DESC").setParameter(1, flowId).setMaxResults(20).getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            if ("inProgress".equals(c[0]) && "scheduled".equals(c[1])) {
                return "processing";
            }
        }
        return !rows.isEmpty() && "failed".equals(((Object[]) rows.get(0))[0]) ? "error" : null;
    }

    /** Whether a run of the dataflow is pending or going on. */
    public boolean running(String flowId) {
        return !em.createNativeQuery("SELECT id FROM activation_run WHERE dataflow_id = ? AND status IN "
                + "('pending', 'inProgress')").setParameter(1, flowId).setMaxResults(1).getResultList().isEmpty();
    }

    /** A dataflow's segments and schedules, in the order they were given. */
    public List<Mapping> mappings(String flowId) {
        List<?> rows = em.createNativeQuery("SELECT segment_id, frequency, start_date, end_date, time_of_day, "
                + "first_scheduled_at FROM dataflow_segment WHERE dataflow_id = ? ORDER BY segment_id")
                .setParameter(1, flowId).getResultList();
        List<Mapping> mappings = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            mappings.add(new Mapping(flowId, (String) c[0], (String) c[1], date(c[2]), date(c[3]), (String) c[4],
                    Times.offset(c[5])));
        }
        return mappings;
    }

    /** Notes when a mapping's first scheduled export started (the one-time wait counts from it). */
    public void firstScheduled(String flowId, String segmentId, OffsetDateTime at) {
        em.createNativeQuery("UPDATE dataflow_segment SET first_scheduled_at = ? WHERE dataflow_id = ? "
                + "AND segment_id = ? AND first_scheduled_at IS NULL").setParameter(1, at).setParameter(2, flowId)
                .setParameter(3, segmentId).executeUpdate();
    }

    private void replaceMappings(String flowId, List<Mapping> mappings) {
        List<Mapping> before = mappings(flowId);
        em.createNativeQuery("DELETE FROM dataflow_segment WHERE dataflow_id = ?").setParameter(1, flowId)
                .executeUpdate();
        for (Mapping m : mappings) {
            OffsetDateTime first = before.stream().filter(b -> b.segmentId().equals(m.segmentId())).findFirst()
                    .map(Mapping::firstScheduledAt).orElse(null);
            em.createNativeQuery("INSERT INTO dataflow_segment (dataflow_id, segment_id, frequency, start_date, "
                    + "end_date, time_of_day, first_scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, flowId).setParameter(2, m.segmentId()).setParameter(3, m.frequency())
                    .setParameter(4, java.sql.Date.valueOf(m.startDate()))
                    .setParameter(5, m.endDate() == null ? null : java.sql.Date.valueOf(m.endDate()))
                    .setParameter(6, m.timeOfDay()).setParameter(7, first).executeUpdate();
        }
    }

    private static LocalDate date(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof LocalDate day) {
            return day;
        }
        if (column instanceof java.sql.Date day) {
            return day.toLocalDate();
        }
        return LocalDate.parse(column.toString().substring(0, 10));
    }

    // --- a sandbox reset or delete --------------------------------------------------------------------------

    public long count(String sandbox) {
        return em.createQuery("SELECT COUNT(d) FROM DestinationEntity d WHERE d.sandbox = :sandbox", Long.class)
                .setParameter("sandbox", sandbox).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAll(String sandbox) {
        em.createQuery("DELETE FROM DataflowEntity f WHERE f.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
        em.createQuery("DELETE FROM DestinationEntity d WHERE d.sandbox = :sandbox").setParameter("sandbox", sandbox)
                .executeUpdate();
    }
}
