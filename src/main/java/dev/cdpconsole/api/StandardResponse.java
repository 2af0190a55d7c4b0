package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adobe's answer to cancelling a job: {@code {"code": "200", "message": "..."}}. */
@Schema(name = "StandardResponse")
public record StandardResponse(String code, String message) {
}
