package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One recorded change.
 *
 * @param actor    the console user, or the credential's client id for a call made without the console
 * @param clientId the API credential the change came through
 * @param action   what was done, such as {@code sandbox.create}
 * @param target   what it was done to, such as the sandbox name
 */
@Schema(name = "AuditEvent")
public record AuditEventView(long id, String timestamp, String actor, String clientId, String sandbox,
        String action, String target, String detail) {
}
