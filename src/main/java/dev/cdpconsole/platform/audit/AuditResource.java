package dev.cdpconsole.platform.audit;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.cdpconsole.api.AuditApi;
import dev.cdpconsole.api.AuditEventList;
import dev.cdpconsole.api.AuditEventView;
import dev.cdpconsole.api.Link;
import dev.cdpconsole.api.SandboxList;
import dev.cdpconsole.common.rest.Paging;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code GET /data/foundation/audit/events}; reading the audit log needs the admin role. */
@RequestScoped
@Path(AuditApi.PATH)
@RequiresRole(Role.ADMIN)
public class AuditResource implements AuditApi {

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @Override
    public AuditEventList list(String action, String actor, String sandbox, String limit, String offset) {
        Paging paging = Paging.of(limit, offset, 50, 200);
        // One row more than asked tells whether a next page exists without counting them all.
        List<AuditEventView> rows = audit.find(new AuditLog.AuditFilter(action, actor, sandbox), paging.offset(),
                paging.limit() + 1);
        boolean more = rows.size() > paging.limit();
        List<AuditEventView> page = more ? rows.subList(0, paging.limit()) : rows;
        Map<String, Link> links = more ? Map.of("next", new Link(paging.next(uri.getRequestUriBuilder()).toString()))
                : Map.of();
        return new AuditEventList(List.copyOf(page), new SandboxList.PageInfo(paging.limit(), page.size()), links);
    }
}
