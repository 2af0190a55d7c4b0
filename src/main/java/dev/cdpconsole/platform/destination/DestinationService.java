package dev.cdpconsole.platform.destination;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.DestinationRequest;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Fields;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.common.time.Times;

/** File destinations: every field checked (a folder that cannot leave the root, a safe file name), kept, shown. */
@ApplicationScoped
public class DestinationService {

    public static final String CSV = "csv";
    public static final String JSON_LINES = "jsonl";
    public static final String GZIP = "gzip";
    public static final String NONE = "none";
    /** The placeholders of a file-name template. */
    public static final Set<String> PLACEHOLDERS = Set.of("destination", "segment", "segmentId", "date", "datetime",
            "runId");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final int MAX_COLUMNS = 50;

    @Inject
    DestinationStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.profiles.namespaces", defaultValue = "email,phone,crmId,ecid")
    List<String> namespaces;

    public Destination create(String sandbox, DestinationRequest request, String by) {
        if (request == null) {
            throw ProblemException.badRequest("destination-invalid", "the body must be a destination");
        }
        DestinationEntity.Settings settings = settings(request, null);
        requireUniqueName(sandbox, settings.name(), null);
        DestinationEntity destination = new DestinationEntity(Secrets.random(16), sandbox, by, now());
        destination.set(settings, destination.createdAt);
        store.add(destination);
        return view(destination);
    }

    public Destination get(String sandbox, String id) {
        return view(find(sandbox, id));
    }

    public Destination.Page list(String sandbox) {
        List<Destination> items = store.destinations(sandbox).stream().map(this::view).toList();
        return new Destination.Page(items, items.size());
    }

    public Destination change(String sandbox, String id, DestinationRequest request) {
        DestinationEntity destination = find(sandbox, id);
        if (request == null) {
            throw ProblemException.badRequest("destination-invalid", "the body must hold the fields to change");
        }
        DestinationEntity.Settings settings = settings(request, destination);
        if (!settings.name().equals(destination.name)) {
            requireUniqueName(sandbox, settings.name(), destination.id);
        }
        return view(store.change(destination.id, settings, now()));
    }

    public void delete(String sandbox, String id) {
        DestinationEntity destination = find(sandbox, id);
        if (store.flowOf(destination.id).isPresent()) {
            throw ProblemException.conflict("destination-in-use", "A dataflow maps this destination; delete the "
                    + "dataflow first");
        }
        store.remove(destination);
    }

    public DestinationEntity find(String sandbox, String id) {
        return store.destination(sandbox, id).orElseThrow(() -> ProblemException.notFound("destination-not-found",
                "No destination " + Fields.clip(id) + " in this sandbox"));
    }

    public Destination view(DestinationEntity d) {
        return new Destination(d.id, d.sandbox, d.name, d.description, d.folder, d.format, d.compression,
                d.fileNameTemplate, columns(d.identityColumns), columns(d.attributeColumns),
                store.flowOf(d.id).map(f -> f.id).orElse(null), d.createdBy, Times.iso(d.createdAt),
                Times.iso(d.updatedAt));
    }

    /** The fields of a request over those of the destination (null: a new one), checked. */
    private DestinationEntity.Settings settings(DestinationRequest r, DestinationEntity before) {
        String name = r.getName() != null || before == null ? Fields.name("destination", r.getName()) : before.name;
        String description = r.getDescription() != null ? description(r.getDescription())
                : before == null ? null : before.description;
        String folder = r.getFolder() != null || before == null ? DestinationFolders.check(r.getFolder()) : before.folder;
        String format = r.getFormat() != null ? choose("format", r.getFormat(), CSV, JSON_LINES)
                : before == null ? CSV : before.format;
        String compression = r.getCompression() != null ? choose("compression", r.getCompression(), NONE, GZIP)
                : before == null ? NONE : before.compression;
        String template = r.getFileNameTemplate() != null ? template(r.getFileNameTemplate())
                : before != null ? before.fileNameTemplate : "{destination}_{segment}_{datetime}." + format;
        List<String> identities = r.getIdentities() != null ? identities(r.getIdentities())
                : before == null ? List.of() : columns(before.identityColumns);
        List<String> attributes = r.getAttributes() != null ? attributes(r.getAttributes())
                : before == null ? List.of() : columns(before.attributeColumns);
        if (identities.isEmpty() && attributes.isEmpty()) {
            throw ProblemException.badRequest("destination-columns-missing",
                    "a destination needs at least one column: identities or attributes");
        }
        return new DestinationEntity.Settings(name, description, folder, format, compression, template,
                json(identities), json(attributes));
    }

    private static String description(String description) {
        if (description.length() > 2000) {
            throw ProblemException.badRequest("destination-description-invalid",
                    "description must be at most 2000 characters");
        }
        return description.isBlank() ? null : description.strip();
    }

    private static String choose(String field, String value, String... allowed) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        for (String one : allowed) {
            if (one.equals(lower)) {
                return one;
            }
        }
        throw ProblemException.badRequest("destination-" + field + "-invalid", field + " must be one of "
                + String.join(", ", allowed));
    }

    /** A template is literal file-name characters and known placeholders, not starting with a dot. */
    static String template(String template) {
        String t = template.strip();
        Matcher placeholders = PLACEHOLDER.matcher(t);
        StringBuilder literal = new StringBuilder();
        int from = 0;
        while (placeholders.find()) {
            if (!PLACEHOLDERS.contains(placeholders.group(1))) {
                throw ProblemException.badRequest("destination-template-invalid", "unknown placeholder {"
                        + Fields.clip(placeholders.group(1)) + "}; the placeholders are " + String.join(", ",
                                PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
            }
            literal.append(t, from, placeholders.start());
            from = placeholders.end();
        }
        literal.append(t.substring(from));
        if (t.isEmpty() || t.length() > 200 || t.startsWith(".") || !LITERAL.matcher(literal).matches()) {
            throw ProblemException.badRequest("destination-template-invalid", "fileNameTemplate must be at most 200 "
                    + "characters of letters, digits, '.', '_', '-' and placeholders, not starting with '.'");
        }
        return t;
    }

    private List<String> identities(List<String> given) {
        Set<String> kept = new LinkedHashSet<>();
        for (String namespace : given) {
            String ns = namespace == null ? "" : namespace.strip();
            if (!namespaces.contains(ns)) {
                throw ProblemException.badRequest("namespace-unknown", "unknown identity namespace " + Fields.clip(ns)
                        + "; the namespaces are " + String.join(", ", namespaces));
            }
            kept.add(ns);
        }
        return new ArrayList<>(kept);
    }

    private static List<String> attributes(List<String> given) {
        if (given.size() > MAX_COLUMNS) {
            throw ProblemException.badRequest("destination-columns-invalid", "at most " + MAX_COLUMNS + " attributes");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String path : given) {
            String p = path == null ? "" : path.strip();
            if (p.length() > 200 || !PATH.matcher(p).matches()) {
                throw ProblemException.badRequest("destination-columns-invalid", "an attribute must be a path such as "
                        + "person.name.lastName, not " + Fields.clip(p));
            }
            kept.add(p);
        }
        return new ArrayList<>(kept);
    }

    private void requireUniqueName(String sandbox, String name, String except) {
        store.destinationNamed(sandbox, name).filter(d -> !d.id.equals(except)).ifPresent(d -> {
            throw ProblemException.conflict("destination-name-taken", "A destination named " + Fields.clip(name)
                    + " exists in this sandbox");
        });
    }

    private static String json(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    public static List<String> columns(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

}
