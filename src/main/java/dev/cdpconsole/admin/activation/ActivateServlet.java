package dev.cdpconsole.admin.activation;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsoleCaller;
import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.OneTimeForms;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.admin.destination.DestinationConsoleService;
import dev.cdpconsole.admin.destination.FormErrors;
import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.Preflight;
import dev.cdpconsole.api.SegmentDefinition;

/**
 * The Activate page ({@code /console/activate}, marketers and admins): a destination and its segments (at most
 * 80, counted as they are ticked and again here), a preflight that shows per segment the profiles it would export
 * and every guardrail, and the run itself, sent once per form, after which the history shows the new runs.
 */
@WebServlet(name = "activate", urlPatterns = "/console/activate/*")
public class ActivateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The platform's guardrail: at most this many segments in one ad-hoc job. */
    static final int MAX_SEGMENTS = 80;

    @Inject
    ActivationConsoleService activation;

    @Inject
    DestinationConsoleService destinations;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleCaller caller;

    /** A segment as the form offers it: its members at the latest evaluation, and whether the dataflow maps it. */
    public record Choice(String id, String name, String members, boolean mapped, boolean checked) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ConsolePages.route(request).length != 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        render(request, response, field(request, "destination"), List.of(), null, "", "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ConsolePages.route(request).length != 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String destination = field(request, "destination");
        String[] ticked = request.getParameterValues("segment");
        List<String> segments = ticked == null ? List.of() : Arrays.stream(ticked).map(String::strip).distinct().toList();
        boolean run = "run".equals(request.getParameter("action"));
        String refusal = ticked == null || ticked.length == 0 ? "activate.error.none"
                : ticked.length > MAX_SEGMENTS ? "activate.error.tooMany" : destination.isEmpty()
                        ? "activate.error.destination" : "";
        if (!refusal.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, destination, segments, null, refusal, "");
            return;
        }
        try {
            if (!run) {
                render(request, response, destination, segments, activation.preflight(destination, segments), "", "");
            } else if (!OneTimeForms.useUp(request)) {
                // The same form again (a double click, a resend): its runs were started the first time.
                pages.flash(request, "activate.flash.alreadyStarted");
                pages.redirect(request, response, "/console/activations");
            } else {
                started(request, response, destination, activation.run(destination, segments));
            }
        } catch (PlatformException e) {
            if (!FormErrors.isRefusal(e)) {
                throw e;
            }
            response.setStatus(e.status());
            render(request, response, destination, segments, null, "", e.detail());
        }
    }

    /** One run: its page; several: the history of this destination's ad-hoc runs by this user, newest first. */
    private void started(HttpServletRequest request, HttpServletResponse response, String destination,
            List<String> runIds) throws IOException {
        pages.flash(request, "activate.flash.started", runIds.size());
        if (runIds.size() == 1) {
            pages.redirect(request, response, "/console/activations/" + URLEncoder.encode(runIds.get(0),
                    StandardCharsets.UTF_8));
            return;
        }
        pages.redirect(request, response, "/console/activations?kind=adhoc&destination="
                + URLEncoder.encode(destination, StandardCharsets.UTF_8) + "&user="
                + URLEncoder.encode(caller.user(), StandardCharsets.UTF_8));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String destinationId,
            List<String> checked, Preflight preflight, String errorKey, String platformError) throws IOException {
        List<Destination> usable = destinations.destinations().stream().filter(d -> d.dataflowId() != null).toList();
        Destination chosen = usable.stream().filter(d -> d.id().equals(destinationId)).findFirst()
                .orElse(usable.isEmpty() ? null : usable.get(0));
        Flow flow = chosen == null ? null : destinations.flow(chosen.dataflowId());
        Map<String, Object> model = new HashMap<>();
        model.put("destinations", usable);
        model.put("chosen", chosen);
        model.put("flow", flow);
        model.put("choices", choices(destinations.segments(), flow, Set.copyOf(checked)));
        model.put("checkedCount", checked.size());
        model.put("max", MAX_SEGMENTS);
        model.put("preflight", preflight);
        model.put("errorKey", errorKey);
        model.put("platformError", platformError);
        model.put("formToken", OneTimeForms.issue(request));
        model.put("formTokenField", OneTimeForms.FIELD);
        pages.render(request, response, "activation/activate", model);
    }

    /** The sandbox's segments, those the dataflow maps first, each by name. */
    static List<Choice> choices(List<SegmentDefinition> segments, Flow flow, Set<String> checked) {
        Set<String> mapped = flow == null ? Set.of()
                : Set.copyOf(flow.segments().stream().map(Flow.Segment::segmentId).toList());
        return segments.stream().map(s -> new Choice(s.id(), s.name(), s.metrics() == null ? ""
                : Long.toString(s.metrics().memberCount()), mapped.contains(s.id()), checked.contains(s.id())))
                .sorted(Comparator.comparing((Choice c) -> !c.mapped()).thenComparing(Choice::name,
                        String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
