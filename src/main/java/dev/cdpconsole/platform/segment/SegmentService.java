package dev.cdpconsole.platform.segment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.MessageResponse;
import dev.cdpconsole.api.SegmentApi;
import dev.cdpconsole.api.SegmentDefinition;
import dev.cdpconsole.api.SegmentExpression;
import dev.cdpconsole.api.SegmentRequest;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;

/** Segment definitions: checked (the PQL parsed, the name unique in the sandbox), kept, and shown as Adobe's. */
@ApplicationScoped
public class SegmentService {

    static final String PROFILE_SCHEMA = "_xdm.context.profile";
    static final String MERGE_POLICY = "ups-default";
    private static final int DEFAULT_TTL_DAYS = 30;
    private static final Map<String, String> SORT_FIELDS = Map.of("name", "name", "creationTime", "createdAt",
            "updateTime", "updatedAt");

    @Inject
    SegmentStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.org.id")
    String orgId;

    public SegmentDefinition create(String sandbox, SegmentRequest request, String by) {
        if (request == null) {
            throw ProblemException.badRequest("segment-invalid", "the body must be a segment definition");
        }
        String name = Fields.name("segment", request.getName());
        String expression = expression(request.getExpression());
        requireUniqueName(sandbox, name, null);
        SegmentEntity segment = new SegmentEntity(Secrets.random(16), sandbox, name,
                description(request.getDescription()), expression, ttl(request.getTtlInDays(), DEFAULT_TTL_DAYS),
                mergePolicy(request.getMergePolicyId(), null), by, now());
        schema(request.getSchema());
        store.add(segment);
        return view(segment);
    }

    public SegmentDefinition get(String sandbox, String id) {
        return view(find(sandbox, id));
    }

    public SegmentDefinition change(String sandbox, String id, SegmentRequest request) {
        SegmentEntity segment = find(sandbox, id);
        if (request == null) {
            throw ProblemException.badRequest("segment-invalid", "the body must hold the fields to change");
        }
        String name = request.getName() == null ? segment.name : Fields.name("segment", request.getName());
        String expression = request.getExpression() == null ? segment.expression : expression(request.getExpression());
        schema(request.getSchema());
        if (!name.equals(segment.name)) {
            requireUniqueName(sandbox, name, segment.id);
        }
        String description = request.getDescription() == null ? segment.description
                : description(request.getDescription());
        return view(store.change(segment.id, name, description, expression, ttl(request.getTtlInDays(), segment.ttlDays),
                mergePolicy(request.getMergePolicyId(), segment.mergePolicyId), now()));
    }

    public MessageResponse delete(String sandbox, String id) {
        SegmentEntity segment = find(sandbox, id);
        store.remove(segment.id);
        return new MessageResponse(true, "Segment definition " + segment.id + " deleted");
    }

    /** A page: sort is {@code field[:asc|:desc]} with field name, creationTime or updateTime. */
    public SegmentDefinition.Page page(String sandbox, int page, int limit, String sort) {
        String field = "creationTime";
        boolean ascending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.strip().split(":", 2);
            field = parts[0];
            String direction = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
            if (!SORT_FIELDS.containsKey(field) || !List.of("asc", "desc").contains(direction)) {
                throw ProblemException.badRequest("sort-invalid", "sort must be name, creationTime or updateTime, "
                        + "optionally with :asc or :desc");
            }
            ascending = direction.equals("asc");
        }
        long total = store.count(sandbox);
        List<SegmentDefinition> segments = store.page(sandbox, SORT_FIELDS.get(field), ascending, page * limit, limit)
                .stream().map(this::view).toList();
        long pages = (total + limit - 1) / limit;
        String next = page + 1 < pages ? nextPage(page + 1, limit, sort) : "";
        return new SegmentDefinition.Page(segments, new SegmentDefinition.PageInfo(total, pages, field,
                ascending ? "asc" : "desc", segments.size(), limit), new SegmentDefinition.Links(next));
    }

    SegmentEntity find(String sandbox, String id) {
        return store.find(sandbox, id).orElseThrow(() -> ProblemException.notFound("segment-not-found",
                "No segment definition " + Fields.clip(id) + " in this sandbox"));
    }

    SegmentDefinition view(SegmentEntity segment) {
        SegmentDefinition.Metrics metrics = segment.evaluatedAt == null ? null
                : new SegmentDefinition.Metrics(segment.memberCount, segment.realizedCount,
                        segment.memberCount - segment.realizedCount, segment.exitedCount,
                        segment.evaluatedAt.toInstant().toEpochMilli(), segment.evaluationMs, segment.evaluatedByJob);
        return new SegmentDefinition(segment.id, orgId, new SegmentDefinition.Sandbox(segment.sandbox), segment.name,
                segment.description, SegmentExpression.pql(segment.expression),
                new SegmentRequest.SchemaName(PROFILE_SCHEMA), segment.ttlDays, "ups",
                segment.mergePolicyId == null ? MERGE_POLICY : segment.mergePolicyId, segment.version,
                segment.createdBy, segment.createdAt.toInstant().toEpochMilli(),
                segment.updatedAt.toInstant().toEpochMilli(), segment.updatedAt.toEpochSecond(), metrics);
    }

    private void requireUniqueName(String sandbox, String name, String except) {
        store.byName(sandbox, name).filter(s -> !s.id.equals(except)).ifPresent(s -> {
            throw ProblemException.conflict("segment-name-taken", "A segment definition named " + Fields.clip(name)
                    + " exists in this sandbox");
        });
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > 2000) {
            throw ProblemException.badRequest("segment-description-invalid", "description must be at most 2000 characters");
        }
        return description.strip();
    }

    /** The PQL text, parsed to prove it is valid; an expression of another type or format is refused. */
    static String expression(SegmentExpression expression) {
        if (expression == null || expression.getValue() == null || expression.getValue().isBlank()) {
            throw ProblemException.badRequest("segment-expression-missing", "expression.value is required (PQL text)");
        }
        if (expression.getType() != null && !SegmentExpression.PQL.equalsIgnoreCase(expression.getType())) {
            throw ProblemException.badRequest("segment-expression-unsupported", "expression.type must be PQL");
        }
        if (expression.getFormat() != null && !SegmentExpression.PQL_TEXT.equals(expression.getFormat())) {
            throw ProblemException.badRequest("segment-expression-unsupported", "expression.format must be pql/text");
        }
        try {
            Pql.parse(expression.getValue());
        } catch (PqlException e) {
            throw e.problem();
        }
        return expression.getValue().strip();
    }

    private static void schema(SegmentRequest.SchemaName schema) {
        if (schema != null && schema.getName() != null && !PROFILE_SCHEMA.equals(schema.getName())) {
            throw ProblemException.badRequest("schema-unsupported", "schema.name must be " + PROFILE_SCHEMA);
        }
    }

    private static int ttl(Integer days, int fallback) {
        if (days == null) {
            return fallback;
        }
        if (days < 1 || days > 365) {
            throw ProblemException.badRequest("segment-ttl-invalid", "ttlInDays must be from 1 to 365");
        }
        return days;
    }

    private static String mergePolicy(String id, String fallback) {
        if (id == null || id.isBlank()) {
            return fallback;
        }
        if (id.length() > 64) {
            throw ProblemException.badRequest("merge-policy-invalid", "mergePolicyId must be at most 64 characters");
        }
        return id.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }


    /** The address of another page of definitions. */
    private static String nextPage(int page, int limit, String sort) {
        return SegmentApi.PATH + "?page=" + page + "&limit=" + limit
                + (sort == null || sort.isBlank() ? "" : "&sort=" + URLEncoder.encode(sort.strip(), StandardCharsets.UTF_8));
    }
}
