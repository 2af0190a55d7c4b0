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
 * Delete requests, {@code /data/core/ups/system/jobs} (Adobe's profile system jobs): delete what a batch or a
 * dataset brought into the request's sandbox. A profile left with no record and no event is removed with its
 * identities; the others are rebuilt from the records that remain.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profile system jobs", description = "Delete the data a batch or a dataset brought in")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface SystemJobApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups/system/jobs";

    @GET
    @Operation(summary = "The delete requests of this sandbox, newest first")
    @APIResponse(responseCode = "200", description = "A page of delete requests",
            content = @Content(schema = @Schema(implementation = SystemJob.Page.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or page",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SystemJob.Page list(@QueryParam("limit") @DefaultValue("20") @Parameter(description = "1 to 100") String limit,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "the page, from 0") String page,
            @QueryParam("start") @Parameter(description = "accepted for Adobe's clients; use page") String start,
            @QueryParam("sort") @Parameter(description = "accepted; the order is by creation, newest first") String sort);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete what a batch or a dataset brought in",
            description = "Give batchId, or dataSetId (profile-records or experience-events). The deletion runs in "
                    + "the background: follow it at system/jobs/{id}.")
    @APIResponse(responseCode = "200", description = "The delete request, NEW",
            content = @Content(schema = @Schema(implementation = SystemJob.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of batchId and dataSetId, an unknown batch or "
            + "dataset, or a batch still being ingested", content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Delete request (Profile System Job) Definition already exists.",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SystemJob create(DeleteRequest request);

    @GET
    @Path("{id}")
    @Operation(summary = "A delete request and its status")
    @APIResponse(responseCode = "200", description = "The delete request",
            content = @Content(schema = @Schema(implementation = SystemJob.class)))
    @APIResponse(responseCode = "404", description = "Delete request (Profile System Job) not found",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SystemJob get(@PathParam("id") String id);

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a delete request from the list",
            description = "The data it deleted stays deleted; a request still running cannot be removed.")
    @APIResponse(responseCode = "200", description = "Removed; an empty body, as in Adobe's API")
    @APIResponse(responseCode = "404", description = "Delete request (Profile System Job) not found",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request is still running",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Response remove(@PathParam("id") String id);
}
