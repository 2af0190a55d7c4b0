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
 * follow it with a live progress bar (htmx polls the status fragment), read each batch's counts and errors, and
 * delete what a batch brought in (a delete request; its status fragment is polled while it runs).
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
            batch(request, response, route[0], "");
        } else if (route.length == 2 && "status".equals(route[1])) {
            pages.render(request, response, "profile/import-status", Map.of("batch", profiles.batch(route[0])));
        } else if (route.length == 2 && "deletion".equals(route[1])) {
            pages.render(request, response, "profile/import-deletion", model(route[0], ""));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String[] route = ConsolePages.route(request);
        if (route.length == 2 && "delete".equals(route[1])) {
            delete(request, response, route[0]);
            return;
        }
        if (route.length != 0) {
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
        try (InputStream lines = file.getInputStream()) {
            BatchView batch = profiles.submitBatch(schema, lines);
            pages.flash(request, "imports.flash.started", batch.totalLines());
            pages.redirect(request, response, BASE + "/" + URLEncoder.encode(batch.batchId(), StandardCharsets.UTF_8));
        } catch (PlatformException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            list(request, response, uploadRefused(e.code()));
        }
    }

    /** The page's message for the platform's refusal of an upload (its problem code). */
    static String uploadRefused(String code) {
        return switch (code == null ? "" : code) {
            case "batch-not-json-lines" -> "imports.error.notJsonLines";
            case "batch-too-large" -> "imports.error.tooLarge";
            case "batch-unreadable" -> "imports.error.unreadable";
            default -> "imports.error.empty";
        };
    }

    /** Deletes what the batch brought in, once the admin has ticked that they understand what goes. */
    private void delete(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        if (request.getParameter("confirm") == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            batch(request, response, id, "imports.delete.error.confirm");
            return;
        }
        try {
            profiles.deleteBatch(id);
            pages.flash(request, "imports.delete.flash.started");
            pages.redirect(request, response, BASE + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        } catch (PlatformException e) {
            if (e.status() != 400 && e.status() != 422) {
                throw e;
            }
            response.setStatus(e.status());
            batch(request, response, id, e.status() == 422 ? "imports.delete.error.exists"
                    : "batch-still-processing".equals(e.code()) ? "imports.delete.error.running"
                    : "imports.delete.error.other");
        }
    }

    private void batch(HttpServletRequest request, HttpServletResponse response, String id, String error)
            throws IOException {
        pages.render(request, response, "profile/import", model(id, error));
    }

    private Map<String, Object> model(String id, String error) {
        return Map.of("batch", profiles.batch(id), "deletion", profiles.deletion(id), "error", error);
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        pages.render(request, response, "profile/imports", Map.of("batches", profiles.batches(), "schemas", SCHEMAS,
                "error", error == null ? "" : error));
    }
}
