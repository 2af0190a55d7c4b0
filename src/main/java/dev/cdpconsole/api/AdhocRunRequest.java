package dev.cdpconsole.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /data/core/activation/disflowprovider/adhocrun} (and of its preflight):
 * {@code {"activationInfo": {"<destinationId>": ["<segmentId>", ...]}}}. The deprecated version 1 body also
 * carried {@code exportIds}: accepted and ignored.
 */
@Schema(name = "AdhocRunRequest")
public class AdhocRunRequest {

    @Schema(required = true, description = "destination id → the segment ids to export to it")
    private Map<String, List<String>> activationInfo;

    @Schema(description = "version 1 only; ignored", deprecated = true)
    private List<String> exportIds;

    public AdhocRunRequest() {
    }

    public AdhocRunRequest(Map<String, List<String>> activationInfo) {
        this.activationInfo = activationInfo;
    }

    public Map<String, List<String>> getActivationInfo() {
        return activationInfo;
    }

    public void setActivationInfo(Map<String, List<String>> activationInfo) {
        this.activationInfo = activationInfo;
    }

    public List<String> getExportIds() {
        return exportIds;
    }

    public void setExportIds(List<String> exportIds) {
        this.exportIds = exportIds;
    }
}
