package dev.cdpconsole.platform.segment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import dev.cdpconsole.api.EstimateApi;
import dev.cdpconsole.api.Preview;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/core/ups/estimate/{previewId}}: the count of a preview so far. */
@RequestScoped
@Path(EstimateApi.PATH)
@RequiresRole(Role.READ)
public class EstimateResource implements EstimateApi {

    @Inject
    SegmentPreviews previews;

    @Inject
    CallContext caller;

    @Override
    public Preview.Estimate estimate(String previewId) {
        return previews.estimate(caller.sandbox(), previewId);
    }
}
