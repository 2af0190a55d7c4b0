package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A console user, never with a password or its hash. */
@Schema(name = "ConsoleUser")
public record ConsoleUserView(String login, List<String> roles, boolean enabled, String createdAt) {
}
