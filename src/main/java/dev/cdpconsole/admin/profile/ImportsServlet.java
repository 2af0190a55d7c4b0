package dev.cdpconsole.admin.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.BatchView;

/**
 * The Import page ({@code /console/imports}, admins): upload a JSON Lines file of profile records or events,
 * follow it with a live progress bar (htmx polls the status fragment), and read each batch's counts and errors.
 */
@WebServlet(name = "imports", urlPatterns = "/console/imports/*")
@MultipartConfig(maxFileSize = 52_428_800L, maxRequestSize = 53_000_000L, fileSizeThreshold = 1_048_576)
public class ImportsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/imports";
    static final List<String> SCHEMAS = List.of("_xdm.context.profile", "_xdm.context.experienceevent");

    @Inject
    ProfileConsoleService profiles;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            list(request, response, null);
        } else if (route.length == 1) {
            pages.render(request, response, "profile/import", Map.of("batch", profiles.batch(route[0])));
        } else if (route.length == 2 && "status".equals(route[1])) {
            pages.render(request, response, "profile/import-status", Map.of("batch", profiles.batch(route[0])));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (ConsolePages.route(request).length != 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String schema = request.getParameter("schema");
        Part file = request.getPart("file");
        if (schema == null || !SCHEMAS.contains(schema) || file == null || file.getSize() == 0) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            list(request, response, "imports.error.empty");
            return;
        }
        String lines;
        try (InputStream in = file.getInputStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            BatchView batch = profiles.submitBatch(schema, lines);
            pages.flash(request, "imports.flash.started", batch.totalLines());
            pages.redirect(request, response, BASE + "/" + URLEncoder.encode(batch.batchId(), StandardCharsets.UTF_8));
        } catch (PlatformException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            list(request, response, "batch-not-json-lines".equals(e.code()) ? "imports.error.notJsonLines"
                    : "batch-too-large".equals(e.code()) ? "imports.error.tooLarge" : "imports.error.empty");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        pages.render(request, response, "profile/imports", Map.of("batches", profiles.batches(), "schemas", SCHEMAS,
                "error", error == null ? "" : error));
    }
}
