package dev.cdpconsole.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
 * Flow runs, {@code /data/foundation/flowservice/runs} (as Adobe's flow service): every activation run, ad-hoc
 * and scheduled, newest first. {@code property} filters as Adobe's do: {@code flowId==…}, and (ours)
 * {@code status==…}, {@code destinationId==…}, {@code segmentId==…}, {@code kind==adhoc|scheduled},
 * {@code startedBy==…}, {@code createdAt>=…} and {@code createdAt<…} (milliseconds since the epoch).
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Destinations")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface FlowRunApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/flowservice/runs";

    @GET
    @Operation(summary = "Runs, newest first, filtered by property")
    @APIResponse(responseCode = "200", description = "A page of runs",
            content = @Content(schema = @Schema(implementation = FlowRun.Page.class)))
    @APIResponse(responseCode = "400", description = "A property that is not one of the filters, a bad limit",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    FlowRun.Page list(@QueryParam("property") @Parameter(description = "e.g. flowId==<id>; repeat to combine")
            List<String> property,
            @QueryParam("limit") @Parameter(description = "1 to 500, default 50") String limit,
            @QueryParam("start") @Parameter(description = "how many runs to skip") String start);

    @GET
    @Path("{runId}")
    @Operation(summary = "A run, its metrics and progress")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = FlowRun.class)))
    @APIResponse(responseCode = "404", description = "No such run in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    FlowRun get(@PathParam("runId") String runId);

    @POST
    @Path("{runId}/retry")
    @Operation(summary = "(ours) Run a failed run again, as a new ad-hoc run of the same segment and destination",
            description = "The same guardrails as an ad-hoc run apply.")
    @APIResponse(responseCode = "200", description = "The new run",
            content = @Content(schema = @Schema(implementation = FlowRun.class)))
    @APIResponse(responseCode = "404", description = "No such run in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has not failed, or a guardrail refuses",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    FlowRun retry(@PathParam("runId") String runId);

    @GET
    @Path("{runId}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "(ours) The file a successful run wrote (admins)")
    @APIResponse(responseCode = "200", description = "The file as written")
    @APIResponse(responseCode = "404", description = "No such run, or its file is gone",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Response file(@PathParam("runId") String runId);
}
