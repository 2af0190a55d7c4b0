package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sandbox a credential may use ({@code *}: every sandbox) and its role there. */
@Schema(name = "Grant")
public record GrantView(@Schema(example = "prod") String sandbox,
        @Schema(enumeration = {"read", "write", "activate", "admin"}) String role) {
}
