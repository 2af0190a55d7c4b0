package dev.cdpconsole.admin.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.AuditApi;
import dev.cdpconsole.api.AuditEventList;

/** Reads the audit log for the console. */
@ApplicationScoped
public class AuditConsoleService {

    static final int PAGE_SIZE = 25;

    @Inject
    PlatformClients clients;

    public AuditEventList page(String action, String actor, String sandbox, int page) {
        return clients.get(AuditClient.class, AuditApi.PATH).list(action, actor, sandbox, Integer.toString(PAGE_SIZE),
                Integer.toString(page * PAGE_SIZE));
    }
}
