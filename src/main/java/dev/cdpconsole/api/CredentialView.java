package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API credential as the API shows it: never a secret's value.
 *
 * @param clientId  the public client id, sent as {@code x-api-key}
 * @param managedBy {@code console} or {@code bootstrap} for the credentials the server manages itself, else null
 * @param secrets   the current and the still-valid previous secrets of both slots, newest first per slot
 */
@Schema(name = "Credential")
public record CredentialView(String clientId, String name, String description, boolean enabled, String managedBy,
        String createdAt, String createdBy, List<GrantView> grants, List<SecretView> secrets) {
}
