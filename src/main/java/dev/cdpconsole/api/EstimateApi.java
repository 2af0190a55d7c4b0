package dev.cdpconsole.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /data/core/ups/estimate/{previewId}}, as Adobe's: how many profiles a preview has matched so far. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface EstimateApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups/estimate";

    @GET
    @Path("{previewId}")
    @Operation(summary = "The count of a preview: RUNNING with the count so far, then RESULT_READY, or FAILED")
    @APIResponse(responseCode = "200", description = "The estimate",
            content = @Content(schema = @Schema(implementation = Preview.Estimate.class)))
    @APIResponse(responseCode = "404", description = "No such preview (or it has expired)",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Preview.Estimate estimate(@PathParam("previewId") String previewId);
}
