package dev.cdpconsole.platform.destination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.FlowRequest;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.segment.SegmentStore;
import dev.cdpconsole.platform.segment.SegmentSummary;

/** Dataflows: a destination's segments with their schedules, checked, kept and shown as flows. */
@ApplicationScoped
public class DataflowService {

    private static final int MAX_SEGMENTS = 200;

    @Inject
    DestinationStore store;

    @Inject
    DestinationService destinations;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    public Flow create(String sandbox, FlowRequest request, String by) {
        if (request == null) {
            throw ProblemException.badRequest("dataflow-invalid", "the body must be a dataflow");
        }
        String name = Fields.name("dataflow", request.getName());
        if (request.getDestinationId() == null || request.getDestinationId().isBlank()) {
            throw ProblemException.badRequest("dataflow-destination-missing", "destinationId is required");
        }
        DestinationEntity destination = store.destination(sandbox, request.getDestinationId().strip()).orElseThrow(
                () -> ProblemException.badRequest("destination-unknown", "No destination "
                        + Fields.clip(request.getDestinationId()) + " in this sandbox"));
        if (store.flowOf(destination.id).isPresent()) {
            throw ProblemException.conflict("dataflow-exists", "The destination " + Fields.clip(
                    destination.name) + " has a dataflow; change that one");
        }
        String id = Secrets.random(16);
        List<Mapping> mappings = mappings(sandbox, id, request.getSegments() == null ? List.of() : request.getSegments());
        DataflowEntity flow = new DataflowEntity(id, sandbox, name, destination.id, state(request.getState(),
                DataflowEntity.ENABLED), by, now());
        store.add(flow, mappings);
        return view(flow);
    }

    public Flow get(String sandbox, String id) {
        return view(find(sandbox, id));
    }

    public Flow.Page list(String sandbox) {
        return new Flow.Page(store.flows(sandbox).stream().map(this::view).toList());
    }

    public Flow change(String sandbox, String id, FlowRequest request) {
        DataflowEntity flow = find(sandbox, id);
        if (request == null) {
            throw ProblemException.badRequest("dataflow-invalid", "the body must hold the fields to change");
        }
        if (request.getDestinationId() != null && !request.getDestinationId().strip().equals(flow.destinationId)) {
            throw ProblemException.badRequest("dataflow-destination-fixed", "a dataflow's destination cannot change; "
                    + "make a dataflow for the other destination");
        }
        String name = request.getName() == null ? flow.name : Fields.name("dataflow", request.getName());
        List<Mapping> mappings = request.getSegments() == null ? null : mappings(sandbox, flow.id, request.getSegments());
        return view(store.change(flow.id, name, state(request.getState(), flow.state), mappings, now()));
    }

    public void delete(String sandbox, String id, boolean running) {
        DataflowEntity flow = find(sandbox, id);
        if (running) {
            throw ProblemException.conflict("dataflow-running", "A run of this dataflow is going on; delete it once "
                    + "the run has finished");
        }
        store.remove(flow);
    }

    public DataflowEntity find(String sandbox, String id) {
        return store.flow(sandbox, id).orElseThrow(() -> ProblemException.notFound("dataflow-not-found",
                "No dataflow " + Fields.clip(id) + " in this sandbox"));
    }

    public Flow view(DataflowEntity flow) {
        List<Flow.Segment> mapped = new ArrayList<>();
        for (Mapping m : store.mappings(flow.id)) {
            mapped.add(new Flow.Segment(m.segmentId(), segments.summary(flow.sandbox, m.segmentId())
                    .map(SegmentSummary::name).orElse(null), new Flow.Schedule(m.frequency(), m.startDate().toString(),
                            m.endDate() == null ? null : m.endDate().toString(), m.timeOfDay()),
                    Times.iso(m.firstScheduledAt())));
        }
        String state = flow.state;
        if (DataflowEntity.ENABLED.equals(state)) {
            String activity = store.activity(flow.id);
            state = activity == null ? state : activity;
        }
        String destinationName = store.destination(flow.sandbox, flow.destinationId).map(d -> d.name).orElse(null);
        return new Flow(flow.id, flow.name, flow.destinationId, destinationName, state, mapped, flow.createdBy,
                flow.createdAt.toInstant().toEpochMilli(), flow.updatedAt.toInstant().toEpochMilli());
    }

    private List<Mapping> mappings(String sandbox, String flowId, List<FlowRequest.SegmentMapping> given) {
        if (given.size() > MAX_SEGMENTS) {
            throw ProblemException.badRequest("dataflow-segments-invalid", "at most " + MAX_SEGMENTS
                    + " segments in a dataflow");
        }
        LocalDate today = now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        Set<String> seen = new HashSet<>();
        List<Mapping> mappings = new ArrayList<>();
        for (FlowRequest.SegmentMapping item : given) {
            String segmentId = item == null || item.getSegmentId() == null ? "" : item.getSegmentId().strip();
            if (segments.summary(sandbox, segmentId).isEmpty()) {
                throw ProblemException.badRequest("segment-unknown", "No segment definition "
                        + Fields.clip(segmentId) + " in this sandbox");
            }
            if (!seen.add(segmentId)) {
                throw ProblemException.badRequest("dataflow-segments-invalid", "segment " + segmentId
                        + " is mapped twice");
            }
            FlowRequest.Schedule schedule = item.getSchedule() == null ? new FlowRequest.Schedule() : item.getSchedule();
            String frequency = schedule.getFrequency() == null ? Mapping.DAILY
                    : schedule.getFrequency().strip().toLowerCase(Locale.ROOT);
            if (!List.of(Mapping.ONCE, Mapping.DAILY).contains(frequency)) {
                throw ProblemException.badRequest("schedule-invalid", "schedule.frequency must be once or daily");
            }
            LocalDate start = schedule.getStartDate() == null ? today : date("startDate", schedule.getStartDate());
            LocalDate end = schedule.getEndDate() == null || schedule.getEndDate().isBlank() ? null
                    : date("endDate", schedule.getEndDate());
            if (end != null && end.isBefore(start)) {
                throw ProblemException.badRequest("schedule-invalid", "schedule.endDate is before its startDate");
            }
            String time = schedule.getTime() == null ? "00:00" : schedule.getTime().strip();
            try {
                if (time.length() != 5) {
                    throw new DateTimeParseException("HH:MM", time, 0);
                }
                LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("schedule-invalid", "schedule.time must be HH:MM (UTC)");
            }
            mappings.add(new Mapping(flowId, segmentId, frequency, start, end, time, null));
        }
        return mappings;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("schedule-invalid", "schedule." + field + " must be a date, YYYY-MM-DD");
        }
    }

    private static String state(String state, String fallback) {
        if (state == null) {
            return fallback;
        }
        String lower = state.strip().toLowerCase(Locale.ROOT);
        if (!List.of(DataflowEntity.ENABLED, DataflowEntity.DISABLED).contains(lower)) {
            throw ProblemException.badRequest("dataflow-state-invalid", "state must be enabled or disabled");
        }
        return lower;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
