package dev.cdpconsole.platform.segment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import dev.cdpconsole.api.MessageResponse;
import dev.cdpconsole.api.SegmentApi;
import dev.cdpconsole.api.SegmentDefinition;
import dev.cdpconsole.api.SegmentRequest;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/ups/segment/definitions}: the segment definitions of the request's sandbox. */
@RequestScoped
@Path(SegmentApi.PATH)
@RequiresRole(Role.READ)
public class SegmentResource implements SegmentApi {

    @Inject
    SegmentService segments;

    @Inject
    CallContext caller;

    @Override
    public SegmentDefinition.Page list(String limit, String page, String start, String sort) {
        return segments.page(caller.sandbox(), Paging.page(page), Paging.of(limit, "0", 20, 100).limit(), sort);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public SegmentDefinition create(SegmentRequest request) {
        return segments.create(caller.sandbox(), request, caller.actor());
    }

    @Override
    public SegmentDefinition get(String segmentId) {
        return segments.get(caller.sandbox(), segmentId);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public SegmentDefinition change(String segmentId, SegmentRequest request) {
        return segments.change(caller.sandbox(), segmentId, request);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public MessageResponse delete(String segmentId) {
        return segments.delete(caller.sandbox(), segmentId);
    }
}
