package dev.cdpconsole.platform.credential;

/**
 * Fired in the transaction that changes a credential (its state, grants or secrets): once it commits, callers
 * remembered by {@link TokenService} are looked up afresh.
 */
public record CredentialsChanged(String clientId) {
}
