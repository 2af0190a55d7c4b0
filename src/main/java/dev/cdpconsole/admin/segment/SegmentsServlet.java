package dev.cdpconsole.admin.segment;

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
import dev.cdpconsole.admin.console.OneTimeForms;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.admin.segment.SegmentConsoleService.PreviewView;
import dev.cdpconsole.admin.segment.SegmentConsoleService.SegmentView;

/**
 * The Segments pages ({@code /console/segments}): every console role reads the list, with the latest
 * segmentation job followed live, and a segment's definition and metrics; marketers and admins also create,
 * change, delete and evaluate, writing PQL with a live preview ({@code POST …/preview} starts one, htmx polls
 * {@code …/preview/{id}} until it is counted).
 */
@WebServlet(name = "segments", urlPatterns = "/console/segments/*")
public class SegmentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/segments";
    /** The console roles that may change segments (web.xml says the same for POST). */
    static final String[] EDITORS = {"ADMIN", "MARKETER"};

    @Inject
    SegmentConsoleService segments;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            list(request, response, "segment/list", "");
        } else if (route.length == 1 && "live".equals(route[0])) {
            list(request, response, "segment/list-live", "");
        } else if ((route.length == 1 && "new".equals(route[0]) || route.length == 2 && "preview".equals(route[0]))
                && !mayEdit(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else if (route.length == 1 && "new".equals(route[0])) {
            form(request, response, null, SegmentForm.EMPTY, Map.of(), PreviewView.EMPTY);
        } else if (route.length == 2 && "preview".equals(route[0])) {
            pages.render(request, response, "segment/preview", Map.of("preview", segments.previewStatus(route[1])));
        } else if (route.length == 1) {
            form(request, response, route[0], null, Map.of(), PreviewView.EMPTY);
        } else if (route.length == 2 && "live".equals(route[1])) {
            Map<String, Object> model = new HashMap<>();
            model.put("job", segments.latestJobOf(route[0]).orElse(null)); // first: see form()
            model.put("segment", segments.get(route[0]));
            pages.render(request, response, "segment/segment-live", model);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayEdit(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            save(request, response, null);
        } else if (route.length == 1 && "preview".equals(route[0])) {
            pages.render(request, response, "segment/preview",
                    Map.of("preview", segments.preview(SegmentForm.of(request).expression())));
        } else if (route.length == 1 && "evaluate".equals(route[0])) {
            evaluate(request, response, SegmentConsoleService.ALL, BASE);
        } else if (route.length == 1) {
            save(request, response, route[0]);
        } else if (route.length == 2 && "evaluate".equals(route[1])) {
            evaluate(request, response, route[0], BASE + "/" + encode(route[0]));
        } else if (route.length == 2 && "delete".equals(route[1])) {
            delete(request, response, route[0]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Creates (no id) or changes a segment; what the platform refuses is shown in the form, as typed. */
    private void save(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        SegmentForm form = SegmentForm.of(request);
        try {
            SegmentView saved = id == null ? segments.create(form) : segments.change(id, form);
            pages.flash(request, id == null ? "segments.flash.created" : "segments.flash.saved", saved.name());
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            PreviewView preview = PqlError.of(e, form.expression()).map(PreviewView::error).orElse(PreviewView.EMPTY);
            Map<String, String> errors = new HashMap<>(SegmentErrors.fieldKeys(e));
            if (errors.containsKey(SegmentErrors.GENERAL) && e.detail() != null) {
                errors.put("detail", e.detail()); // the platform's own words, beside ours
            }
            form(request, response, id, form, errors, preview);
        }
    }

    private void evaluate(HttpServletRequest request, HttpServletResponse response, String segmentId, String back)
            throws IOException {
        if (!OneTimeForms.useUp(request)) {
            // The same form again (a double click, a resend): its job has been started once already.
            pages.flash(request, "segments.flash.alreadyEvaluating");
            pages.redirect(request, response, back);
            return;
        }
        try {
            segments.evaluate(segmentId);
        } catch (PlatformException e) {
            if (!"segment-job-empty".equals(e.code())) {
                throw e; // a segment deleted meanwhile is the 400 page's to say
            }
            response.setStatus(e.status());
            list(request, response, "segment/list", "segments.error.nothingToEvaluate");
            return;
        }
        pages.flash(request, SegmentConsoleService.ALL.equals(segmentId) ? "segments.flash.evaluatingAll"
                : "segments.flash.evaluating");
        pages.redirect(request, response, back);
    }

    /** Deletes a segment with its memberships, once the box saying so is ticked. */
    private void delete(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        if (request.getParameter("confirm") == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(request, response, id, null, Map.of("delete", "segments.delete.error.confirm"), PreviewView.EMPTY);
            return;
        }
        SegmentView segment = segments.get(id);
        segments.delete(id);
        pages.flash(request, "segments.flash.deleted", segment.name());
        pages.redirect(request, response, BASE);
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String template, String error)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        String page = request.getParameter("page");
        model.put("job", segments.latestJob().orElse(null)); // first: see form()
        model.put("list", segments.list(page != null && page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0));
        model.put("mayEdit", mayEdit(request));
        model.put("error", error);
        if (mayEdit(request) && "segment/list".equals(template)) {
            model.put("formToken", OneTimeForms.issue(request));
            model.put("formTokenField", OneTimeForms.FIELD);
        }
        pages.render(request, response, template, model);
    }

    /**
     * The segment's page (no id: the new-segment page): its form, as sent or else as saved, or for agents its
     * definition. The latest job is read before the segment: a job's metrics are written before it is marked
     * done, so a finished job is never shown beside the metrics from before it (and polling stops only then).
     */
    private void form(HttpServletRequest request, HttpServletResponse response, String id, SegmentForm sent,
            Map<String, String> errors, PreviewView preview) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("job", id == null ? null : segments.latestJobOf(id).orElse(null));
        SegmentView segment = id == null ? null : segments.get(id);
        model.put("segment", segment);
        model.put("form", sent != null ? sent
                : new SegmentForm(segment.name(), segment.description(), segment.expression()));
        model.put("errors", errors);
        model.put("preview", preview);
        model.put("mayEdit", mayEdit(request));
        if (segment != null && mayEdit(request)) {
            model.put("formToken", OneTimeForms.issue(request));
            model.put("formTokenField", OneTimeForms.FIELD);
        }
        pages.render(request, response, "segment/segment", model);
    }

    static boolean mayEdit(HttpServletRequest request) {
        for (String role : EDITORS) {
            if (request.isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
