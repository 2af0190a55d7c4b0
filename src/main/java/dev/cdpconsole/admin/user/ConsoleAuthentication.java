package dev.cdpconsole.admin.user;

import java.io.Serializable;
import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Form sign-in for the console. {@link LoginServlet} hands the form's credential over through
 * {@code SecurityContext.authenticate}. The identity store checks it. The signed-in user and their roles are then
 * kept in the session, and every later request of that session is authenticated from there. An unsigned visitor of
 * a protected page is sent to {@code /console/login}, and after signing in, back to that page.
 * <p>
 * This replaces Jakarta Security's built-in custom form mechanism. That mechanism applies the session through
 * Payara's shared security state, and under concurrent requests of one session about one in fifteen of them lost
 * its roles and got a 403 (payara/Payara#6145, fixed only in Payara 7). Here each request notifies the container of
 * the caller's name and groups afresh.
 */
@DeclareRoles({"ADMIN", "MARKETER", "AGENT"})
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute of the signed-in user. */
    static final String SIGNED_IN = "cdp.console.signed-in";
    /** The session attribute of the page an unsigned visitor asked for. */
    static final String RETURN_TO = "cdp.console.return-to";
    private static final String LOGIN = "/console/login";

    /** Who signed in, and their roles. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
            if (request.getSession(false) != null) {
                request.changeSessionId(); // no session fixation: a new id for the signed-in session
            }
            request.getSession(true).setAttribute(SIGNED_IN, signedIn);
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(RETURN_TO,
                        request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + LOGIN);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
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
}
