package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the regeneration log: which slot, who, when, why, and when the old secret stops working. */
@Schema(name = "Regeneration")
public record RegenerationView(String slot, String actor, String timestamp, String reason, int graceHours,
        String oldSecretExpiresAt) {
}
