package dev.cdpconsole.common.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Chooses each console page's language: a {@code ?lang=} the user picked (kept in a cookie), else the
 * browser's {@code Accept-Language}, else English.
 */
@WebFilter(filterName = "locale", urlPatterns = "/console/*")
public class LocaleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String ATTRIBUTE = "cdp.locale";
    static final String COOKIE = "cdp_lang";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Locale> chosen = ConsoleLocales.byTag(request.getParameter("lang"));
        Locale locale;
        if (chosen.isPresent()) {
            locale = chosen.get();
            Cookie cookie = new Cookie(COOKIE, ConsoleLocales.tag(locale));
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        } else {
            locale = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
                    .filter(c -> COOKIE.equals(c.getName())).findFirst()
                    .flatMap(c -> ConsoleLocales.byTag(c.getValue()))
                    .orElseGet(() -> ConsoleLocales.fromAcceptLanguage(request.getHeader("Accept-Language")));
        }
        request.setAttribute(ATTRIBUTE, locale);
        response.setLocale(locale);
        chain.doFilter(request, response);
    }

    /** The language chosen for this request. */
    public static Locale of(HttpServletRequest request) {
        Object locale = request.getAttribute(ATTRIBUTE);
        return locale instanceof Locale l ? l : ConsoleLocales.ENGLISH;
    }
}
