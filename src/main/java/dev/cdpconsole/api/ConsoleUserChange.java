package dev.cdpconsole.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /users/{login}}: a new password, roles, or enabled; each optional. */
@Schema(name = "ConsoleUserChange")
public class ConsoleUserChange {

    @Size(min = 12, max = 256, message = "password must have 12 to 256 characters")
    @Schema(format = "password", minLength = 12, maxLength = 256)
    private String password;

    @Size(min = 1, message = "roles: at least one of ADMIN, MARKETER, AGENT")
    @Schema(description = "ADMIN, MARKETER, AGENT")
    private List<String> roles;

    @Schema(description = "false: the user can no longer sign in")
    private Boolean enabled;

    public ConsoleUserChange() {
    }

    public static ConsoleUserChange password(String password) {
        ConsoleUserChange change = new ConsoleUserChange();
        change.setPassword(password);
        return change;
    }

    public static ConsoleUserChange enabled(boolean enabled) {
        ConsoleUserChange change = new ConsoleUserChange();
        change.setEnabled(enabled);
        return change;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
