package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delete request (Adobe's "profile system job"), in the shape of Adobe's API.
 *
 * @param status      {@code NEW}, {@code IN-PROGRESS}, {@code SUCCESS} or {@code ERROR}
 * @param metrics     as in Adobe's API, a JSON text: {@code {"recordsProcessed": N, "profilesRemoved": N,
 *                    "timeTakenInSec": N}}
 * @param createEpoch when the request was made, in seconds since the epoch
 * @param updateEpoch when its status last changed, in seconds since the epoch
 * @param error       why it failed (only with {@code ERROR})
 */
@Schema(name = "ProfileSystemJob")
public record SystemJob(String id, String imsOrgId, String dataSetId, String batchId, String jobType,
        @Schema(enumeration = {"NEW", "IN-PROGRESS", "SUCCESS", "ERROR"}) String status, String metrics,
        long createEpoch, long updateEpoch, String error) {

    /** A page of delete requests, newest first; {@code _page.next} is the next page's number, if any. */
    @Schema(name = "ProfileSystemJobsResponse")
    public record Page(PageInfo _page, List<SystemJob> children) {
    }

    /** How many requests this page holds, and the number of the next page. */
    @Schema(name = "SystemJobsPage")
    public record PageInfo(int count, String next) {
    }
}
