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
 * (ours) File-based batch destinations, {@code /data/foundation/destinations}: a folder under the destinations
 * root, a format (CSV, RFC 4180, or JSON Lines), optional gzip, a file-name template and the columns.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Destinations", description = "File destinations, dataflows, activation and flow runs")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface DestinationApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/destinations";

    @GET
    @Operation(summary = "The destinations of this sandbox, by name")
    @APIResponse(responseCode = "200", description = "The destinations",
            content = @Content(schema = @Schema(implementation = Destination.Page.class)))
    Destination.Page list();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a file destination")
    @APIResponse(responseCode = "200", description = "The destination",
            content = @Content(schema = @Schema(implementation = Destination.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad field (a folder outside the root, an unknown "
            + "placeholder, namespace or format, no column)", content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A destination of that name exists in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Destination create(DestinationRequest request);

    @GET
    @Path("{destinationId}")
    @Operation(summary = "A destination")
    @APIResponse(responseCode = "200", description = "The destination",
            content = @Content(schema = @Schema(implementation = Destination.class)))
    @APIResponse(responseCode = "404", description = "No such destination in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Destination get(@PathParam("destinationId") String destinationId);

    @PATCH
    @Path("{destinationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a destination", description = "Only the fields given change; runs already "
            + "started keep what they began with.")
    @APIResponse(responseCode = "200", description = "The destination",
            content = @Content(schema = @Schema(implementation = Destination.class)))
    @APIResponse(responseCode = "400", description = "A bad field", content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such destination in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Destination change(@PathParam("destinationId") String destinationId, DestinationRequest request);

    @DELETE
    @Path("{destinationId}")
    @Operation(summary = "Delete a destination", description = "Refused while a dataflow maps it; the files "
            + "already written stay in the folder.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such destination in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A dataflow maps it", content = @Content(schema = @Schema(implementation = Problem.class)))
    Response delete(@PathParam("destinationId") String destinationId);
}
