package dev.cdpconsole.admin.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.admin.console.ConsoleCaller;
import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.admin.destination.DestinationConsoleService;
import dev.cdpconsole.admin.destination.FormErrors;
import dev.cdpconsole.api.FlowRun;

/**
 * The activation history ({@code /console/activations}, every console role; agents read only): every run,
 * ad-hoc and scheduled, newest first, filtered and paged through the flow-runs API, the running ones followed
 * live (htmx polls {@code /rows} while any runs), a chart of the latest runs, the same list as CSV
 * ({@code /console/activations.csv}); a run's page with all its metrics, a retry of a failed run (marketers and
 * admins) and its file (admins).
 */
@WebServlet(name = "activations", urlPatterns = {"/console/activations/*", "/console/activations.csv"})
public class ActivationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/activations";

    @Inject
    ActivationConsoleService activation;

    @Inject
    DestinationConsoleService destinations;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleCaller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith(".csv")) {
            csv(request, response);
            return;
        }
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            history(request, response, "activation/history");
        } else if (route.length == 1 && "rows".equals(route[0])) {
            history(request, response, "activation/rows");
        } else if (route.length == 1) {
            detail(request, response, activation.run(route[0]), "");
        } else if (route.length == 2 && "file".equals(route[1])) {
            download(response, route[0]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length != 2 || !"retry".equals(route[1])) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            RunView retried = activation.retry(route[0]);
            pages.flash(request, "activations.flash.retried");
            pages.redirect(request, response, BASE + "/" + URLEncoder.encode(retried.id(), StandardCharsets.UTF_8));
        } catch (PlatformException e) {
            if (!FormErrors.isRefusal(e)) {
                throw e;
            }
            response.setStatus(e.status());
            detail(request, response, activation.run(route[0]), e.detail());
        }
    }

    private void history(HttpServletRequest request, HttpServletResponse response, String template)
            throws IOException {
        RunFilter filter = RunFilter.of(request);
        int page = page(request.getParameter("page"));
        FlowRun.Page found = activation.page(filter, page);
        List<RunView> runs = found.items().stream().map(RunView::of).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("runs", runs);
        model.put("total", found.total());
        model.put("page", page);
        model.put("pages", Math.max(1, (found.total() + ActivationConsoleService.PAGE - 1) / ActivationConsoleService.PAGE));
        model.put("hasNext", found._links() != null && found._links().next() != null);
        model.put("running", runs.stream().anyMatch(RunView::isRunning));
        model.put("rowsUrl", link(BASE + "/rows", filter, page));
        model.put("previousUrl", link(BASE, filter, page - 1));
        model.put("nextUrl", link(BASE, filter, page + 1));
        model.put("canRetry", caller.canActivate());
        if (template.equals("activation/history")) {
            List<RunView> latest = activation.latest(filter);
            model.put("chart", RunChart.json(latest));
            model.put("chartRuns", latest.size());
            model.put("csvUrl", link(BASE + ".csv", filter, 0));
            model.put("destinations", destinations.destinations());
            model.put("segments", destinations.segments());
            model.put("statuses", RunFilter.STATUSES);
            model.put("kinds", RunFilter.KINDS);
        }
        pages.render(request, response, template, model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, RunView run, String error)
            throws IOException {
        pages.render(request, response, "activation/run", Map.of("run", run, "error", error,
                "canRetry", caller.canActivate()));
    }

    private void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RunFilter filter = RunFilter.of(request);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"activations.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                HistoryCsv csv = new HistoryCsv(out)) {
            activation.each(filter, csv::write);
        }
    }

    /** The run's file, streamed from the platform: for admins only, as the platform's own rule is. */
    private void download(HttpServletResponse response, String runId) throws IOException {
        if (!caller.isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        RunView run = activation.run(runId);
        try (Response file = activation.file(runId); InputStream in = file.readEntity(InputStream.class)) {
            response.setContentType("application/octet-stream");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(run.fileName()) + "\"");
            in.transferTo(response.getOutputStream());
        }
    }

    /** A file name safe in a header: what is not a plain file-name character becomes '_'. */
    static String fileName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "export" : safe;
    }

    /** A console path with the filters and page in its query. */
    static String link(String path, RunFilter filter, int page) {
        Map<String, String> query = new java.util.LinkedHashMap<>(filter.query());
        if (page > 0) {
            query.put("page", Integer.toString(page));
        }
        return query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
