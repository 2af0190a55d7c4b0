package dev.cdpconsole.admin.console;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /console/}: the start page, which leads to what the user's roles allow. */
@WebServlet(name = "home", urlPatterns = {"/console", "/console/"})
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/console")) {
            pages.redirect(request, response, "/console/");
            return;
        }
        pages.render(request, response, "console/home", Map.of());
    }
}
