package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /data/foundation/destinations} (name, folder and at least one column required) and of
 * {@code PATCH …/{destinationId}} (only the fields to change). (A class, as request bodies are: see
 * {@link NewSandbox}.)
 */
@Schema(name = "DestinationRequest")
public class DestinationRequest {

    @Schema(example = "Flash sale audience files", maxLength = 200)
    private String name;

    @Schema(maxLength = 2000)
    private String description;

    @Schema(description = "a folder under the destinations root (cdp.destinations.root); relative, no ..",
            example = "marketing/flash-sale")
    private String folder;

    @Schema(enumeration = {"csv", "jsonl"}, defaultValue = "csv")
    private String format;

    @Schema(enumeration = {"none", "gzip"}, defaultValue = "none")
    private String compression;

    @Schema(description = "the file name, with {destination}, {segment}, {segmentId}, {date}, {datetime} and "
            + "{runId}; .gz is added for gzip", example = "{destination}_{segment}_{datetime}.csv")
    private String fileNameTemplate;

    @Schema(description = "identity namespaces, one column each (all of a profile's values, joined by |)",
            example = "[\"email\", \"crmId\"]")
    private List<String> identities;

    @Schema(description = "attribute paths of the profile, or scores, one column each",
            example = "[\"person.name.firstName\", \"loyalty.tier\", \"lifetimeValue\"]")
    private List<String> attributes;

    public DestinationRequest() {
    }

    public DestinationRequest(String name, String folder, List<String> identities, List<String> attributes) {
        this.name = name;
        this.folder = folder;
        this.identities = identities;
        this.attributes = attributes;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }

    public String getFileNameTemplate() {
        return fileNameTemplate;
    }

    public void setFileNameTemplate(String fileNameTemplate) {
        this.fileNameTemplate = fileNameTemplate;
    }

    public List<String> getIdentities() {
        return identities;
    }

    public void setIdentities(List<String> identities) {
        this.identities = identities;
    }

    public List<String> getAttributes() {
        return attributes;
    }

    public void setAttributes(List<String> attributes) {
        this.attributes = attributes;
    }
}
