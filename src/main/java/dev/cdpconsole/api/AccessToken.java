package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the token endpoint, as Adobe IMS gives it. */
@Schema(name = "AccessToken")
public record AccessToken(String access_token, String token_type, long expires_in) {
}
