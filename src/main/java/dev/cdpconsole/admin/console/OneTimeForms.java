package dev.cdpconsole.admin.console;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import dev.cdpconsole.common.security.Secrets;

/**
 * Forms that must act once only (a regeneration): each rendering carries a fresh token that the first submit
 * uses up, so a double click or a resent form does nothing the second time.
 */
public final class OneTimeForms {

    public static final String FIELD = "formToken";
    private static final String KEY = "cdp.oneTimeForms";

    private OneTimeForms() {
    }

    public static String issue(HttpServletRequest request) {
        String token = Secrets.random(16);
        tokens(request.getSession(true)).add(token);
        return token;
    }

    /** True the first time a token is sent back, false ever after (or for a token never issued). */
    public static boolean useUp(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String token = request.getParameter(FIELD);
        return session != null && token != null && tokens(session).remove(token);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> tokens(HttpSession session) {
        synchronized (session) {
            Object tokens = session.getAttribute(KEY);
            if (!(tokens instanceof Set<?>)) {
                tokens = ConcurrentHashMap.newKeySet();
                session.setAttribute(KEY, tokens);
            }
            return (Set<String>) tokens;
        }
    }
}
