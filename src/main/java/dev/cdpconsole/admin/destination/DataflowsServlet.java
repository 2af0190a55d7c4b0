package dev.cdpconsole.admin.destination;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.FlowRequest;
import dev.cdpconsole.api.SegmentDefinition;

/**
 * The Dataflows pages ({@code /console/dataflows}, marketers and admins): the sandbox's dataflows with their
 * state; a new one for a destination that has none; per dataflow the segments it maps, each with its schedule,
 * enabling, disabling and deleting it.
 */
@WebServlet(name = "dataflows", urlPatterns = "/console/dataflows/*")
public class DataflowsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/dataflows";
    /** Problem types of the dataflows API and the form fields they are about. */
    static final Map<String, String> FIELDS = Map.of("dataflow-name-", "name", "dataflow-destination-",
            "destinationId", "destination-unknown", "destinationId", "dataflow-exists", "destinationId",
            "segment-unknown", "segments", "dataflow-segments-", "segments", "schedule-invalid", "segments");

    @Inject
    DestinationConsoleService destinations;

    @Inject
    ConsolePages pages;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            pages.render(request, response, "destination/dataflows", Map.of("flows", destinations.flows(),
                    "free", unmapped(destinations.destinations())));
        } else if (route.length == 1 && "new".equals(route[0])) {
            String chosen = request.getParameter("destination") == null ? "" : request.getParameter("destination");
            List<Destination> free = unmapped(destinations.destinations());
            String name = free.stream().filter(d -> d.id().equals(chosen)).map(Destination::name).findFirst().orElse("");
            create(request, response, FlowForm.blank(name, chosen, destinations.segments(), today()), free, Map.of());
        } else if (route.length == 1) {
            Flow flow = destinations.flow(route[0]);
            edit(request, response, flow, FlowForm.of(flow, destinations.segments(), today()), Map.of());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            FlowForm form = FlowForm.from(request, destinations.segments(), null);
            try {
                Flow flow = destinations.create(new FlowRequest(form.name(), form.destinationId(), "enabled",
                        form.mappings()));
                done(request, response, flow, "dataflows.flash.created");
            } catch (PlatformException e) {
                refused(e, response);
                create(request, response, form, unmapped(destinations.destinations()), FormErrors.of(e, FIELDS));
            }
        } else if (route.length == 1) {
            Flow flow = destinations.flow(route[0]);
            FlowForm form = FlowForm.from(request, destinations.segments(), flow);
            try {
                done(request, response, destinations.change(flow.id(), new FlowRequest(form.name(), null, null,
                        form.mappings())), "dataflows.flash.changed");
            } catch (PlatformException e) {
                refused(e, response);
                edit(request, response, flow, form, FormErrors.of(e, FIELDS));
            }
        } else if (route.length == 2 && "state".equals(route[1])) {
            boolean enable = "enabled".equals(request.getParameter("state"));
            Flow flow = destinations.change(route[0], new FlowRequest(null, null, enable ? "enabled" : "disabled", null));
            done(request, response, flow, enable ? "dataflows.flash.enabled" : "dataflows.flash.disabled");
        } else if (route.length == 2 && "delete".equals(route[1])) {
            delete(request, response, destinations.flow(route[0]));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Flow flow) throws IOException {
        try {
            destinations.deleteFlow(flow.id());
            pages.flash(request, "dataflows.flash.deleted", flow.name());
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            refused(e, response);
            edit(request, response, flow, FlowForm.of(flow, destinations.segments(), today()),
                    Map.of(FormErrors.GENERAL, e.detail()));
        }
    }

    /** Rethrows what is not a refusal for the form (it goes to the error page); sets the status of one that is. */
    private static void refused(PlatformException e, HttpServletResponse response) {
        if (!FormErrors.isRefusal(e)) {
            throw e;
        }
        response.setStatus(e.status());
    }

    private void done(HttpServletRequest request, HttpServletResponse response, Flow flow, String message)
            throws IOException {
        pages.flash(request, message, flow.name());
        pages.redirect(request, response, BASE + "/" + URLEncoder.encode(flow.id(), StandardCharsets.UTF_8));
    }

    private void create(HttpServletRequest request, HttpServletResponse response, FlowForm form,
            List<Destination> free, Map<String, String> errors) throws IOException {
        render(request, response, "destination/dataflow-new", form, errors, Map.of("free", free));
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Flow flow, FlowForm form,
            Map<String, String> errors) throws IOException {
        render(request, response, "destination/dataflow", form, errors, Map.of("flow", flow));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String template, FlowForm form,
            Map<String, String> errors, Map<String, Object> more) throws IOException {
        Map<String, Object> model = new HashMap<>(more);
        model.put("form", form);
        model.put("errors", errors);
        model.put("frequencies", FlowForm.FREQUENCIES);
        pages.render(request, response, template, model);
    }

    /** The destinations without a dataflow: one dataflow per destination. */
    private static List<Destination> unmapped(List<Destination> all) {
        return all.stream().filter(d -> d.dataflowId() == null).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
