package dev.cdpconsole.api;

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
 * Dataflows, {@code /data/foundation/flowservice/flows} (as Adobe's flow service): a destination and the
 * segments it exports, each with a schedule; {@code enabled} or {@code disabled}. The scheduler runs the due
 * exports of enabled dataflows.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Destinations")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface FlowApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/flowservice/flows";

    @GET
    @Operation(summary = "The dataflows of this sandbox, by name")
    @APIResponse(responseCode = "200", description = "The dataflows",
            content = @Content(schema = @Schema(implementation = Flow.Page.class)))
    Flow.Page list();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a dataflow for a destination (one per destination)")
    @APIResponse(responseCode = "200", description = "The dataflow",
            content = @Content(schema = @Schema(implementation = Flow.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad field, an unknown destination or segment, a "
            + "bad schedule", content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The destination has a dataflow",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Flow create(FlowRequest request);

    @GET
    @Path("{flowId}")
    @Operation(summary = "A dataflow")
    @APIResponse(responseCode = "200", description = "The dataflow",
            content = @Content(schema = @Schema(implementation = Flow.class)))
    @APIResponse(responseCode = "404", description = "No such dataflow in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Flow get(@PathParam("flowId") String flowId);

    @PATCH
    @Path("{flowId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a dataflow: its name, state (enabled, disabled) or segments and schedules")
    @APIResponse(responseCode = "200", description = "The dataflow",
            content = @Content(schema = @Schema(implementation = Flow.class)))
    @APIResponse(responseCode = "400", description = "A bad field", content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dataflow in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Flow change(@PathParam("flowId") String flowId, FlowRequest request);

    @DELETE
    @Path("{flowId}")
    @Operation(summary = "Delete a dataflow", description = "Its runs stay in the history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such dataflow in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "One of its runs is going on",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Response delete(@PathParam("flowId") String flowId);
}
