package dev.cdpconsole.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Previews, {@code /data/core/ups/preview}, as Adobe's preview service: how many profiles a definition matches,
 * and the first of them, before it is saved. The count runs in the background; {@link EstimateApi} reads it.
 * A preview is kept for an hour.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface PreviewApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups/preview";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a preview of a PQL definition")
    @APIResponse(responseCode = "201", description = "The preview, RUNNING",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "A definition that is not valid PQL (line and column in "
            + "report), or an unknown predicateType or predicateModel",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Response create(PreviewRequest request);

    @GET
    @Path("{previewId}")
    @Operation(summary = "The first profiles a preview matched")
    @APIResponse(responseCode = "200", description = "A page of matching profiles",
            content = @Content(schema = @Schema(implementation = Preview.Results.class)))
    @APIResponse(responseCode = "404", description = "No such preview (or it has expired)",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Preview.Results results(@PathParam("previewId") String previewId,
            @QueryParam("offset") @DefaultValue("0") @Parameter(description = "from 0") String offset,
            @QueryParam("limit") @DefaultValue("20") @Parameter(description = "1 to 100") String limit);

    @DELETE
    @Path("{previewId}")
    @Operation(summary = "Forget a preview")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such preview",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    MessageResponse delete(@PathParam("previewId") String previewId);
}
