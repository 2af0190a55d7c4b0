package dev.cdpconsole.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** The audit log (ours): every change made through the console or the API. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The audit log of every change")
@SecurityRequirement(name = "bearer")
public interface AuditApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/audit/events";

    @GET
    @Operation(summary = "List audit events", description = "Newest first; every filter is optional. Needs the admin role.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(implementation = AuditEventList.class)))
    @APIResponse(responseCode = "400", description = "limit or offset out of range",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    AuditEventList list(@QueryParam("action") @Parameter(description = "action, or its prefix such as sandbox.") String action,
            @QueryParam("actor") @Parameter(description = "exact actor") String actor,
            @QueryParam("sandbox") @Parameter(description = "exact sandbox name") String sandbox,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset);
}
