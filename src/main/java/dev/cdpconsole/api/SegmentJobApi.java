package dev.cdpconsole.api;

import java.util.List;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Segmentation jobs, {@code /data/core/ups/segment/jobs}, as Adobe's: evaluate segments over every profile of the
 * sandbox and record who entered ({@code realized}), stayed ({@code existing}) and left ({@code exited}). One
 * runs for all segments of each sandbox every day (the README's settings); one job runs at a time per sandbox.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface SegmentJobApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups/segment/jobs";

    @GET
    @Operation(summary = "The segmentation jobs of this sandbox, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(schema = @Schema(implementation = SegmentJob.Page.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, start or status",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentJob.Page list(@QueryParam("limit") @DefaultValue("20") @Parameter(description = "1 to 100") String limit,
            @QueryParam("start") @DefaultValue("0") @Parameter(description = "how many jobs to skip") String start,
            @QueryParam("status") @Parameter(description = "only jobs of this status") String status);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate segments now", description = "[{\"segmentId\": \"...\"}, ...], or "
            + "[{\"segmentId\": \"*\"}] for every segment of the sandbox. The job queues behind one already running.")
    @APIResponse(responseCode = "200", description = "The job, QUEUED",
            content = @Content(schema = @Schema(implementation = SegmentJob.class)))
    @APIResponse(responseCode = "400", description = "An empty list, an unknown segment, or no segment to evaluate",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentJob create(List<SegmentJobRequest> request);

    @GET
    @Path("{segmentJobId}")
    @Operation(summary = "A segmentation job, its progress and metrics")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = SegmentJob.class)))
    @APIResponse(responseCode = "404", description = "No such job in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    SegmentJob get(@PathParam("segmentJobId") String segmentJobId);

    @DELETE
    @Path("{segmentJobId}")
    @Operation(summary = "Cancel a segmentation job", description = "A queued job is cancelled at once; a running "
            + "one stops after the profiles it is on (CANCELLING, then CANCELLED).")
    @APIResponse(responseCode = "200", description = "{\"code\": \"200\", \"message\": \"...\"}, as Adobe's",
            content = @Content(schema = @Schema(implementation = StandardResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has already finished",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    StandardResponse cancel(@PathParam("segmentJobId") String segmentJobId);
}
