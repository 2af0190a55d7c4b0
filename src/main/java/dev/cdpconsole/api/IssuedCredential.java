package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new credential with the secrets of both slots: the only time they are ever shown. */
@Schema(name = "IssuedCredential")
public record IssuedCredential(CredentialView credential,
        @Schema(description = "Shown once; only its hash is kept") String primarySecret,
        @Schema(description = "Shown once; only its hash is kept") String secondarySecret) {
}
