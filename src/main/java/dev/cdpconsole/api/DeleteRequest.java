package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /system/jobs}: the batch, or the dataset, whose data is to be deleted (exactly one).
 * The datasets of a sandbox are {@value #PROFILE_DATASET} (every profile record) and {@value #EVENT_DATASET}
 * (every experience event). (A class: see {@link NewSandbox}.)
 */
@Schema(name = "DeleteRequest")
public class DeleteRequest {

    public static final String PROFILE_DATASET = "profile-records";
    public static final String EVENT_DATASET = "experience-events";

    @Schema(example = "batch-8d075b5a178e4838")
    private String batchId;

    @Schema(example = PROFILE_DATASET, enumeration = {PROFILE_DATASET, EVENT_DATASET})
    private String dataSetId;

    public DeleteRequest() {
    }

    public DeleteRequest(String batchId, String dataSetId) {
        this.batchId = batchId;
        this.dataSetId = dataSetId;
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getDataSetId() {
        return dataSetId;
    }

    public void setDataSetId(String dataSetId) {
        this.dataSetId = dataSetId;
    }
}
