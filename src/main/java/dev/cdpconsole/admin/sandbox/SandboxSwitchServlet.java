package dev.cdpconsole.admin.sandbox;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsoleCaller;
import dev.cdpconsole.admin.console.ConsolePages;

/** The sandbox switcher: keeps the chosen sandbox in the session and goes back to the page it was used on. */
@WebServlet(name = "sandboxSwitch", urlPatterns = "/console/sandbox-selection")
public class SandboxSwitchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SandboxConsoleService sandboxes;

    @Inject
    ConsoleCaller caller;

    @Inject
    ConsolePages pages;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String wanted = request.getParameter("sandbox");
        boolean usable = wanted != null && sandboxes.usable().stream().anyMatch(s -> s.name().equals(wanted));
        if (!usable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        caller.chooseSandbox(wanted);
        pages.flash(request, "switcher.flash", wanted);
        String back = request.getParameter("back");
        // Only a console path of this server: never an open redirect.
        boolean safe = back != null && back.startsWith("/console/") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains("..");
        pages.redirect(request, response, safe ? back : "/console/");
    }
}
