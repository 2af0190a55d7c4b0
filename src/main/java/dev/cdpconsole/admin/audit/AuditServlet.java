package dev.cdpconsole.admin.audit;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.api.AuditEventList;

/** The Audit page ({@code /console/audit}, admins): who changed what, when, in which sandbox. */
@WebServlet(name = "audit", urlPatterns = "/console/audit")
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditConsoleService audit;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = filter(request, "action");
        String actor = filter(request, "actor");
        String sandbox = filter(request, "sandbox");
        int page = pageNumber(request.getParameter("page"));
        AuditEventList events = audit.page(action, actor, sandbox, page);
        boolean hasNext = events._links() != null && events._links().containsKey("next");
        pages.render(request, response, "audit/list", Map.of("events", events.events(), "action", action,
                "actor", actor, "sandbox", sandbox, "page", page, "hasNext", hasNext));
    }

    private static String filter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip().substring(0, Math.min(value.strip().length(), 128));
    }

    private static int pageNumber(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
