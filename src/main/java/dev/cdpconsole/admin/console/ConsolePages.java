package dev.cdpconsole.admin.console;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.ProcessingException;

import dev.cdpconsole.admin.sandbox.SandboxConsoleService;
import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.SandboxView;
import dev.cdpconsole.common.template.Messages;
import dev.cdpconsole.common.template.Templates;
import dev.cdpconsole.common.web.ConsoleLocales;
import dev.cdpconsole.common.web.CsrfFilter;
import dev.cdpconsole.common.web.LocaleFilter;

/**
 * Renders a console page inside the one layout: it adds what every page shows (the signed-in user, the
 * sandbox switcher, the languages, the CSRF token and a one-time flash message) to the page's own model.
 */
@ApplicationScoped
public class ConsolePages {

    private static final Logger LOG = Logger.getLogger(ConsolePages.class.getName());
    private static final String FLASH = "cdp.flash";

    @Inject
    Templates templates;

    @Inject
    ConsoleCaller caller;

    @Inject
    SandboxConsoleService sandboxes;

    public void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, ?> model) throws IOException {
        Map<String, Object> page = new HashMap<>(model);
        Locale locale = LocaleFilter.of(request);
        page.put("csrf", CsrfFilter.token(request));
        page.put("csrfField", CsrfFilter.FIELD);
        page.put("user", caller.user());
        page.put("isAdmin", caller.isAdmin());
        page.put("canActivate", caller.canActivate());
        page.put("languages", ConsoleLocales.SUPPORTED.stream().map(ConsoleLocales::tag).toList());
        page.put("lang", ConsoleLocales.tag(locale));
        page.put("path", request.getRequestURI().substring(request.getContextPath().length()));
        page.putIfAbsent("flash", takeFlash(request, locale));
        if (caller.user() != null) {
            page.put("switcher", switcher());
            page.put("currentSandbox", caller.sandbox());
        }
        templates.render(request, response, template, locale, page);
    }

    /** The sandboxes the user can switch to; a chosen sandbox that no longer exists falls back to prod. */
    private List<SandboxView> switcher() {
        try {
            List<SandboxView> usable = sandboxes.switchable(caller.sandbox());
            if (usable.stream().noneMatch(s -> s.name().equals(caller.sandbox()))) {
                caller.chooseSandbox(ApiHeaders.DEFAULT_SANDBOX);
            }
            return usable;
        } catch (PlatformException | ProcessingException e) {
            LOG.log(Level.WARNING, "The sandbox switcher could not be filled: {0}", e.getMessage());
            return List.of();
        }
    }

    /** Keeps a message for the next page this user sees (after a redirect). */
    public void flash(HttpServletRequest request, String key, Object... args) {
        request.getSession(true).setAttribute(FLASH, new Object[] {key, args});
    }

    private static String takeFlash(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(FLASH) instanceof Object[] flash)) {
            return null;
        }
        session.removeAttribute(FLASH);
        return Messages.get(locale, (String) flash[0], (Object[]) flash[1]);
    }

    /** The path after a servlet's prefix, split: {@code /console/keys/a/b} under {@code /console/keys/*} is {@code [a, b]}. */
    public static String[] route(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        String trimmed = info.substring(1);
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }

    /** Sends the browser to a console path after a successful change (post, redirect, get). */
    public void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }
}
