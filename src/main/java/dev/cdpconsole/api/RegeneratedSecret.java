package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a regeneration: the new secret, shown this once, and the log entry. */
@Schema(name = "RegeneratedSecret")
public record RegeneratedSecret(String clientId, String slot,
        @Schema(description = "Shown once; only its hash is kept") String secret, RegenerationView regeneration) {
}
