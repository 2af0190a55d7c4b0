package dev.cdpconsole.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /sandboxes/{name}}: {@code {"action": "reset"}}. (A class: see {@link NewSandbox}.) */
@Schema(name = "SandboxAction")
public class SandboxAction {

    @NotBlank(message = "action is required")
    @Pattern(regexp = "reset", message = "action must be reset")
    @Schema(enumeration = {"reset"})
    private String action;

    public SandboxAction() {
    }

    public SandboxAction(String action) {
        this.action = action;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
