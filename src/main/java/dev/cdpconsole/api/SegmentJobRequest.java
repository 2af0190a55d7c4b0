package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of the {@code POST /segment/jobs} array: a segment to evaluate, or {@code *} for all of them. */
@Schema(name = "SegmentJobRequest")
public class SegmentJobRequest {

    @Schema(required = true, example = "*")
    private String segmentId;

    public SegmentJobRequest() {
    }

    public SegmentJobRequest(String segmentId) {
        this.segmentId = segmentId;
    }

    public String getSegmentId() {
        return segmentId;
    }

    public void setSegmentId(String segmentId) {
        this.segmentId = segmentId;
    }
}
