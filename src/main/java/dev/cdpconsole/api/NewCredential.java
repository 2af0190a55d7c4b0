package dev.cdpconsole.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /credentials}. (A class: see {@link NewSandbox}.) */
@Schema(name = "NewCredential")
public class NewCredential {

    @NotBlank(message = "name is required")
    @Size(max = 128, message = "name may have at most 128 characters")
    @Schema(example = "Email service", maxLength = 128)
    private String name;

    @Size(max = 1000, message = "description may have at most 1000 characters")
    @Schema(maxLength = 1000)
    private String description;

    @NotEmpty(message = "grants: at least one sandbox is required")
    @Size(max = 100, message = "grants: at most 100")
    @Schema(description = "The sandboxes it may use, each with a role")
    @Valid
    private List<GrantRequest> grants;

    public NewCredential() {
    }

    public NewCredential(String name, String description, List<GrantRequest> grants) {
        this.name = name;
        this.description = description;
        this.grants = grants;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<GrantRequest> getGrants() {
        return grants;
    }

    public void setGrants(List<GrantRequest> grants) {
        this.grants = grants;
    }
}
