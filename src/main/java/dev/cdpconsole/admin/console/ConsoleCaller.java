package dev.cdpconsole.admin.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import dev.cdpconsole.api.ApiHeaders;

/** The signed-in console user of this request and the sandbox chosen in the switcher (kept in the session). */
@RequestScoped
public class ConsoleCaller {

    static final String SANDBOX_KEY = "cdp.sandbox";

    @Inject
    HttpServletRequest request;

    /** The user's login, or null before sign-in. */
    public String user() {
        return request.getRemoteUser();
    }

    /**
     * What identifies this signing-in: the session's id (a new one at every sign-in), or the user's login when
     * there is no session.
     */
    public String signInKey() {
        HttpSession session = request.getSession(false);
        return session != null ? session.getId() : String.valueOf(user());
    }

    public boolean isAdmin() {
        return request.isUserInRole("ADMIN");
    }

    /** Whether the user may set up destinations and dataflows and start activations: marketers and admins. */
    public boolean canActivate() {
        return isAdmin() || request.isUserInRole("MARKETER");
    }

    public String sandbox() {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SANDBOX_KEY);
        return chosen instanceof String name ? name : ApiHeaders.DEFAULT_SANDBOX;
    }

    public void chooseSandbox(String name) {
        request.getSession(true).setAttribute(SANDBOX_KEY, name);
    }
}
