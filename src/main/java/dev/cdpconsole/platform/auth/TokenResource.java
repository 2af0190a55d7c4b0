package dev.cdpconsole.platform.auth;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import dev.cdpconsole.api.AccessToken;
import dev.cdpconsole.api.TokenApi;
import dev.cdpconsole.common.problem.ProblemException;

/** {@code POST /ims/token/v3}: client credentials in, a bearer token out. */
@RequestScoped
@Path(TokenApi.PATH)
@PublicEndpoint
public class TokenResource implements TokenApi {

    @Inject
    TokenService tokens;

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
        return tokens.issue(clientId, clientSecret)
                .orElseThrow(() -> oauth(401, "invalid_client", "Unknown client_id or wrong client_secret"));
    }

    /** A problem document that also carries the OAuth 2.0 error fields token clients look for. */
    private static ProblemException oauth(int status, String error, String description) {
        return new ProblemException(status, "oauth-" + error.replace('_', '-'),
                status == 401 ? "Unauthorized" : "Bad request", description,
                Map.of("error", error, "error_description", description));
    }
}
