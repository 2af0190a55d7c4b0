package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sandbox as the sandbox-management API shows it. */
@Schema(name = "Sandbox")
public record SandboxView(
        @Schema(example = "dev-2") String name,
        @Schema(example = "Dev 2") String title,
        @Schema(enumeration = {"creating", "active", "failed", "deleted", "resetting"}) String state,
        @Schema(enumeration = {"production", "development"}) String type,
        boolean isDefault,
        @Schema(description = "Changes with every modification") long eTag,
        String createdDate,
        String lastModifiedDate,
        String createdBy,
        String lastModifiedBy) {
}
