package dev.cdpconsole.admin.sandbox;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsoleCaller;
import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.ImpactReport;
import dev.cdpconsole.api.SandboxView;

/**
 * The Sandboxes page ({@code /console/sandboxes}, admins): list and create; per sandbox, rename, and reset or
 * delete behind a confirmation that first shows what would be removed.
 */
@WebServlet(name = "sandboxes", urlPatterns = "/console/sandboxes/*")
public class SandboxesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/sandboxes";

    @Inject
    SandboxConsoleService sandboxes;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleCaller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        switch (route.length) {
            case 0 -> list(request, response, Map.of("type", "development"), Map.of(), null);
            case 1 -> detail(request, response, route[0], null, Map.of());
            case 2 -> {
                if (isDestructive(route[1])) {
                    confirm(request, response, route[0], route[1], null);
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            create(request, response);
        } else if (route.length == 2 && "title".equals(route[1])) {
            rename(request, response, route[0]);
        } else if (route.length == 2 && isDestructive(route[1])) {
            carryOut(request, response, route[0], route[1]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            Map<String, String> errors, String formError) throws IOException {
        list(request, response, form, errors, formError, "");
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            Map<String, String> errors, String formError, Object formErrorArg) throws IOException {
        pages.render(request, response, "sandbox/list", Map.of("sandboxes", sandboxes.all(), "form", form,
                "errors", errors, "formError", formError == null ? "" : formError, "formErrorArg", formErrorArg));
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new HashMap<>();
        form.put("name", trimmed(request, "name"));
        form.put("title", trimmed(request, "title"));
        form.put("type", Objects.requireNonNullElse(request.getParameter("type"), "development"));
        try {
            SandboxView created = sandboxes.create(form.get("name"), form.get("title"), form.get("type"));
            pages.flash(request, "sandbox.flash.created", created.name());
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            if (e.status() >= 500 || e.status() == 401) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = SandboxErrors.fieldKeys(e);
            list(request, response, form, errors, errors.isEmpty() ? SandboxErrors.generalKey(e) : null,
                    e.report().getOrDefault("limit", ""));
        }
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, String name, String titleValue,
            Map<String, String> errors) throws IOException {
        SandboxView sandbox = sandboxes.get(name);
        pages.render(request, response, "sandbox/detail", Map.of("sandbox", sandbox,
                "titleValue", titleValue == null ? sandbox.title() : titleValue, "errors", errors));
    }

    private void rename(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        String title = trimmed(request, "title");
        try {
            sandboxes.rename(name, title);
            pages.flash(request, "sandbox.flash.renamed", name);
            pages.redirect(request, response, BASE + "/" + encode(name));
        } catch (PlatformException e) {
            if (e.status() == 404 || e.status() >= 500 || e.status() == 401) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = new LinkedHashMap<>(SandboxErrors.fieldKeys(e));
            if (errors.isEmpty()) {
                errors.put("title", SandboxErrors.generalKey(e));
            }
            detail(request, response, name, title, errors);
        }
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String name, String action,
            String error) throws IOException {
        ImpactReport report;
        try {
            report = sandboxes.preview(name, action);
        } catch (PlatformException e) {
            if (e.status() != 409) {
                throw e;
            }
            // The platform refuses this action outright (the default sandbox, a deleted one): say why.
            pages.render(request, response, "sandbox/confirm", Map.of("sandbox", sandboxes.get(name),
                    "action", action, "refusal", SandboxErrors.generalKey(e), "error", ""));
            return;
        }
        pages.render(request, response, "sandbox/confirm", Map.of("sandbox", report.sandbox(), "action", action,
                "report", report, "refusal", "", "error", error == null ? "" : error));
    }

    private void carryOut(HttpServletRequest request, HttpServletResponse response, String name, String action)
            throws IOException {
        if (!name.equals(trimmed(request, "confirmName"))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            confirm(request, response, name, action, "sandbox.confirm.mismatch");
            return;
        }
        try {
            sandboxes.carryOut(name, action);
        } catch (PlatformException e) {
            if (e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            confirm(request, response, name, action, SandboxErrors.generalKey(e));
            return;
        }
        if ("delete".equals(action) && name.equals(caller.sandbox())) {
            caller.chooseSandbox(ApiHeaders.DEFAULT_SANDBOX);
        }
        pages.flash(request, "delete".equals(action) ? "sandbox.flash.deleted" : "sandbox.flash.reset", name);
        pages.redirect(request, response, BASE);
    }

    private static boolean isDestructive(String action) {
        return "reset".equals(action) || "delete".equals(action);
    }
    private static String trimmed(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        return value == null ? "" : value.strip();
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
