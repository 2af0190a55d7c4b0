package dev.cdpconsole.platform.sandbox;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.ImpactReport;
import dev.cdpconsole.api.NewSandbox;
import dev.cdpconsole.api.SandboxApi;
import dev.cdpconsole.api.SandboxAction;
import dev.cdpconsole.api.SandboxList;
import dev.cdpconsole.api.SandboxTitle;
import dev.cdpconsole.api.SandboxView;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/**
 * The sandbox-management endpoints. Reading needs any role and shows only the sandboxes the credential is granted;
 * changing needs the admin role.
 */
@RequestScoped
@Path(SandboxApi.PATH)
@RequiresRole(Role.ADMIN)
public class SandboxResource implements SandboxApi {

    @Inject
    SandboxService sandboxes;

    @Context
    UriInfo uri;

    @Override
    @RequiresRole(Role.READ)
    public SandboxList list(String limit, String offset) {
        Paging paging = Paging.of(limit, offset, 50, 100);
        List<SandboxView> page = sandboxes.page(paging.offset(), paging.limit());
        return new SandboxList(page, new SandboxList.PageInfo(paging.limit(), page.size()),
                paging.links(uri.getRequestUriBuilder(), page.size(), sandboxes.total()));
    }

    @Override
    @RequiresRole(Role.READ)
    public SandboxView get(String name) {
        return sandboxes.get(name);
    }

    @Override
    public SandboxView create(NewSandbox sandbox) {
        return sandboxes.create(sandbox);
    }

    @Override
    public SandboxView changeTitle(String name, SandboxTitle title) {
        return sandboxes.changeTitle(name, title.getTitle());
    }

    @Override
    public ImpactReport reset(String name, boolean validationOnly, boolean ignoreWarnings, SandboxAction action) {
        return sandboxes.reset(name, validationOnly, ignoreWarnings);
    }

    @Override
    public ImpactReport delete(String name, boolean validationOnly, boolean ignoreWarnings) {
        return sandboxes.delete(name, validationOnly, ignoreWarnings);
    }
}
