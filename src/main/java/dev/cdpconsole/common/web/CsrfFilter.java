package dev.cdpconsole.common.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.cdpconsole.common.security.Secrets;

/**
 * The one CSRF check of the console: every state-changing request must carry the session's token, as the
 * {@code _csrf} form field or the {@code X-CSRF-Token} header (htmx). Anything else gets the 403 page.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/console/*")
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_KEY = "cdp.csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod())) {
            HttpSession session = request.getSession(false);
            String expected = session == null ? null : (String) session.getAttribute(SESSION_KEY);
            String sent = request.getHeader(HEADER);
            if (sent == null) {
                sent = request.getParameter(FIELD);
            }
            if (expected == null || !Secrets.constantTimeEquals(expected, sent)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "csrf");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The session's token, made on first use; pages put it in every form. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(SESSION_KEY);
        if (token == null) {
            token = Secrets.random(32);
            session.setAttribute(SESSION_KEY, token);
        }
        return token;
    }
}
