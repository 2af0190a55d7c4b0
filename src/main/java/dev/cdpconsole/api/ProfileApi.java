package dev.cdpconsole.api;

import java.io.InputStream;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
 * Real-time customer profiles, {@code /data/core/ups}: Adobe's entities API (profiles and their experience
 * events by identity or XID), and ours: ingesting one record, agent search. Every query is scoped by the
 * request's sandbox.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles", description = "Profile lookup (entities), ingestion of single records, agent search")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, bad or expired token")
@APIResponse(responseCode = "403", description = "Bad x-api-key or x-gw-ims-org-id, or a role too weak")
public interface ProfileApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/core/ups";

    @GET
    @Path("access/entities")
    @Operation(summary = "Look up a profile, or the experience events of one",
            description = "schema.name=_xdm.context.profile with entityId (and entityIdNS, else entityId is the XID); "
                    + "or schema.name=_xdm.context.experienceevent with relatedSchema.name=_xdm.context.profile, "
                    + "relatedEntityId (and relatedEntityIdNS), startTime, endTime (epoch ms), orderby, limit, start.")
    @APIResponse(responseCode = "200", description = "The profile keyed by its XID, or a page of its events",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "A missing or unknown schema, namespace or parameter",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No profile with that identity in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too many related identities",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    JsonObject entities(@QueryParam("schema.name") String schemaName,
            @QueryParam("relatedSchema.name") String relatedSchemaName,
            @QueryParam("entityId") String entityId, @QueryParam("entityIdNS") String entityIdNS,
            @QueryParam("relatedEntityId") String relatedEntityId,
            @QueryParam("relatedEntityIdNS") String relatedEntityIdNS,
            @QueryParam("fields") @Parameter(description = "comma-separated paths, e.g. person.name,homeAddress") String fields,
            @QueryParam("mergePolicyId") @Parameter(description = "accepted; the one merge policy is by time") String mergePolicyId,
            @QueryParam("startTime") @Parameter(description = "epoch ms, included") String startTime,
            @QueryParam("endTime") @Parameter(description = "epoch ms, excluded") String endTime,
            @QueryParam("orderby") @Parameter(description = "timestamp (default) or -timestamp") String orderby,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 1000") String limit,
            @QueryParam("start") @Parameter(description = "where the page starts: _page.next of the page before") String start,
            @QueryParam("eventType") @Parameter(description = "ours: only events of this type") String eventType);

    @POST
    @Path("access/entities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look up many profiles at once",
            description = "{\"schema\": {\"name\": \"_xdm.context.profile\"}, \"identities\": [{\"entityId\": ..., "
                    + "\"entityIdNS\": {\"code\": \"email\"}}], \"fields\": [...]}; the answer is keyed by XID.")
    @APIResponse(responseCode = "200", description = "The profiles found, keyed by XID",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "A malformed request",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    JsonObject entitiesOf(JsonObject request);

    @POST
    @Path("ingest/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one record (ours)", description = "A profile record, or with "
            + "schema.name=_xdm.context.experienceevent an experience event; upserted at once, stitched by identity.")
    @APIResponse(responseCode = "200", description = "The profile it belongs to",
            content = @Content(schema = @Schema(implementation = IngestedRecord.class)))
    @APIResponse(responseCode = "400", description = "The record is refused; the problem says why",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    IngestedRecord ingest(@QueryParam("schema.name") @DefaultValue("_xdm.context.profile") String schemaName,
            String record);

    @POST
    @Path("ingest/batches")
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Ingest a JSON Lines batch (ours)", description = "One record per line; processed in the "
            + "background. A refused line is reported with its number and reason and does not stop the rest.")
    @APIResponse(responseCode = "200", description = "The batch, queued; follow it at ingest/batches/{batchId}",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "An empty upload, one that is not JSON Lines, one over "
            + "cdp.profiles.max-batch-bytes, or one that broke off; nothing of it is kept",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    BatchView ingestBatch(@QueryParam("schema.name") @DefaultValue("_xdm.context.profile") String schemaName,
            InputStream lines);

    @GET
    @Path("ingest/batches")
    @Operation(summary = "The latest batches of this sandbox, newest first (ours)")
    @APIResponse(responseCode = "200", description = "Up to limit batches",
            content = @Content(schema = @Schema(implementation = BatchView.Recent.class)))
    BatchView.Recent batches(@QueryParam("limit") @DefaultValue("20") String limit);

    @GET
    @Path("ingest/batches/{batchId}")
    @Operation(summary = "A batch's status and errors (ours)")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "404", description = "No such batch in this sandbox",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    BatchView batch(@PathParam("batchId") String batchId);

    @GET
    @Path("search/profiles")
    @Operation(summary = "Agent search (ours)", description = "Prefix of first or last name, email or phone, "
            + "or exactly an identity value.")
    @APIResponse(responseCode = "200", description = "One page of hits",
            content = @Content(schema = @Schema(implementation = ProfileHit.Page.class)))
    ProfileHit.Page search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") String limit,
            @QueryParam("start") @DefaultValue("0") String start);
}
