package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adobe's answer to a delete: {@code {"status": true, "message": "..."}}. */
@Schema(name = "MessageResponse")
public record MessageResponse(boolean status, String message) {
}
