package dev.cdpconsole.platform.activation;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.FlowRun;
import dev.cdpconsole.api.FlowRunApi;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/foundation/flowservice/runs}: the activation runs of the request's sandbox. */
@RequestScoped
@jakarta.ws.rs.Path(FlowRunApi.PATH)
@RequiresRole(Role.READ)
public class FlowRunResource implements FlowRunApi {

    @Inject
    FlowRuns runs;

    @Inject
    ActivationService activation;

    @Inject
    CallContext caller;

    @Context
    UriInfo uri;

    @Override
    public FlowRun.Page list(List<String> property, String limit, String start) {
        Paging paging = Paging.of(limit, start, 50, 500);
        return runs.page(caller.sandbox(), property, paging.offset(), paging.limit(),
                next -> uri.getRequestUriBuilder().replaceQueryParam("start", next).build().toString());
    }

    @Override
    public FlowRun get(String runId) {
        return runs.view(runs.find(caller.sandbox(), runId));
    }

    @Override
    @RequiresRole(Role.ACTIVATE)
    public FlowRun retry(String runId) {
        return runs.view(activation.retry(caller.sandbox(), runs.find(caller.sandbox(), runId), caller.actor()));
    }

    @Override
    @RequiresRole(Role.ADMIN)
    public Response file(String runId) {
        Path file = runs.file(caller.sandbox(), runId);
        return Response.ok(file.toFile()).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                + file.getFileName() + "\"").build();
    }
}
