package dev.cdpconsole.platform.activation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.ActivationApi;
import dev.cdpconsole.api.AdhocRunOrder;
import dev.cdpconsole.api.AdhocRunRequest;
import dev.cdpconsole.api.Preflight;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/activation/disflowprovider/adhocrun}: ad-hoc activation in the request's sandbox. */
@RequestScoped
@Path(ActivationApi.PATH)
@RequiresRole(Role.ACTIVATE)
public class ActivationResource implements ActivationApi {

    @Inject
    ActivationService activation;

    @Inject
    CallContext caller;

    @Context
    UriInfo uri;

    @Override
    public AdhocRunOrder run(AdhocRunRequest request) {
        String base = uri.getBaseUri().toString();
        return activation.run(caller.sandbox(), request, caller.actor(),
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    @Override
    @RequiresRole(Role.READ)
    public Preflight preflight(AdhocRunRequest request) {
        return activation.preflight(caller.sandbox(), request);
    }
}
