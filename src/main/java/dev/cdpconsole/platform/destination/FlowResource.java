package dev.cdpconsole.platform.destination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.FlowApi;
import dev.cdpconsole.api.FlowRequest;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/foundation/flowservice/flows}: the dataflows of the request's sandbox. */
@RequestScoped
@Path(FlowApi.PATH)
@RequiresRole(Role.READ)
public class FlowResource implements FlowApi {

    @Inject
    DataflowService flows;

    @Inject
    DestinationStore store;

    @Inject
    CallContext caller;

    @Override
    public Flow.Page list() {
        return flows.list(caller.sandbox());
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Flow create(FlowRequest request) {
        return flows.create(caller.sandbox(), request, caller.actor());
    }

    @Override
    public Flow get(String flowId) {
        return flows.get(caller.sandbox(), flowId);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Flow change(String flowId, FlowRequest request) {
        return flows.change(caller.sandbox(), flowId, request);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Response delete(String flowId) {
        flows.delete(caller.sandbox(), flowId, store.running(flowId));
        return Response.noContent().build();
    }
}
