package dev.cdpconsole.platform.auth;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.TokenApi;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.platform.credential.TokenService;
import dev.cdpconsole.platform.sandbox.SandboxStore;

/**
 * Checks the headers of CONTRACT.md, "Every request", on every platform call but the token endpoint,
 * and resolves them into the request's {@link CallContext}. Failures answer in the API gateway's shape.
 * It runs before resource matching, so that without a token nothing is revealed, not even which paths
 * or methods exist; {@link RoleCheckFilter} then checks the matched resource's role.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final int MAX_HEADER = 256;

    @Inject
    TokenService tokens;

    @Inject
    SandboxStore sandboxes;

    @Inject
    CallContext context;

    @Inject
    @ConfigProperty(name = "cdp.org.id")
    String orgId;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request.getUriInfo().getPath())) {
            return;
        }
        Optional<TokenService.Caller> resolved = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::resolve);
        if (resolved.isEmpty()) {
            request.abortWith(gateway(401, "401013", "Oauth token is not valid"));
            return;
        }
        TokenService.Caller caller = resolved.get();
        String clientId = caller.clientId();
        if (!clientId.equals(request.getHeaderString(ApiHeaders.API_KEY))) {
            request.abortWith(gateway(403, "403003", "Api Key is invalid"));
            return;
        }
        String org = request.getHeaderString(ApiHeaders.ORG_ID);
        if (org == null || org.isBlank()) {
            throw ProblemException.forbidden("org-missing", "The x-gw-ims-org-id header is required");
        }
        if (!orgId.equals(org)) {
            throw ProblemException.forbidden("org-invalid", "The x-gw-ims-org-id header does not name this organisation");
        }
        String sandbox = Optional.ofNullable(request.getHeaderString(ApiHeaders.SANDBOX_NAME))
                .filter(s -> !s.isBlank()).orElse(ApiHeaders.DEFAULT_SANDBOX);
        // A sandbox the credential has no grant for answers exactly as one that does not exist.
        Optional<String> granted = sandbox.length() > MAX_HEADER ? Optional.empty() : caller.roleIn(sandbox);
        if (granted.isEmpty() || !sandboxes.isUsable(sandbox)) {
            throw ProblemException.notFound("sandbox-not-found", "No sandbox named in x-sandbox-name");
        }
        Role role = Role.valueOf(granted.get().toUpperCase(java.util.Locale.ROOT));
        context.resolve(caller, org, sandbox, role, actor(caller, request.getHeaderString(ApiHeaders.CONSOLE_USER)));
    }

    /** The token endpoint, the one path that answers without a token. */
    static boolean isPublic(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.equals(TokenApi.PATH.substring(1)) || trimmed.equals(TokenApi.PATH.substring(1) + "/");
    }

    /** The console's own credential may name the signed-in user it acts for; any other caller is itself. */
    private static String actor(TokenService.Caller caller, String consoleUser) {
        if (caller.isConsole() && consoleUser != null && !consoleUser.isBlank() && consoleUser.length() <= 64) {
            return consoleUser;
        }
        return caller.clientId();
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() > 4096
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }

    private static Response gateway(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error_code", code, "message", message)).build();
    }
}
