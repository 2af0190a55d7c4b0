package dev.cdpconsole.platform.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.api.DeleteRequest;
import dev.cdpconsole.api.SystemJob;
import dev.cdpconsole.api.SystemJobApi;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/ups/system/jobs}: delete requests in the request's sandbox. */
@RequestScoped
@Path(SystemJobApi.PATH)
@RequiresRole(Role.READ)
public class SystemJobResource implements SystemJobApi {

    @Inject
    ProfileDeletion deletion;

    @Inject
    CallContext caller;

    @Override
    public SystemJob.Page list(String limit, String page, String start, String sort) {
        int size = Paging.of(limit, "0", 20, 100).limit();
        int number = Paging.page(page);
        return deletion.page(caller.sandbox(), number, size);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public SystemJob create(DeleteRequest request) {
        return deletion.create(caller.sandbox(), request, caller.actor());
    }

    @Override
    public SystemJob get(String id) {
        return deletion.get(caller.sandbox(), id);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Response remove(String id) {
        deletion.remove(caller.sandbox(), id);
        return Response.ok().build();
    }
}
