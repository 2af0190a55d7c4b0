package dev.cdpconsole.admin.segment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.admin.console.PlatformErrorMapper;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.EstimateApi;
import dev.cdpconsole.api.Preview;
import dev.cdpconsole.api.PreviewApi;
import dev.cdpconsole.api.PreviewRequest;
import dev.cdpconsole.api.SegmentApi;
import dev.cdpconsole.api.SegmentDefinition;
import dev.cdpconsole.api.SegmentExpression;
import dev.cdpconsole.api.SegmentJob;
import dev.cdpconsole.api.SegmentJobApi;
import dev.cdpconsole.api.SegmentJobRequest;
import dev.cdpconsole.api.SegmentRequest;

/** What the Segments pages ask of the platform, in the switcher's sandbox: definitions, jobs and previews. */
@ApplicationScoped
public class SegmentConsoleService {

    static final int PAGE = 20;
    static final int SAMPLE = 5;
    /** A segment's latest job is looked for among the sandbox's newest this many. */
    static final int JOBS_SEARCHED = 20;
    static final String ALL = "*";
    private static final String READY = "RESULT_READY";
    private static final Set<String> UNFINISHED = Set.of("QUEUED", "PROCESSING", "CANCELLING");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    PlatformClients clients;

    private SegmentClient segments() {
        return clients.get(SegmentClient.class, SegmentApi.PATH);
    }

    private SegmentJobClient jobs() {
        return clients.get(SegmentJobClient.class, SegmentJobApi.PATH);
    }

    /** A page of the sandbox's segments, newest first, and whether there are more. */
    public SegmentPage list(int page) {
        SegmentDefinition.Page found = segments().list(Integer.toString(PAGE), Integer.toString(page), null, null);
        List<SegmentView> views = found.segments().stream().map(SegmentView::of).toList();
        return new SegmentPage(views, page, found.page() != null && page + 1 < found.page().totalPages());
    }

    public SegmentView get(String id) {
        return SegmentView.of(segments().get(id));
    }

    public SegmentView create(SegmentForm form) {
        return SegmentView.of(segments().create(new SegmentRequest(form.name(), form.description(),
                SegmentExpression.pql(form.expression()))));
    }

    /** Sends only what differs from the segment as it is, so that an unchanged name is not a name taken. */
    public SegmentView change(String id, SegmentForm form) {
        SegmentView current = get(id);
        SegmentRequest change = new SegmentRequest();
        if (!current.name().equals(form.name())) {
            change.setName(form.name());
        }
        if (!current.description().equals(form.description())) {
            change.setDescription(form.description());
        }
        if (!current.expression().equals(form.expression())) {
            change.setExpression(SegmentExpression.pql(form.expression()));
        }
        if (change.getName() == null && change.getDescription() == null && change.getExpression() == null) {
            return current;
        }
        return SegmentView.of(segments().change(id, change));
    }

    public void delete(String id) {
        segments().delete(id);
    }

    /** Starts a segmentation job for one segment, or for all of them ({@link #ALL}). */
    public JobView evaluate(String segmentId) {
        return JobView.of(jobs().create(List.of(new SegmentJobRequest(segmentId))));
    }

    /** The sandbox's newest segmentation job, if there has been one. */
    public Optional<JobView> latestJob() {
        return jobs().list("1", "0", null).children().stream().findFirst().map(JobView::of);
    }

    /**
     * The newest job that evaluated (or will evaluate) this segment, among the sandbox's latest ones (a job for
     * all segments lists each of them).
     */
    public Optional<JobView> latestJobOf(String segmentId) {
        return jobs().list(Integer.toString(JOBS_SEARCHED), "0", null).children().stream()
                .filter(job -> job.segments() != null && job.segments().stream()
                        .anyMatch(s -> segmentId.equals(s.segmentId())))
                .findFirst().map(JobView::of);
    }

    /** Starts counting the profiles a definition matches; a definition that is not PQL is said where. */
    public PreviewView preview(String pql) {
        if (pql.isBlank()) {
            return PreviewView.EMPTY;
        }
        try (Response answer = clients.get(PreviewClient.class, PreviewApi.PATH).create(new PreviewRequest(pql))) {
            if (answer.getStatus() >= 400) {
                // Rest clients map error answers before they get here; this is for one that did not.
                throw new PlatformErrorMapper().toThrowable(answer);
            }
            Preview started = answer.readEntity(Preview.class);
            return PreviewView.running(started.previewId(), 0, 0);
        } catch (PlatformException e) {
            return PqlError.of(e, pql).map(PreviewView::error).orElseThrow(() -> e);
        }
    }

    /** How far the count of a preview is: running with the profiles read so far, or done with a sample. */
    public PreviewView previewStatus(String previewId) {
        Preview.Estimate estimate;
        try {
            estimate = clients.get(EstimateClient.class, EstimateApi.PATH).estimate(previewId);
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return PreviewView.FAILED; // expired, or never started in this sandbox
            }
            throw e;
        }
        if ("FAILED".equals(estimate.state())) {
            return PreviewView.FAILED;
        }
        if (!READY.equals(estimate.state())) {
            return PreviewView.running(previewId, estimate.profilesReadSoFar(), estimate.totalRows());
        }
        List<Preview.Result> sample = clients.get(PreviewClient.class, PreviewApi.PATH)
                .results(previewId, "0", Integer.toString(SAMPLE)).results();
        return new PreviewView("ready", previewId, estimate.estimatedSize(), estimate.totalRows(),
                estimate.totalRows(), sample == null ? List.of() : sample, null);
    }

    static String shown(long epochMillis) {
        return SHOWN.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A page of segments as the list shows it. */
    public record SegmentPage(List<SegmentView> segments, int page, boolean hasNext) {
    }

    /**
     * A segment as the pages show it, with its latest evaluation ({@code metrics} null before the first) and
     * when that was, in UTC.
     */
    public record SegmentView(String id, String name, String description, String expression,
            SegmentDefinition.Metrics metrics, String evaluatedAt, String evaluatedAtIso) {

        static SegmentView of(SegmentDefinition d) {
            SegmentDefinition.Metrics m = d.metrics();
            return new SegmentView(d.id(), Objects.requireNonNullElse(d.name(), ""),
                    Objects.requireNonNullElse(d.description(), ""),
                    d.expression() == null ? "" : Objects.requireNonNullElse(d.expression().getValue(), ""), m,
                    m == null ? "" : shown(m.evaluatedAt()),
                    m == null ? "" : Instant.ofEpochMilli(m.evaluatedAt()).toString());
        }

        public boolean isEvaluated() {
            return metrics != null;
        }

        /** The latest evaluation's counts, members first, each named as its message ({@code segments.NAME}). */
        public List<Count> getCounts() {
            return metrics == null ? List.of() : List.of(new Count("members", metrics.memberCount()),
                    new Count("realized", metrics.realized()), new Count("existing", metrics.existing()),
                    new Count("exited", metrics.exited()));
        }
    }

    /** One count of an evaluation. */
    public record Count(String name, long value) {
    }

    /** A segmentation job as the pages show it: its status, how many segments, when, and why it failed. */
    public record JobView(String id, String status, int segmentCount, String createdAt,
            String createdAtIso, long totalTimeMs, long totalProfiles, List<String> errors) {

        static JobView of(SegmentJob job) {
            List<SegmentJob.Segment> segments = job.segments() == null ? List.of() : job.segments();
            SegmentJob.Metrics metrics = job.metrics();
            long took = metrics == null || metrics.totalTime() == null ? 0 : metrics.totalTime().totalTimeInMs();
            return new JobView(job.id(), job.status(), segments.size(), shown(job.creationTime()),
                    Instant.ofEpochMilli(job.creationTime()).toString(), took,
                    metrics == null ? 0 : metrics.totalProfiles(),
                    job.errors() == null ? List.of() : job.errors().stream().map(SegmentJob.Error::msg)
                            .filter(Objects::nonNull).toList());
        }

        /** Whether the job is still to finish, so that a page keeps following it. */
        public boolean isRunning() {
            return UNFINISHED.contains(status);
        }
    }

    /**
     * A preview as the form shows it: {@code empty} (nothing typed), {@code error} (not PQL, where),
     * {@code running} (profiles read so far of the total), {@code ready} (how many of the total match, and the
     * first of them) or {@code failed}.
     */
    public record PreviewView(String state, String previewId, long matched, long read, long total,
            List<Preview.Result> sample, PqlError error) {

        static final PreviewView EMPTY = new PreviewView("empty", "", 0, 0, 0, List.of(), null);
        static final PreviewView FAILED = new PreviewView("failed", "", 0, 0, 0, List.of(), null);

        static PreviewView running(String previewId, long read, long total) {
            return new PreviewView("running", previewId, 0, read, total, List.of(), null);
        }

        static PreviewView error(PqlError error) {
            return new PreviewView("error", "", 0, 0, 0, List.of(), error);
        }

        public boolean isRunning() {
            return "running".equals(state);
        }
    }
}
