package dev.cdpconsole.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /credentials/{clientId}}: every field optional; grants, when given, replace all. */
@Schema(name = "CredentialChange")
public class CredentialChange {

    @Size(min = 1, max = 128, message = "name must have 1 to 128 characters")
    @Schema(maxLength = 128)
    private String name;

    @Size(max = 1000, message = "description may have at most 1000 characters")
    @Schema(maxLength = 1000)
    private String description;

    @Schema(description = "false disables the credential: its tokens stop at once")
    private Boolean enabled;

    @Size(min = 1, max = 100, message = "grants: 1 to 100")
    @Schema(description = "Replaces every grant")
    @Valid
    private List<GrantRequest> grants;

    public CredentialChange() {
    }

    public static CredentialChange enabled(boolean enabled) {
        CredentialChange change = new CredentialChange();
        change.setEnabled(enabled);
        return change;
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

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<GrantRequest> getGrants() {
        return grants;
    }

    public void setGrants(List<GrantRequest> grants) {
        this.grants = grants;
    }
}
