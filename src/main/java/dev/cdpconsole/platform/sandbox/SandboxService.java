package dev.cdpconsole.platform.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.ApiHeaders;
import dev.cdpconsole.api.ImpactReport;
import dev.cdpconsole.api.NewSandbox;
import dev.cdpconsole.api.SandboxView;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.platform.audit.AuditLog;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.common.time.Times;

/** The sandbox rules: names, the per-organisation limit, the protected default, reset and delete reports. */
@ApplicationScoped
public class SandboxService {

    private static final Logger LOG = Logger.getLogger(SandboxService.class.getName());

    @Inject
    SandboxStore store;

    @Inject
    Event<SandboxChanged> changed;

    @Inject
    Instance<SandboxContent> contents;

    @Inject
    AuditLog audit;

    @Inject
    CallContext caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.sandbox.limit", defaultValue = "75")
    int limit;

    /** Makes sure the default production sandbox exists; run once at start. */
    @Transactional
    public void ensureDefault() {
        if (store.findByName(ApiHeaders.DEFAULT_SANDBOX).isEmpty()) {
            store.add(new SandboxEntity(ApiHeaders.DEFAULT_SANDBOX, "Production", "production", true, "system", now()));
            LOG.info("Created the default production sandbox prod");
        }
    }

    /** Creates the demo sandbox if no sandbox of that name ever existed; whether it did so now. */
    @Transactional
    public boolean createDemoOnce(String name, String title) {
        store.lockByName(ApiHeaders.DEFAULT_SANDBOX);
        if (store.findByName(name).isPresent() || store.countNotDeleted() >= limit) {
            return false;
        }
        store.add(new SandboxEntity(name, title, "development", false, "system", now()));
        audit.recordSystem("sandbox.create", name, name, "demo data (first start)");
        return true;
    }

    /** A page of the sandboxes the caller may see (every one, for a grant on {@code *}). */
    public List<SandboxView> page(int offset, int size) {
        List<SandboxEntity> page = caller.seesEverySandbox() ? store.page(offset, size)
                : store.page(offset, size, caller.grantedSandboxes());
        return page.stream().map(SandboxService::view).toList();
    }

    public long total() {
        return caller.seesEverySandbox() ? store.count() : store.count(caller.grantedSandboxes());
    }

    public SandboxView get(String name) {
        return view(find(name));
    }

    @Transactional
    public SandboxView create(NewSandbox request) {
        store.lockByName(ApiHeaders.DEFAULT_SANDBOX); // serialises creations, so the limit holds
        store.findByName(request.getName()).ifPresent(existing -> {
            throw ProblemException.conflict("sandbox-exists", SandboxState.DELETED.equals(existing.state)
                    ? "A deleted sandbox named " + request.getName() + " exists; sandbox names are not reused"
                    : "A sandbox named " + request.getName() + " already exists");
        });
        if (store.countNotDeleted() >= limit) {
            throw ProblemException.conflict("sandbox-limit", "An organisation may have at most " + limit
                    + " sandboxes; delete one first", Map.of("limit", limit));
        }
        SandboxEntity created = new SandboxEntity(request.getName(), request.getTitle().strip(), request.getType(), false,
                caller.actor(), now());
        store.add(created);
        audit.record("sandbox.create", created.name, created.name, "title=" + created.title + ", type=" + created.type);
        return view(created);
    }

    @Transactional
    public SandboxView changeTitle(String name, String title) {
        SandboxEntity sandbox = lockChangeable(name);
        String before = sandbox.title;
        sandbox.rename(title.strip(), caller.actor(), now());
        audit.record("sandbox.rename", name, name, "title: " + before + " -> " + sandbox.title);
        return view(sandbox);
    }

    @Transactional
    public ImpactReport reset(String name, boolean validationOnly, boolean ignoreWarnings) {
        SandboxEntity sandbox = lockChangeable(name);
        return empty(sandbox, "reset", validationOnly, ignoreWarnings,
                () -> sandbox.touch(caller.actor(), now()));
    }

    @Transactional
    public ImpactReport delete(String name, boolean validationOnly, boolean ignoreWarnings) {
        SandboxEntity sandbox = lockChangeable(name);
        if (sandbox.isDefault) {
            throw ProblemException.conflict("sandbox-default-protected",
                    "The default production sandbox " + name + " can never be deleted");
        }
        return empty(sandbox, "delete", validationOnly, ignoreWarnings,
                () -> sandbox.markDeleted(caller.actor(), now()));
    }

    /**
     * What reset and delete share: the impact report, which alone is the answer of a validation; else the
     * warnings check, the removal of every feature's content, the change to the sandbox itself and its record.
     */
    private ImpactReport empty(SandboxEntity sandbox, String action, boolean validationOnly, boolean ignoreWarnings,
            Runnable change) {
        ImpactReport report = impact(action, sandbox, validationOnly);
        if (validationOnly) {
            return report;
        }
        refuseUnlessIgnored(report, ignoreWarnings);
        contents.forEach(content -> content.removeAll(sandbox.name));
        change.run();
        audit.record("sandbox." + action, sandbox.name, sandbox.name, summary(report));
        return withSandbox(report, sandbox);
    }

    private SandboxEntity find(String name) {
        return store.findByName(name).filter(s -> caller.maySee(s.name))
                .orElseThrow(() -> ProblemException.notFound("sandbox-not-found", "No sandbox named " + name));
    }

    private SandboxEntity lockChangeable(String name) {
        SandboxEntity sandbox = (caller.maySee(name) ? store.lockByName(name) : java.util.Optional.<SandboxEntity>empty())
                .orElseThrow(() -> ProblemException.notFound("sandbox-not-found", "No sandbox named " + name));
        if (SandboxState.DELETED.equals(sandbox.state)) {
            throw ProblemException.conflict("sandbox-deleted", "The sandbox " + name + " is deleted");
        }
        changed.fire(new SandboxChanged(name));
        return sandbox;
    }

    private ImpactReport impact(String action, SandboxEntity sandbox, boolean validationOnly) {
        List<ImpactReport.Item> items = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if ("production".equals(sandbox.type)) {
            warnings.add(sandbox.name + " is a production sandbox");
        }
        for (SandboxContent content : contents) {
            long count = content.count(sandbox.name);
            items.add(new ImpactReport.Item(content.kind(), count));
            if (count > 0) {
                warnings.add(sandbox.name + " holds " + count + " " + content.kind() + " that would be removed");
            }
        }
        return new ImpactReport(action, validationOnly, List.copyOf(items), List.copyOf(warnings), view(sandbox));
    }

    private static void refuseUnlessIgnored(ImpactReport report, boolean ignoreWarnings) {
        if (!report.warnings().isEmpty() && !ignoreWarnings) {
            throw ProblemException.conflict("sandbox-warnings", "The " + report.action()
                    + " has warnings; repeat it with ignoreWarnings=true to go ahead: "
                    + String.join("; ", report.warnings()), Map.of("impact", report));
        }
    }

    private static ImpactReport withSandbox(ImpactReport report, SandboxEntity sandbox) {
        return new ImpactReport(report.action(), false, report.items(), report.warnings(), view(sandbox));
    }

    private static String summary(ImpactReport report) {
        return report.items().isEmpty() ? "nothing stored"
                : String.join(", ", report.items().stream().map(i -> i.count() + " " + i.kind()).toList());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static SandboxView view(SandboxEntity s) {
        return new SandboxView(s.name, s.title, s.state, s.type, s.isDefault, s.version,
                Times.iso(s.createdDate), Times.iso(s.lastModifiedDate), s.createdBy, s.lastModifiedBy);
    }
}
