package dev.cdpconsole.platform.credential;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import dev.cdpconsole.api.AccessToken;
import dev.cdpconsole.api.TokenApi;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.FailureThrottle;
import dev.cdpconsole.common.security.FailureThrottle.Kind;
import dev.cdpconsole.platform.auth.PublicEndpoint;

/**
 * {@code POST /ims/token/v3}: client credentials in, a bearer token out. Repeated failures for one client id or
 * from one address are slowed, then refused with 429 and {@code Retry-After}.
 */
@RequestScoped
@Path(TokenApi.PATH)
@PublicEndpoint
public class TokenResource implements TokenApi {

    @Inject
    TokenService tokens;

    @Inject
    FailureThrottle throttle;

    @Context
    HttpServletRequest http;

    @Override
    public AccessToken token(String grantType, String clientId, String clientSecret, String scope) {
        if (grantType == null || grantType.isBlank()) {
            throw oauth(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            throw oauth(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw oauth(400, "invalid_request", "client_id and client_secret are required");
        }
        String address = http.getRemoteAddr();
        throttle.retryAfter(Kind.CLIENT, clientId, Kind.ADDRESS, address).ifPresent(seconds -> {
            throw ProblemException.tooManyAttempts(seconds);
        });
        return tokens.issue(clientId, clientSecret).map(token -> {
            throttle.succeeded(Kind.CLIENT, clientId);
            return token;
        }).orElseThrow(() -> {
            throttle.failed(Kind.CLIENT, clientId);
            throttle.failed(Kind.ADDRESS, address);
            return oauth(401, "invalid_client", "Unknown client_id or wrong client_secret");
        });
    }

    /** A problem document that also carries the OAuth 2.0 error fields token clients look for. */
    private static ProblemException oauth(int status, String error, String description) {
        return new ProblemException(status, "oauth-" + error.replace('_', '-'),
                status == 401 ? "Unauthorized" : "Bad request", description,
                Map.of("error", error, "error_description", description));
    }
}
