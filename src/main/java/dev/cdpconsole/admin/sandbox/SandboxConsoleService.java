package dev.cdpconsole.admin.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.SandboxApi;
import dev.cdpconsole.api.ImpactReport;
import dev.cdpconsole.api.NewSandbox;
import dev.cdpconsole.api.SandboxAction;
import dev.cdpconsole.api.SandboxList;
import dev.cdpconsole.api.SandboxTitle;
import dev.cdpconsole.api.SandboxView;

/** What the console does with sandboxes, each through the platform API. */
@ApplicationScoped
public class SandboxConsoleService {

    private static final int PAGE = 100;
    private static final String DELETED = "deleted";

    @Inject
    PlatformClients clients;

    private SandboxClient api() {
        return clients.get(SandboxClient.class, SandboxApi.PATH);
    }

    /** Every sandbox, deleted ones included, following {@code _links.next}. */
    public List<SandboxView> all() {
        List<SandboxView> all = new ArrayList<>();
        int offset = 0;
        SandboxList page;
        do {
            page = api().list(Integer.toString(PAGE), Integer.toString(offset));
            all.addAll(page.sandboxes());
            offset += PAGE;
        } while (page._links() != null && page._links().containsKey("next") && !page.sandboxes().isEmpty());
        return all;
    }

    /** The sandboxes one can work in: all but the deleted ones. */
    public List<SandboxView> usable() {
        return all().stream().filter(s -> !DELETED.equals(s.state())).toList();
    }

    public SandboxView get(String name) {
        return api().get(name);
    }

    public SandboxView create(String name, String title, String type) {
        return api().create(new NewSandbox(name, title, type));
    }

    public SandboxView rename(String name, String title) {
        return api().changeTitle(name, new SandboxTitle(title));
    }

    /** What a reset or delete would remove, changing nothing. */
    public ImpactReport preview(String name, String action) {
        return "delete".equals(action) ? api().delete(name, true, false)
                : api().reset(name, true, false, new SandboxAction("reset"));
    }

    /** Carries out a reset or delete the user confirmed after seeing its report (so warnings are accepted). */
    public ImpactReport carryOut(String name, String action) {
        return "delete".equals(action) ? api().delete(name, false, true)
                : api().reset(name, false, true, new SandboxAction("reset"));
    }
}
