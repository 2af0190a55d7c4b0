package dev.cdpconsole.platform.auth;

import jakarta.enterprise.context.RequestScoped;

import dev.cdpconsole.platform.credential.TokenService;

/**
 * Who is calling, for which organisation, in which sandbox and with which role: resolved once per request
 * by {@link ApiAuthenticationFilter} and read by every platform service.
 */
@RequestScoped
public class CallContext {

    private TokenService.Caller credential;
    private String orgId;
    private String sandbox;
    private Role role;
    private String actor;

    void resolve(TokenService.Caller credential, String orgId, String sandbox, Role role, String actor) {
        this.credential = credential;
        this.orgId = orgId;
        this.sandbox = sandbox;
        this.role = role;
        this.actor = actor;
    }

    public String clientId() {
        return credential == null ? null : credential.clientId();
    }

    public String orgId() {
        return orgId;
    }

    /** The sandbox of the request ({@code x-sandbox-name}, or {@code prod}). */
    public String sandbox() {
        return sandbox;
    }

    /** The caller's role in the request's sandbox. */
    public Role role() {
        return role;
    }

    /** Whether the caller may see the sandbox at all (any role there); a sandbox it may not see is a 404. */
    public boolean maySee(String sandboxName) {
        return credential != null && credential.roleIn(sandboxName).isPresent();
    }

    /** Whether the caller's grants name every sandbox. */
    public boolean seesEverySandbox() {
        return credential != null && credential.seesEverySandbox();
    }

    /** The sandboxes the caller's grants name (without {@code *}). */
    public java.util.List<String> grantedSandboxes() {
        return credential == null ? java.util.List.of() : credential.grantedSandboxes();
    }

    /** Who is recorded as having made a change: the console user, or the credential's client id. */
    public String actor() {
        return actor == null ? "system" : actor;
    }
}
