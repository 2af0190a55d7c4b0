package dev.cdpconsole.admin.user;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.PlatformException;

/** The Users page ({@code /console/users}, admins): create console users with roles, reset a password, disable. */
@WebServlet(name = "users", urlPatterns = "/console/users/*")
public class UsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/users";

    @Inject
    UserConsoleService users;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ConsolePages.route(request).length != 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        list(request, response, Map.of(), List.of("AGENT"), Map.of(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            create(request, response);
        } else if (route.length == 2 && "password".equals(route[1])) {
            String password = request.getParameter("password") == null ? "" : request.getParameter("password");
            try {
                users.resetPassword(route[0], password);
                pages.flash(request, "users.flash.password", route[0]);
                pages.redirect(request, response, BASE);
            } catch (PlatformException e) {
                refuse(request, response, e, route[0]);
            }
        } else if (route.length == 2 && "enabled".equals(route[1])) {
            boolean enabled = "true".equals(request.getParameter("enabled"));
            try {
                users.setEnabled(route[0], enabled);
                pages.flash(request, enabled ? "users.flash.enabled" : "users.flash.disabled", route[0]);
                pages.redirect(request, response, BASE);
            } catch (PlatformException e) {
                refuse(request, response, e, route[0]);
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new HashMap<>();
        form.put("login", request.getParameter("login") == null ? "" : request.getParameter("login").strip());
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        List<String> roles = request.getParameterValues("role") == null ? List.of()
                : Arrays.stream(request.getParameterValues("role")).distinct().toList();
        try {
            users.create(form.get("login"), password, roles);
            pages.flash(request, "users.flash.created", form.get("login"));
            pages.redirect(request, response, BASE);
        } catch (PlatformException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "users.error." + field));
            if ("user-exists".equals(e.code())) {
                errors.put("login", "users.error.exists");
            } else if ("role-unknown".equals(e.code())) {
                errors.put("roles", "users.error.roles");
            }
            list(request, response, form, roles, errors, null);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PlatformException e, String login)
            throws IOException {
        if (e.status() != 400 && e.status() != 409) {
            throw e;
        }
        response.setStatus(e.status());
        list(request, response, Map.of(), List.of("AGENT"), Map.of(), "last-admin".equals(e.code())
                ? "users.error.lastAdmin" : "users.error.password");
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            List<String> roles, Map<String, String> errors, String rowError) throws IOException {
        pages.render(request, response, "user/list", Map.of("users", users.all(), "form", form, "formRoles", roles,
                "errors", errors, "rowError", rowError == null ? "" : rowError,
                "allRoles", List.of("ADMIN", "MARKETER", "AGENT")));
    }
}
