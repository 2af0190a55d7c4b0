package dev.cdpconsole.platform.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, for which organisation, in which sandbox and with which role: resolved once per request
 * by {@link ApiAuthenticationFilter} and read by every platform service.
 */
@RequestScoped
public class CallContext {

    private String clientId;
    private String orgId;
    private String sandbox;
    private Role role;
    private String actor;

    void resolve(String clientId, String orgId, String sandbox, Role role, String actor) {
        this.clientId = clientId;
        this.orgId = orgId;
        this.sandbox = sandbox;
        this.role = role;
        this.actor = actor;
    }

    public String clientId() {
        return clientId;
    }

    public String orgId() {
        return orgId;
    }

    /** The sandbox of the request ({@code x-sandbox-name}, or {@code prod}). */
    public String sandbox() {
        return sandbox;
    }

    public Role role() {
        return role;
    }

    /** Who is recorded as having made a change: the console user, or the credential's client id. */
    public String actor() {
        return actor == null ? "system" : actor;
    }
}
