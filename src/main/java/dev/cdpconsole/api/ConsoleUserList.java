package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every console user, by login. */
@Schema(name = "ConsoleUserList")
public record ConsoleUserList(List<ConsoleUserView> users) {
}
