package dev.cdpconsole.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grant in a request: a sandbox ({@code *} for every one) and a role. (A class: see {@link NewSandbox}.) */
@Schema(name = "GrantRequest")
public class GrantRequest {

    @NotBlank(message = "grants: sandbox is required")
    @Size(max = 64, message = "grants: sandbox may have at most 64 characters")
    @Schema(example = "prod")
    private String sandbox;

    @NotBlank(message = "grants: role is required")
    @Pattern(regexp = "read|write|activate|admin", message = "grants: role must be read, write, activate or admin")
    @Schema(enumeration = {"read", "write", "activate", "admin"})
    private String role;

    public GrantRequest() {
    }

    public GrantRequest(String sandbox, String role) {
        this.sandbox = sandbox;
        this.role = role;
    }

    public String getSandbox() {
        return sandbox;
    }

    public void setSandbox(String sandbox) {
        this.sandbox = sandbox;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
