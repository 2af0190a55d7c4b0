package dev.cdpconsole.admin.user;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.common.security.FailureThrottle;
import dev.cdpconsole.common.security.FailureThrottle.Kind;

/**
 * The sign-in page. A wrong password keeps the typed user name and says so, without saying which part was wrong;
 * repeated failures for one user name or from one address are slowed, then refused for a while (429).
 */
@WebServlet(name = "login", urlPatterns = "/console/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ConsolePages pages;

    @Inject
    FailureThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRemoteUser() != null) {
            pages.redirect(request, response, "/console/");
            return;
        }
        pages.render(request, response, "user/login", Map.of("username", "", "failed", false,
                "signedOut", request.getParameter("signedOut") != null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = value(request, "username");
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        String address = request.getRemoteAddr();
        var locked = throttle.retryAfter(Kind.USER, username, Kind.ADDRESS, "console:" + address);
        if (locked.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(locked.get()));
            pages.render(request, response, "user/login", Map.of("username", username.length() > 64 ? "" : username,
                    "failed", false, "signedOut", false, "lockedMinutes", Math.max(1, (locked.get() + 59) / 60)));
            return;
        }
        CredentialValidationResult result = username.isEmpty() || password.isEmpty()
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(new UsernamePasswordCredential(username, new Password(password)));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(Kind.USER, username);
            ConsoleAuthentication.signIn(request, result);
            pages.redirect(request, response, ConsoleAuthentication.afterSignIn(request));
            return;
        }
        throttle.failed(Kind.USER, username);
        throttle.failed(Kind.ADDRESS, "console:" + address);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        pages.render(request, response, "user/login", Map.of("username", username.length() > 64 ? "" : username,
                "failed", true, "signedOut", false));
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
