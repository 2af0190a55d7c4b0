package dev.cdpconsole.platform.credential;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.CredentialApi;
import dev.cdpconsole.api.CredentialChange;
import dev.cdpconsole.api.CredentialList;
import dev.cdpconsole.api.CredentialUsage;
import dev.cdpconsole.api.CredentialView;
import dev.cdpconsole.api.IssuedCredential;
import dev.cdpconsole.api.NewCredential;
import dev.cdpconsole.api.RegeneratedSecret;
import dev.cdpconsole.api.RegenerationHistory;
import dev.cdpconsole.api.RegenerationRequest;
import dev.cdpconsole.api.SandboxList;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/foundation/credentials}: credential management, for the admin role. */
@RequestScoped
@Path(CredentialApi.PATH)
@RequiresRole(Role.ADMIN)
public class CredentialResource implements CredentialApi {

    @Inject
    CredentialService credentials;

    @Context
    UriInfo uri;

    @Override
    public CredentialList list(String limit, String offset) {
        Paging paging = Paging.of(limit, offset, 50, 100);
        List<CredentialView> page = credentials.page(paging.offset(), paging.limit());
        return new CredentialList(page, new SandboxList.PageInfo(paging.limit(), page.size()),
                paging.links(uri.getRequestUriBuilder(), page.size(), credentials.total()));
    }

    @Override
    public IssuedCredential create(NewCredential credential) {
        return credentials.create(credential);
    }

    @Override
    public CredentialView get(String clientId) {
        return credentials.get(clientId);
    }

    @Override
    public CredentialView change(String clientId, CredentialChange change) {
        return credentials.change(clientId, change);
    }

    @Override
    public void delete(String clientId) {
        credentials.delete(clientId);
    }

    @Override
    public RegeneratedSecret regenerate(String clientId, String slot, RegenerationRequest request) {
        return credentials.regenerate(clientId, slot, request.getReason(), request.getGraceHours());
    }

    @Override
    public CredentialView revoke(String clientId, String slot) {
        return credentials.revoke(clientId, slot);
    }

    @Override
    public RegenerationHistory history(String clientId) {
        return credentials.history(clientId);
    }

    @Override
    public CredentialUsage usage(String clientId, String days) {
        int period;
        try {
            period = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("days-invalid", "days must be a whole number from 1 to 366");
        }
        if (period < 1 || period > 366) {
            throw ProblemException.badRequest("days-out-of-range", "days must be between 1 and 366");
        }
        return credentials.usage(clientId, period);
    }
}
