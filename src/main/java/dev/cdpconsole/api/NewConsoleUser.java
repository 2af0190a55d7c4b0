package dev.cdpconsole.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /users}. (A class: see {@link NewSandbox}.) */
@Schema(name = "NewConsoleUser")
public class NewConsoleUser {

    public static final String LOGIN_RULE = "[A-Za-z0-9._@-]{1,64}";

    @NotBlank(message = "login is required")
    @Pattern(regexp = LOGIN_RULE, message = "login may use letters, digits and . _ @ - (at most 64)")
    @Schema(example = "jane", pattern = LOGIN_RULE)
    private String login;

    @NotBlank(message = "password is required")
    @Size(min = 12, max = 256, message = "password must have 12 to 256 characters")
    @Schema(format = "password", minLength = 12, maxLength = 256)
    private String password;

    @NotEmpty(message = "roles: at least one of ADMIN, MARKETER, AGENT")
    @Schema(description = "ADMIN, MARKETER, AGENT")
    private List<String> roles;

    public NewConsoleUser() {
    }

    public NewConsoleUser(String login, String password, List<String> roles) {
        this.login = login;
        this.password = password;
        this.roles = roles;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
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
}
