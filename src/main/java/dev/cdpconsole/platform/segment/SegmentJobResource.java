package dev.cdpconsole.platform.segment;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.SegmentJob;
import dev.cdpconsole.api.SegmentJobApi;
import dev.cdpconsole.api.SegmentJobRequest;
import dev.cdpconsole.api.StandardResponse;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/ups/segment/jobs}: segmentation jobs of the request's sandbox. */
@RequestScoped
@Path(SegmentJobApi.PATH)
@RequiresRole(Role.READ)
public class SegmentJobResource implements SegmentJobApi {

    @Inject
    SegmentJobs jobs;

    @Inject
    CallContext caller;

    @Context
    UriInfo uri;

    @Override
    public SegmentJob.Page list(String limit, String start, String status) {
        Paging paging = Paging.of(limit, start, 20, 100);
        String wanted = status == null || status.isBlank() ? null : status.strip();
        return jobs.page(caller.sandbox(), wanted, paging.offset(), paging.limit(),
                next -> uri.getRequestUriBuilder().replaceQueryParam("start", next).build().toString());
    }

    @Override
    @RequiresRole(Role.WRITE)
    public SegmentJob create(List<SegmentJobRequest> request) {
        return jobs.create(caller.sandbox(), request, caller.actor());
    }

    @Override
    public SegmentJob get(String segmentJobId) {
        return jobs.get(caller.sandbox(), segmentJobId);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public StandardResponse cancel(String segmentJobId) {
        jobs.cancel(caller.sandbox(), segmentJobId);
        return new StandardResponse("200", "Segment job with ID '" + segmentJobId + "' has been cancelled");
    }
}
