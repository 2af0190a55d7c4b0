package dev.cdpconsole.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API credentials (ours, after Customer Insights' primary and secondary keys and Adobe's client secrets).
 * Every call needs the admin role.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credentials", description = "API credentials, their two secret slots, regeneration and usage")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or not the admin role")
public interface CredentialApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/credentials";

    @GET
    @Operation(summary = "List credentials", description = "Oldest first; limit and offset page it.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = CredentialList.class)))
    CredentialList list(@QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a credential",
            description = "Makes a client id and the secrets of both slots; the answer is the only time they are shown.")
    @APIResponse(responseCode = "200", description = "The credential and its two secrets",
            content = @Content(schema = @Schema(implementation = IssuedCredential.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, grants or JSON",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    IssuedCredential create(@NotNull(message = "a JSON body is required") @Valid NewCredential credential);

    @GET
    @Path("{clientId}")
    @Operation(summary = "Read a credential")
    @APIResponse(responseCode = "200", description = "The credential",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "404", description = "No such credential",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    CredentialView get(@PathParam("clientId") String clientId);

    @PATCH
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a credential",
            description = "Name, description, enabled, grants. Disabling stops its tokens at once.")
    @APIResponse(responseCode = "200", description = "The changed credential",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "404", description = "No such credential",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A credential the server manages",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    CredentialView change(@PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid CredentialChange change);

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Delete a credential", description = "Its secrets and tokens stop at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such credential",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A credential the server manages",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    void delete(@PathParam("clientId") String clientId);

    @POST
    @Path("{clientId}/secrets/{slot}/regenerate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Regenerate a slot's secret", description = "Returns the new secret once. With graceHours 0 "
            + "the old secret and every token it minted stop at once; otherwise both keep working until the expiry.")
    @APIResponse(responseCode = "200", description = "The new secret and the log entry",
            content = @Content(schema = @Schema(implementation = RegeneratedSecret.class)))
    @APIResponse(responseCode = "400", description = "graceHours outside 0 to 168, or a missing or too long reason",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such credential or slot",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The credential is disabled, or managed by the server",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    RegeneratedSecret regenerate(@PathParam("clientId") String clientId,
            @PathParam("slot") @Parameter(description = "primary or secondary") String slot,
            @NotNull(message = "a JSON body is required") @Valid RegenerationRequest request);

    @POST
    @Path("{clientId}/secrets/{slot}/revoke")
    @Operation(summary = "Revoke a slot now", description = "Every secret of the slot and its tokens stop at once.")
    @APIResponse(responseCode = "200", description = "The credential after the revocation",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "404", description = "No such credential or slot",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    CredentialView revoke(@PathParam("clientId") String clientId,
            @PathParam("slot") @Parameter(description = "primary or secondary") String slot);

    @GET
    @Path("{clientId}/history")
    @Operation(summary = "The regeneration log", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The log",
            content = @Content(schema = @Schema(implementation = RegenerationHistory.class)))
    RegenerationHistory history(@PathParam("clientId") String clientId);

    @GET
    @Path("{clientId}/usage")
    @Operation(summary = "Usage", description = "Per secret the last use and a count; calls per day (UTC).")
    @APIResponse(responseCode = "200", description = "The usage",
            content = @Content(schema = @Schema(implementation = CredentialUsage.class)))
    CredentialUsage usage(@PathParam("clientId") String clientId,
            @QueryParam("days") @DefaultValue("30") @Parameter(description = "1 to 366") String days);
}
