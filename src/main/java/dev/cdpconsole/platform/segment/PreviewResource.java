package dev.cdpconsole.platform.segment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.api.MessageResponse;
import dev.cdpconsole.api.Preview;
import dev.cdpconsole.api.PreviewApi;
import dev.cdpconsole.api.PreviewRequest;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/ups/preview}: previews of definitions in the request's sandbox (reading only). */
@RequestScoped
@Path(PreviewApi.PATH)
@RequiresRole(Role.READ)
public class PreviewResource implements PreviewApi {

    @Inject
    SegmentPreviews previews;

    @Inject
    CallContext caller;

    @Override
    public Response create(PreviewRequest request) {
        return Response.status(Response.Status.CREATED).entity(previews.create(caller.sandbox(), request)).build();
    }

    @Override
    public Preview.Results results(String previewId, String offset, String limit) {
        Paging paging = Paging.of(limit, offset, 20, 100);
        return previews.results(caller.sandbox(), previewId, paging.offset(), paging.limit());
    }

    @Override
    public MessageResponse delete(String previewId) {
        return previews.delete(caller.sandbox(), previewId);
    }
}
