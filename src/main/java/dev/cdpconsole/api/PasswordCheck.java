package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a console user's password is right, and the user's roles when it is. */
@Schema(name = "PasswordCheck")
public record PasswordCheck(String login, boolean valid, List<String> roles) {
}
