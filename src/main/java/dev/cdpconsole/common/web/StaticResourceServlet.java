package dev.cdpconsole.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the console's static files and the WebJars in {@code WEB-INF/lib} (their {@code META-INF/resources}).
 * Needed because the platform API is mapped at the root and would otherwise answer these paths.
 */
@WebServlet(name = "static", urlPatterns = {"/static/*", "/webjars/*"})
public class StaticResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.contains("..") || path.contains("\\") || path.endsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL resource = getServletContext().getResource(path);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = getServletContext().getMimeType(path);
        response.setContentType(type == null ? "application/octet-stream" : type);
        response.setHeader("Cache-Control", path.startsWith("/webjars/") ? "public, max-age=31536000, immutable"
                : "public, max-age=3600");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
