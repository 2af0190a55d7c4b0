package dev.cdpconsole.api;

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
 * Segment definitions, {@code /data/core/ups/segment/definitions}, as Adobe's segmentation service: who belongs
 * to an audience, in PQL, per sandbox. Memberships come from segmentation jobs ({@link SegmentJobApi}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Segment definitions in PQL, previews, segmentation jobs")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface SegmentApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups/segment/definitions";

    @GET
    @Operation(summary = "The segment definitions of this sandbox, newest first (or as sort says)")
    @APIResponse(responseCode = "200", description = "A page of definitions",
            content = @Content(schema = @Schema(implementation = SegmentDefinition.Page.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, page, start or sort",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentDefinition.Page list(
            @QueryParam("limit") @DefaultValue("20") @Parameter(description = "1 to 100") String limit,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "the page, from 0") String page,
            @QueryParam("start") @Parameter(description = "accepted for Adobe's clients; use page") String start,
            @QueryParam("sort") @Parameter(description = "name, creationTime or updateTime, with :asc or :desc "
                    + "(default creationTime:desc)") String sort);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a segment definition", description = "name and expression.value are required; "
            + "a definition that is not valid PQL answers 400 with its line and column in report.")
    @APIResponse(responseCode = "200", description = "The definition, not yet evaluated",
            content = @Content(schema = @Schema(implementation = SegmentDefinition.class)))
    @APIResponse(responseCode = "400", description = "A missing field, or a definition that is not valid PQL",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A definition of that name exists in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentDefinition create(SegmentRequest request);

    @GET
    @Path("{segmentId}")
    @Operation(summary = "A segment definition and its latest evaluation")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(schema = @Schema(implementation = SegmentDefinition.class)))
    @APIResponse(responseCode = "404", description = "No such segment in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentDefinition get(@PathParam("segmentId") String segmentId);

    @PATCH
    @Path("{segmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a segment definition", description = "Only the fields given change; a new "
            + "expression counts from the next segmentation job.")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(schema = @Schema(implementation = SegmentDefinition.class)))
    @APIResponse(responseCode = "400", description = "A bad field, or a definition that is not valid PQL",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such segment in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another definition has that name",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentDefinition change(@PathParam("segmentId") String segmentId, SegmentRequest request);

    @DELETE
    @Path("{segmentId}")
    @Operation(summary = "Delete a segment definition with its memberships")
    @APIResponse(responseCode = "200", description = "{\"status\": true, \"message\": \"...\"}, as Adobe's",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such segment in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    MessageResponse delete(@PathParam("segmentId") String segmentId);
}
