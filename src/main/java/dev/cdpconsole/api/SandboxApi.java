package dev.cdpconsole.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Sandbox management, {@code /data/foundation/sandbox-management} of CONTRACT.md. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandboxes", description = "Sandbox management: list, create, rename, reset, delete")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface SandboxApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/sandbox-management/sandboxes";

    @GET
    @Operation(summary = "List sandboxes", description = "Pages with limit and offset; _links.next points to the next page.")
    @APIResponse(responseCode = "200", description = "One page of sandboxes",
            content = @Content(schema = @Schema(implementation = SandboxList.class)))
    @APIResponse(responseCode = "400", description = "limit or offset out of range",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SandboxList list(@QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 100") String limit,
            @QueryParam("offset") @DefaultValue("0") @Parameter(description = "0 or more") String offset);

    @GET
    @Path("{name}")
    @Operation(summary = "Read a sandbox", description = "A deleted sandbox can still be read.")
    @APIResponse(responseCode = "200", description = "The sandbox",
            content = @Content(schema = @Schema(implementation = SandboxView.class)))
    @APIResponse(responseCode = "404", description = "No such sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SandboxView get(@PathParam("name") String name);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a sandbox")
    @APIResponse(responseCode = "200", description = "The new sandbox",
            content = @Content(schema = @Schema(implementation = SandboxView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, title or type, or malformed JSON",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken, or the sandbox limit is reached",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    SandboxView create(@NotNull(message = "a JSON body is required") @Valid NewSandbox sandbox);

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a sandbox's title", description = "Only the title can change.")
    @APIResponse(responseCode = "200", description = "The changed sandbox",
            content = @Content(schema = @Schema(implementation = SandboxView.class)))
    @APIResponse(responseCode = "404", description = "No such sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The sandbox is deleted",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SandboxView changeTitle(@PathParam("name") String name,
            @NotNull(message = "a JSON body is required") @Valid SandboxTitle title);

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reset a sandbox", description = "Empties the sandbox. With validationOnly=true, "
            + "reports what would be removed and changes nothing. Warnings stop the reset unless ignoreWarnings=true.")
    @APIResponse(responseCode = "200", description = "What was (or would be) removed",
            content = @Content(schema = @Schema(implementation = ImpactReport.class)))
    @APIResponse(responseCode = "404", description = "No such sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Warnings not ignored, or the sandbox is deleted; the report is in the problem",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    ImpactReport reset(@PathParam("name") String name,
            @QueryParam("validationOnly") @DefaultValue("false") boolean validationOnly,
            @QueryParam("ignoreWarnings") @DefaultValue("false") boolean ignoreWarnings,
            @NotNull(message = "a JSON body is required") @Valid SandboxAction action);

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a sandbox", description = "Marks it deleted (it can still be read). The default "
            + "production sandbox prod can never be deleted. validationOnly and ignoreWarnings as for reset.")
    @APIResponse(responseCode = "200", description = "What was (or would be) removed",
            content = @Content(schema = @Schema(implementation = ImpactReport.class)))
    @APIResponse(responseCode = "404", description = "No such sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The default sandbox, already deleted, or warnings not ignored",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    ImpactReport delete(@PathParam("name") String name,
            @QueryParam("validationOnly") @DefaultValue("false") boolean validationOnly,
            @QueryParam("ignoreWarnings") @DefaultValue("false") boolean ignoreWarnings);
}
