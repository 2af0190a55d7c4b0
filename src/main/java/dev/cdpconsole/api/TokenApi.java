package dev.cdpconsole.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint, as Adobe IMS server-to-server OAuth: client credentials in, a 24-hour bearer token out. */
@Tag(name = "Tokens", description = "OAuth client-credentials tokens")
public interface TokenApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/ims/token/v3";

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an access token",
            description = "grant_type=client_credentials with the credential's client_id and client_secret.")
    @APIResponse(responseCode = "200", description = "A bearer token valid for 24 hours",
            content = @Content(schema = @Schema(implementation = AccessToken.class)))
    @APIResponse(responseCode = "400", description = "Missing parameter or unsupported grant type",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Unknown client or wrong secret",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    AccessToken token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("scope") String scope);
}
