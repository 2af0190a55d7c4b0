package dev.cdpconsole.admin.console;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The 403, 404 and 500 pages, inside the layout and in the user's language; never a stack trace. */
@WebServlet(name = "error", urlPatterns = "/console/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Inject
    ConsolePages pages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            status = statusOf(failure);
            if (status >= 500) {
                LOG.log(Level.SEVERE, "Console page failed: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        failure);
            }
        }
        String kind = switch (status) {
            case 403 -> "csrf".equals(request.getAttribute(RequestDispatcher.ERROR_MESSAGE)) ? "csrf" : "403";
            case 404 -> "404";
            case 400, 405, 409, 415, 422 -> "400";
            default -> "500";
        };
        response.setStatus(status);
        pages.render(request, response, "console/error", Map.of("status", status, "kind", kind));
    }

    private static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // What the platform refused as the caller's mistake is the caller's mistake here too (4xx);
            // a refused console token (401) or a platform failure is the server's.
            if (t instanceof PlatformException p && p.status() >= 400 && p.status() < 500 && p.status() != 401) {
                return p.status();
            }
        }
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
