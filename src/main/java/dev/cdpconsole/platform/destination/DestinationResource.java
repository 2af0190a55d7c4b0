package dev.cdpconsole.platform.destination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.cdpconsole.api.Destination;
import dev.cdpconsole.api.DestinationApi;
import dev.cdpconsole.api.DestinationRequest;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/foundation/destinations}: the file destinations of the request's sandbox. */
@RequestScoped
@Path(DestinationApi.PATH)
@RequiresRole(Role.READ)
public class DestinationResource implements DestinationApi {

    @Inject
    DestinationService destinations;

    @Inject
    CallContext caller;

    @Override
    public Destination.Page list() {
        return destinations.list(caller.sandbox());
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Destination create(DestinationRequest request) {
        return destinations.create(caller.sandbox(), request, caller.actor());
    }

    @Override
    public Destination get(String destinationId) {
        return destinations.get(caller.sandbox(), destinationId);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Destination change(String destinationId, DestinationRequest request) {
        return destinations.change(caller.sandbox(), destinationId, request);
    }

    @Override
    @RequiresRole(Role.WRITE)
    public Response delete(String destinationId) {
        destinations.delete(caller.sandbox(), destinationId);
        return Response.noContent().build();
    }
}
