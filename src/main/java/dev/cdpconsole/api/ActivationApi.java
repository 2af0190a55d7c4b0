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
 * Ad-hoc activation, {@code /data/core/activation/disflowprovider/adhocrun}, as Adobe's: export segments to file
 * destinations now, within the guardrails of CONTRACT.md; and (ours) its preflight, which checks the same body and
 * changes nothing.
 */
@Tag(name = "Destinations")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface ActivationApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/activation/disflowprovider/adhocrun";
    /** The media type of the version 2 API (sent in Accept with {@code ; version=2}). */
    String MEDIA_TYPE = "application/vnd.adobe.adhoc.activation+json";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Activate segments to destinations now",
            description = "Accept: application/vnd.adobe.adhoc.activation+json; version=2. Body: {\"activationInfo\": "
                    + "{\"<destinationId>\": [\"<segmentId>\", ...]}} (exportIds of version 1 are ignored). Each "
                    + "segment and destination becomes a run, recorded before it starts.")
    @APIResponse(responseCode = "200", description = "The orders, each with its run's statusURL",
            content = @Content(schema = @Schema(implementation = AdhocRunOrder.class)))
    @APIResponse(responseCode = "400", description = "More than 80 segments, an unknown destination or segment, a "
            + "segment not mapped or out of schedule, a malformed body",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A run of a segment is going on, a scheduled export of the "
            + "dataflow is running, the dataflow is disabled, or the first scheduled activation is too recent",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    AdhocRunOrder run(AdhocRunRequest request);

    @POST
    @Path("preflight")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "(ours) Check an ad-hoc run without running it",
            description = "The same body; per destination and segment the profiles it would export and each guardrail.")
    @APIResponse(responseCode = "200", description = "The checks",
            content = @Content(schema = @Schema(implementation = Preflight.class)))
    @APIResponse(responseCode = "400", description = "A malformed body",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    Preflight preflight(AdhocRunRequest request);
}
