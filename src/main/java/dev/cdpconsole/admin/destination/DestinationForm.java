package dev.cdpconsole.admin.destination;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.DestinationRequest;

/**
 * The destination form's values as typed (kept when the platform refuses them): the attribute columns are a
 * textarea, one path a line; the identities are the namespaces ticked.
 */
public record DestinationForm(String name, String description, String folder, String format, boolean gzip,
        String fileNameTemplate, List<String> identities, String attributes) {

    /** The placeholders a file-name template may use, as the platform documents them. */
    public static final List<String> PLACEHOLDERS = List.of("{destination}", "{segment}", "{segmentId}", "{date}",
            "{datetime}", "{runId}");
    static final String DEFAULT_TEMPLATE = "{destination}_{segment}_{datetime}";

    /** An empty form for a new destination. */
    static DestinationForm blank() {
        return new DestinationForm("", "", "", "csv", false, DEFAULT_TEMPLATE + ".csv", List.of("email"), "");
    }

    static DestinationForm of(Destination d) {
        return new DestinationForm(d.name(), d.description() == null ? "" : d.description(), d.folder(), d.format(),
                "gzip".equals(d.compression()), d.fileNameTemplate(), d.identities(),
                String.join("\n", d.attributes()));
    }

    static DestinationForm from(HttpServletRequest request) {
        String[] identities = request.getParameterValues("identity");
        return new DestinationForm(field(request, "name"), field(request, "description"), field(request, "folder"),
                field(request, "format"), request.getParameter("gzip") != null, field(request, "fileNameTemplate"),
                identities == null ? List.of() : Arrays.stream(identities).map(String::strip).distinct().toList(),
                field(request, "attributes"));
    }

    /** The attribute paths, one a line, blank lines left out. */
    public List<String> attributeList() {
        return attributes.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The body of a create or change: every field, as the form shows them all. */
    DestinationRequest toRequest() {
        DestinationRequest request = new DestinationRequest(name, folder, identities, attributeList());
        request.setDescription(description);
        request.setFormat(format);
        request.setCompression(gzip ? "gzip" : "none");
        request.setFileNameTemplate(fileNameTemplate);
        return request;
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
