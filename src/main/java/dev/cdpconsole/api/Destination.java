package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file-based batch destination: where its files go, in which format, and their columns (ISO times). */
@Schema(name = "Destination")
public record Destination(String id, String sandboxName, String name, String description, String folder,
        String format, String compression, String fileNameTemplate, List<String> identities, List<String> attributes,
        String dataflowId, String createdBy, String createdAt, String updatedAt) {

    /** The destinations of a sandbox, by name. */
    @Schema(name = "DestinationList")
    public record Page(List<Destination> items, long count) {
    }
}
