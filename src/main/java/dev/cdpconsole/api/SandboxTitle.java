package dev.cdpconsole.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /sandboxes/{name}}: only the title can change. (A class: see {@link NewSandbox}.) */
@Schema(name = "SandboxTitle")
public class SandboxTitle {

    @NotBlank(message = "title is required")
    @Size(max = 256, message = "title may have at most 256 characters")
    @Schema(example = "Dev Two", maxLength = 256)
    private String title;

    public SandboxTitle() {
    }

    public SandboxTitle(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
