package dev.cdpconsole.admin.user;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The console's sign-in, as a Jakarta Authentication module ({@link ConsoleAuthenticationInstaller} registers it).
 * {@link LoginServlet} checks the form's credential with the identity store and calls {@link #signIn}, which keeps
 * the user and their roles in the session. Every later request of that session is authenticated from there: the
 * module tells the container the caller's name and groups afresh each time. An unsigned visitor of a protected page
 * is sent to {@code /console/login}, and after signing in, back to that page.
 * <p>
 * Why a module of our own, not a Jakarta Security {@code HttpAuthenticationMechanism}:
 * <ul>
 * <li>The server runs the module on every request of the application, the platform API's too, which never has a
 * session. Behind a mechanism, Payara's bridge (Soteria's) looks the mechanism up through JNDI twice a request and
 * builds an exception each time whether the lookup fails or not: 13 % of an entities lookup's server CPU. This
 * module does a session lookup and one callback.</li>
 * <li>Jakarta Security's built-in custom form mechanism applies the session through Payara's shared security
 * state, and under concurrent requests of one session about one in fifteen of them lost its roles and got a 403
 * (payara/Payara#6145, fixed only in Payara 7). This module notifies the container of the caller on each request.</li>
 * </ul>
 */
public class ConsoleAuthentication implements ServerAuthModule {

    /** The session attribute of the signed-in user. */
    static final String SIGNED_IN = "cdp.console.signed-in";
    /** The session attribute of the page an unsigned visitor asked for. */
    static final String RETURN_TO = "cdp.console.return-to";
    private static final String LOGIN = "/console/login";
    /** The message-info key that says whether the resource asked for is protected (Jakarta Authentication 3.8.1.1). */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    /** Who signed in, and their roles. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    private CallbackHandler container;

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            notifyContainer(new CallerPrincipalCallback(client, signedIn.name()),
                    new GroupPrincipalCallback(client, signedIn.groups().toArray(String[]::new)));
            return AuthStatus.SUCCESS;
        }
        if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(RETURN_TO,
                        request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            try {
                ((HttpServletResponse) message.getResponseMessage()).sendRedirect(request.getContextPath() + LOGIN);
            } catch (IOException e) {
                throw authException("The sign-in redirect could not be sent", e);
            }
            return AuthStatus.SEND_CONTINUE;
        }
        // Not signed in, and the resource is open: go on without a caller.
        notifyContainer(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        HttpSession session = ((HttpServletRequest) message.getRequestMessage()).getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /**
     * Signs in the user the identity store has just accepted: a new session id (no session fixation), and the user
     * with their roles in the session, which authenticates the session's next requests.
     */
    static void signIn(HttpServletRequest request, CredentialValidationResult accepted) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SIGNED_IN,
                new SignedIn(accepted.getCallerPrincipal().getName(), Set.copyOf(accepted.getCallerGroups())));
    }

    /** The page to go to after signing in, within the application: the one first asked for (once), or the home. */
    static String afterSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object wanted = session == null ? null : session.getAttribute(RETURN_TO);
        if (session != null) {
            session.removeAttribute(RETURN_TO);
        }
        String root = request.getContextPath();
        if (wanted instanceof String uri && uri.startsWith(root + "/console/")) {
            return uri.substring(root.length());
        }
        return "/console/";
    }

    private void notifyContainer(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw authException("The container did not take the caller", e);
        }
    }

    private static AuthException authException(String message, Exception cause) {
        AuthException failure = new AuthException(message);
        failure.initCause(cause);
        return failure;
    }
}
