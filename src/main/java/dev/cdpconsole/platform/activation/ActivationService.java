package dev.cdpconsole.platform.activation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.AdhocRunOrder;
import dev.cdpconsole.api.AdhocRunRequest;
import dev.cdpconsole.api.FlowRunApi;
import dev.cdpconsole.api.Preflight;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;
import dev.cdpconsole.platform.destination.DataflowEntity;
import dev.cdpconsole.platform.destination.DestinationEntity;
import dev.cdpconsole.platform.destination.DestinationStore;
import dev.cdpconsole.platform.destination.Mapping;
import dev.cdpconsole.platform.segment.SegmentStore;
import dev.cdpconsole.platform.segment.SegmentSummary;

/**
 * Ad-hoc activation: the guardrails of CONTRACT.md, checked in the transaction that records the runs (the
 * dataflows' rows locked meanwhile, so that two requests cannot both pass "one run per segment"), and the same
 * checks as a preflight that changes nothing. The runs are then started by {@link RunExecutor}.
 */
@ApplicationScoped
public class ActivationService {

    static final int MAX_SEGMENTS = 80;
    static final String LIMIT = "segment-limit";
    static final String SCHEDULED_RUNNING = "scheduled-export-running";
    static final String RUN_GOING_ON = "run-going-on";
    static final String IN_DATAFLOW = "in-dataflow-and-schedule";
    static final String FIRST_RUN_WAIT = "first-scheduled-run-wait";
    static final String ENABLED = "dataflow-enabled";
    static final String EVALUATED = "segment-evaluated";

    @Inject
    DestinationStore destinations;

    @Inject
    SegmentStore segments;

    @Inject
    RunStore runs;

    @Inject
    Event<RunsRecorded> recordedRuns;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.activation.first-run-wait-minutes", defaultValue = "0")
    int firstRunWaitMinutes;

    /** What a request names, resolved: per destination, its dataflow, mapping and segments. */
    private record Target(DestinationEntity destination, DataflowEntity flow, Map<String, Mapping> mappings,
            List<SegmentSummary> segments) {
    }

    /** Checks and records the runs of an ad-hoc request (they start once it commits); answers Adobe's order. */
    @Transactional
    public AdhocRunOrder run(String sandbox, AdhocRunRequest request, String by, String statusBase) {
        List<RunEntity> recorded = record(sandbox, request, by, null);
        return new AdhocRunOrder(recorded.stream().map(r -> new AdhocRunOrder.Item(r.segmentId, r.destinationId,
                statusBase + FlowRunApi.PATH + "/" + r.id)).toList());
    }

    /** A failed run again, as a new ad-hoc run with the same guardrails. */
    @Transactional
    public RunEntity retry(String sandbox, RunEntity failed, String by) {
        if (!RunEntity.FAILED.equals(failed.status)) {
            throw ProblemException.conflict("run-not-failed", "Only a failed run can be retried");
        }
        RunEntity run = record(sandbox, new AdhocRunRequest(Map.of(failed.destinationId, List.of(failed.segmentId))),
                by, failed.id).get(0);
        return run;
    }

    private List<RunEntity> record(String sandbox, AdhocRunRequest request, String by, String retryOf) {
        List<Target> targets = resolve(sandbox, request, true);
        targets.forEach(t -> runs.lockFlow(t.flow().id));
        OffsetDateTime now = now();
        List<RunEntity> recorded = new ArrayList<>();
        for (Target target : targets) {
            for (Preflight.Check check : flowChecks(target, now)) {
                if (!check.passed()) {
                    throw refusal(check);
                }
            }
            for (SegmentSummary segment : target.segments()) {
                for (Preflight.Check check : segmentChecks(target, segment, now)) {
                    if (!check.passed()) {
                        throw refusal(check);
                    }
                }
            }
            List<Preflight.Check> schedule = scheduleChecks(target);
            if (!schedule.isEmpty()) {
                throw refusal(schedule.get(0));
            }
            for (SegmentSummary segment : target.segments()) {
                RunEntity run = new RunEntity(Secrets.random(16), sandbox, target.flow().id, target.destination().id,
                        target.destination().name, segment.id(), segment.name(), RunEntity.ADHOC, null, by, retryOf,
                        segment.memberCount(), now);
                runs.add(run);
                recorded.add(run);
            }
        }
        recordedRuns.fire(new RunsRecorded(recorded.size()));
        return recorded;
    }

    /** The same checks, reported rather than enforced; nothing is recorded. */
    public Preflight preflight(String sandbox, AdhocRunRequest request) {
        List<Target> targets = resolve(sandbox, request, false);
        OffsetDateTime now = now();
        List<Preflight.Target> report = new ArrayList<>();
        int total = targets.stream().mapToInt(t -> t.segments().size()).sum();
        boolean ready = total <= MAX_SEGMENTS;
        Preflight.Check limit = new Preflight.Check(LIMIT, ready, ready ? total + " of at most " + MAX_SEGMENTS
                + " segments" : tooMany(total));
        for (Target target : targets) {
            List<Preflight.Check> flowChecks = new ArrayList<>(flowChecks(target, now));
            List<Preflight.SegmentTarget> segmentReports = new ArrayList<>();
            for (SegmentSummary segment : target.segments()) {
                List<Preflight.Check> checks = new ArrayList<>(segmentChecks(target, segment, now));
                Mapping mapping = target.mappings().get(segment.id());
                boolean inside = mapping != null && mapping.inRange(today(now));
                checks.add(new Preflight.Check(IN_DATAFLOW, inside, inside ? "mapped to the dataflow, inside its "
                        + "schedule" : notInDataflow(List.of(segment.name()))));
                ready &= checks.stream().allMatch(Preflight.Check::passed);
                segmentReports.add(new Preflight.SegmentTarget(segment.id(), segment.name(), segment.memberCount(),
                        Times.iso(segment.evaluatedAt()), checks));
            }
            ready &= flowChecks.stream().allMatch(Preflight.Check::passed);
            report.add(new Preflight.Target(target.destination().id, target.destination().name, target.flow().id,
                    flowChecks, segmentReports));
        }
        return new Preflight(ready, List.of(limit), report);
    }

    /** The request resolved and checked for what makes it malformed (400) rather than refused by a guardrail. */
    private List<Target> resolve(String sandbox, AdhocRunRequest request, boolean enforceLimit) {
        if (request == null || request.getActivationInfo() == null || request.getActivationInfo().isEmpty()) {
            throw ProblemException.badRequest("activation-invalid", "the body must be {\"activationInfo\": "
                    + "{\"<destinationId>\": [\"<segmentId>\", ...]}}");
        }
        int total = 0;
        for (List<String> ids : request.getActivationInfo().values()) {
            if (ids == null || ids.isEmpty()) {
                throw ProblemException.badRequest("activation-invalid", "every destination needs a list of segment ids");
            }
            total += ids.size();
        }
        if (enforceLimit && total > MAX_SEGMENTS) {
            throw new ProblemException(400, LIMIT, "Bad request", tooMany(total), Map.of("segments", total,
                    "limit", MAX_SEGMENTS));
        }
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : request.getActivationInfo().entrySet()) {
            String destinationId = entry.getKey() == null ? "" : entry.getKey().strip();
            DestinationEntity destination = destinations.destination(sandbox, destinationId).orElseThrow(() ->
                    ProblemException.badRequest("destination-unknown", "No destination " + Fields.clip(destinationId)
                            + " in this sandbox"));
            DataflowEntity flow = destinations.flowOf(destination.id).orElseThrow(() -> ProblemException.badRequest(
                    "dataflow-missing", "The destination " + Fields.clip(destination.name) + " has no dataflow; map its "
                            + "segments in a dataflow first"));
            Map<String, Mapping> mappings = new LinkedHashMap<>();
            destinations.mappings(flow.id).forEach(m -> mappings.put(m.segmentId(), m));
            Map<String, SegmentSummary> named = new LinkedHashMap<>();
            for (String raw : entry.getValue()) {
                String id = raw == null ? "" : raw.strip();
                SegmentSummary segment = segments.summary(sandbox, id).orElseThrow(() -> ProblemException.badRequest(
                        "segment-unknown", "No segment definition " + Fields.clip(id) + " in this sandbox"));
                named.put(segment.id(), segment);
            }
            targets.add(new Target(destination, flow, mappings, new ArrayList<>(named.values())));
        }
        return targets;
    }

    private List<Preflight.Check> flowChecks(Target target, OffsetDateTime now) {
        List<Preflight.Check> checks = new ArrayList<>();
        boolean enabled = DataflowEntity.ENABLED.equals(target.flow().state);
        checks.add(new Preflight.Check(ENABLED, enabled, enabled ? "the dataflow is enabled"
                : "The dataflow " + target.flow().name + " is disabled; enable it to activate its segments"));
        boolean scheduled = runs.scheduledOpen(target.flow().id);
        checks.add(new Preflight.Check(SCHEDULED_RUNNING, !scheduled, !scheduled ? "no scheduled export is running"
                : "A scheduled export of dataflow " + target.flow().id + " is running; an ad-hoc activation cannot "
                        + "run at the same time. Try again once it has finished."));
        return checks;
    }

    private List<Preflight.Check> segmentChecks(Target target, SegmentSummary segment, OffsetDateTime now) {
        List<Preflight.Check> checks = new ArrayList<>();
        Optional<RunEntity> open = runs.openAdhoc(target.flow().id, segment.id());
        checks.add(new Preflight.Check(RUN_GOING_ON, open.isEmpty(), open.isEmpty() ? "no run of it is going on"
                : "Run already going on for audience " + segment.id() + " for order " + target.flow().id
                        + " with run id " + open.get().id));
        boolean evaluated = segment.evaluatedAt() != null;
        checks.add(new Preflight.Check(EVALUATED, evaluated, evaluated ? "evaluated at "
                + Times.iso(segment.evaluatedAt()) : "The segment " + segment.name() + " has not been evaluated yet; "
                        + "run a segmentation job first (ad-hoc runs use the latest results)"));
        if (firstRunWaitMinutes > 0) {
            Mapping mapping = target.mappings().get(segment.id());
            checks.add(firstRunWait(firstRunWaitMinutes, segment.name(), mapping == null ? null
                    : mapping.firstScheduledAt(), now));
        }
        return checks;
    }

    /**
     * The one-time wait (on when {@code minutes} > 0): a segment may be activated ad hoc only that long after its
     * first scheduled activation, which must have happened.
     */
    static Preflight.Check firstRunWait(int minutes, String segmentName, OffsetDateTime first, OffsetDateTime now) {
        boolean waited = first != null && !first.plus(Duration.ofMinutes(minutes)).isAfter(now);
        return new Preflight.Check(FIRST_RUN_WAIT, waited, waited ? "its first scheduled activation was at least "
                + minutes + " minutes ago" : "The segment " + segmentName + " can be activated ad hoc " + minutes
                        + " minutes after its first scheduled activation" + (first == null
                                ? ", which has not happened yet" : " (at " + Times.iso(first) + ")"));
    }

    /** One failed check naming every segment of the target not mapped to its dataflow or out of schedule. */
    private List<Preflight.Check> scheduleChecks(Target target) {
        LocalDate today = today(now());
        List<String> outside = target.segments().stream().filter(s -> {
            Mapping mapping = target.mappings().get(s.id());
            return mapping == null || !mapping.inRange(today);
        }).map(SegmentSummary::name).toList();
        return outside.isEmpty() ? List.of() : List.of(new Preflight.Check(IN_DATAFLOW, false, notInDataflow(outside)));
    }

    private static String tooMany(int total) {
        return "Too many segments: an ad-hoc activation job can activate at most " + MAX_SEGMENTS + " segments; this "
                + "one has " + total + ", so the whole job fails";
    }

    private static String notInDataflow(List<String> names) {
        return "Segments " + String.join(", ", names) + " are not part of this dataflow or out of schedule range!";
    }

    private static ProblemException refusal(Preflight.Check check) {
        int status = IN_DATAFLOW.equals(check.guardrail()) ? 400 : 409;
        return new ProblemException(status, check.guardrail(), status == 400 ? "Bad request" : "Conflict",
                check.message());
    }

    private static LocalDate today(OffsetDateTime now) {
        return now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

}
