package dev.cdpconsole.admin.destination;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.Destination;

/**
 * The Destinations pages ({@code /console/destinations}, marketers and admins): the sandbox's file destinations,
 * a form to create one, and per destination the same form to change it and a button to delete it. What the
 * platform refuses is said beside the field, with the values kept.
 */
@WebServlet(name = "destinations", urlPatterns = "/console/destinations/*")
public class DestinationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/destinations";
    /** Problem types of the destinations API and the form fields they are about. */
    static final Map<String, String> FIELDS = Map.of("destination-name-", "name",
            "destination-description-", "description", "destination-folder-", "folder",
            "destination-format-", "format", "destination-compression-", "gzip",
            "destination-template-", "fileNameTemplate", "namespace-unknown", "identities",
            "destination-columns-", "attributes");

    @Inject
    DestinationConsoleService destinations;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            list(request, response, DestinationForm.blank(), Map.of());
        } else if (route.length == 1) {
            Destination destination = destinations.destination(route[0]);
            edit(request, response, destination, DestinationForm.of(destination), Map.of());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            create(request, response);
        } else if (route.length == 1) {
            change(request, response, route[0]);
        } else if (route.length == 2 && "delete".equals(route[1])) {
            delete(request, response, route[0]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DestinationForm form = DestinationForm.from(request);
        try {
            Destination created = destinations.create(form.toRequest());
            pages.flash(request, "destinations.flash.created", created.name());
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            if (!FormErrors.isRefusal(e)) {
                throw e;
            }
            response.setStatus(e.status());
            list(request, response, form, FormErrors.of(e, FIELDS));
        }
    }

    private void change(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        DestinationForm form = DestinationForm.from(request);
        try {
            Destination changed = destinations.change(id, form.toRequest());
            pages.flash(request, "destinations.flash.changed", changed.name());
            pages.redirect(request, response, BASE + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        } catch (PlatformException e) {
            if (!FormErrors.isRefusal(e)) {
                throw e;
            }
            response.setStatus(e.status());
            edit(request, response, destinations.destination(id), form, FormErrors.of(e, FIELDS));
        }
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        Destination destination = destinations.destination(id);
        try {
            destinations.delete(id);
            pages.flash(request, "destinations.flash.deleted", destination.name());
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            if (!FormErrors.isRefusal(e)) {
                throw e;
            }
            response.setStatus(e.status());
            edit(request, response, destination, DestinationForm.of(destination),
                    Map.of(FormErrors.GENERAL, e.detail()));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, DestinationForm form,
            Map<String, String> errors) throws IOException {
        Map<String, Object> model = common(form, errors);
        model.put("destinations", destinations.destinations());
        pages.render(request, response, "destination/list", model);
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Destination destination,
            DestinationForm form, Map<String, String> errors) throws IOException {
        Map<String, Object> model = common(form, errors);
        model.put("destination", destination);
        pages.render(request, response, "destination/edit", model);
    }

    private Map<String, Object> common(DestinationForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("namespaces", destinations.namespaces());
        model.put("placeholders", String.join(" ", DestinationForm.PLACEHOLDERS));
        return model;
    }
}
