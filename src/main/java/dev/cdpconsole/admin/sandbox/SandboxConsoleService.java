package dev.cdpconsole.admin.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.admin.console.ConsoleCaller;
import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.SandboxApi;
import dev.cdpconsole.api.ImpactReport;
import dev.cdpconsole.api.NewSandbox;
import dev.cdpconsole.api.SandboxAction;
import dev.cdpconsole.api.SandboxList;
import dev.cdpconsole.api.SandboxTitle;
import dev.cdpconsole.api.SandboxView;
import dev.cdpconsole.common.cache.ShortMemory;

/**
 * What the console does with sandboxes, each through the platform API. Every page's switcher needs the usable
 * sandboxes. For the switcher they are remembered per user for {@code cdp.console.sandbox-list-seconds}, and
 * forgotten at once when the console changes a sandbox.
 */
@ApplicationScoped
public class SandboxConsoleService {

    private static final int PAGE = 100;
    private static final String DELETED = "deleted";

    @Inject
    PlatformClients clients;

    @Inject
    ConsoleCaller caller;

    @Inject
    @ConfigProperty(name = "cdp.console.sandbox-list-seconds", defaultValue = "5")
    int listSeconds;

    private ShortMemory<String, List<SandboxView>> switchable;

    @PostConstruct
    void init() {
        switchable = new ShortMemory<>(listSeconds, 1_000);
    }

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

    /**
     * The usable sandboxes for a page's switcher, as remembered for this session: a sign-in starts a new session, so
     * it always reads them afresh. A list that lacks the sandbox the user has chosen (created since, say) is read
     * again.
     */
    public List<SandboxView> switchable(String chosen) {
        String session = caller.signInKey();
        var remembered = switchable.recall(session);
        if (remembered.isPresent() && remembered.get().stream().anyMatch(s -> s.name().equals(chosen))) {
            return remembered.get();
        }
        long generation = switchable.generation();
        List<SandboxView> found = usable();
        switchable.remember(session, found, generation);
        return found;
    }

    public SandboxView get(String name) {
        return api().get(name);
    }

    public SandboxView create(String name, String title, String type) {
        try {
            return api().create(new NewSandbox(name, title, type));
        } finally {
            switchable.forgetAll();
        }
    }

    public SandboxView rename(String name, String title) {
        try {
            return api().changeTitle(name, new SandboxTitle(title));
        } finally {
            switchable.forgetAll();
        }
    }

    /** What a reset or delete would remove, changing nothing. */
    public ImpactReport preview(String name, String action) {
        return "delete".equals(action) ? api().delete(name, true, false)
                : api().reset(name, true, false, new SandboxAction("reset"));
    }

    /** Carries out a reset or delete the user confirmed after seeing its report (so warnings are accepted). */
    public ImpactReport carryOut(String name, String action) {
        try {
            return "delete".equals(action) ? api().delete(name, false, true)
                    : api().reset(name, false, true, new SandboxAction("reset"));
        } finally {
            switchable.forgetAll();
        }
    }
}
