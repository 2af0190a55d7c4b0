package dev.cdpconsole.platform.segment;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import dev.cdpconsole.api.MessageResponse;
import dev.cdpconsole.api.Preview;
import dev.cdpconsole.api.PreviewApi;
import dev.cdpconsole.api.PreviewRequest;
import dev.cdpconsole.api.SegmentExpression;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;

/**
 * Previews of definitions: the PQL is checked at once (a mistake is a 400 with its position), then every
 * profile of the sandbox is tested in the background, keeping the count so far and the first matches. Nothing
 * is written but the preview itself, which is forgotten after an hour.
 */
@ApplicationScoped
public class SegmentPreviews {

    private static final Logger LOG = Logger.getLogger(SegmentPreviews.class.getName());
    private static final int CHUNK = 5000;
    private static final int SAMPLE = 100;
    private static final long KEEP_MINUTES = 60;

    @Inject
    SegmentStore store;

    @Inject
    SegmentScan scan;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    public Preview create(String sandbox, PreviewRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("preview-invalid", "the body must hold predicateExpression");
        }
        if (request.getPredicateType() != null && !SegmentExpression.PQL_TEXT.equals(request.getPredicateType())) {
            throw ProblemException.badRequest("preview-invalid", "predicateType must be pql/text");
        }
        if (request.getPredicateModel() != null && !SegmentService.PROFILE_SCHEMA.equals(request.getPredicateModel())) {
            throw ProblemException.badRequest("preview-invalid", "predicateModel must be " + SegmentService.PROFILE_SCHEMA);
        }
        String expression = SegmentService.expression(SegmentExpression.pql(request.getPredicateExpression()));
        OffsetDateTime now = now();
        PreviewEntity preview = new PreviewEntity(Secrets.random(16), sandbox, expression, scan.count(sandbox), now);
        store.add(preview, now.minusMinutes(KEEP_MINUTES));
        executor.execute(() -> run(preview.id, sandbox, expression, now));
        return new Preview(preview.id, preview.id, PreviewEntity.RUNNING, PreviewEntity.RUNNING, 1);
    }

    void run(String id, String sandbox, String expression, OffsetDateTime at) {
        long read = 0;
        long matched = 0;
        JsonArrayBuilder sample = JSON.createArrayBuilder();
        try {
            Condition condition = Pql.parse(expression);
            SegmentScan.Needs needs = SegmentScan.Needs.of(List.of(condition));
            long after = Long.MIN_VALUE;
            for (List<SegmentScan.Row> rows = scan.read(sandbox, after, CHUNK, needs, at.toInstant()); !rows.isEmpty();
                    rows = scan.read(sandbox, after, CHUNK, needs, at.toInstant())) {
                for (SegmentScan.Row row : rows) {
                    if (condition.test(row.subject())) {
                        if (matched < SAMPLE) {
                            sample.add(JSON.createObjectBuilder().add("xid", row.xid())
                                    .add("name", row.name() == null ? "" : row.name())
                                    .add("email", row.email() == null ? "" : row.email())
                                    .add("city", row.city() == null ? "" : row.city()));
                        }
                        matched++;
                    }
                }
                read += rows.size();
                after = rows.get(rows.size() - 1).id();
                store.previewed(id, PreviewEntity.RUNNING, read, matched, null, null, now());
            }
            store.previewed(id, PreviewEntity.RESULT_READY, read, matched, sample.build().toString(), null, now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Preview " + id + " failed", e);
            store.previewed(id, PreviewEntity.FAILED, read, matched, null, e.getClass().getSimpleName(), now());
        }
    }

    public Preview.Estimate estimate(String sandbox, String id) {
        PreviewEntity preview = find(sandbox, id);
        return new Preview.Estimate(preview.profilesMatched, 0, PreviewEntity.RESULT_READY.equals(preview.state)
                ? "100%" : "", preview.profilesRead, preview.profilesMatched, preview.totalRows, preview.state,
                new Preview.EstimateLinks(PreviewApi.PATH + "/" + preview.id));
    }

    public Preview.Results results(String sandbox, String id, int offset, int limit) {
        PreviewEntity preview = find(sandbox, id);
        List<Preview.Result> all = new ArrayList<>();
        if (preview.sample != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(preview.sample))) {
                for (JsonValue value : reader.readArray()) {
                    JsonObject hit = value.asJsonObject();
                    String xid = hit.getString("xid");
                    all.add(new Preview.Result(xid, "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                            + "&entityId=" + URLEncoder.encode(xid, StandardCharsets.UTF_8), blankToNull(hit, "name"),
                            blankToNull(hit, "email"), blankToNull(hit, "city")));
                }
            }
        }
        List<Preview.Result> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        String next = offset + limit < all.size()
                ? PreviewApi.PATH + "/" + preview.id + "?offset=" + (offset + limit) + "&limit=" + limit : "";
        return new Preview.Results(preview.state, page, new Preview.ResultPage(offset, page.size(),
                preview.profilesMatched), new Preview.ResultLink(next));
    }

    public MessageResponse delete(String sandbox, String id) {
        PreviewEntity preview = find(sandbox, id);
        store.removePreview(preview.id);
        return new MessageResponse(true, "Preview " + preview.id + " deleted");
    }

    private PreviewEntity find(String sandbox, String id) {
        return store.preview(sandbox, id, now().minusMinutes(KEEP_MINUTES)).orElseThrow(() -> ProblemException
                .notFound("preview-not-found", "No preview " + Fields.clip(id) + " (previews are kept for "
                        + KEEP_MINUTES + " minutes)"));
    }

    private static String blankToNull(JsonObject hit, String key) {
        String value = hit.getString(key, "");
        return value.isEmpty() ? null : value;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
