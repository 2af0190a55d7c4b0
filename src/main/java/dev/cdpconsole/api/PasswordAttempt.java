package dev.cdpconsole.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a password check. (A class: see {@link NewSandbox}.) */
@Schema(name = "PasswordAttempt")
public class PasswordAttempt {

    @NotNull(message = "password is required")
    @Size(max = 256, message = "password may have at most 256 characters")
    @Schema(maxLength = 256, format = "password")
    private String password;

    public PasswordAttempt() {
    }

    public PasswordAttempt(String password) {
        this.password = password;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
