package dev.cdpconsole.platform.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.platform.sandbox.SandboxService;

/**
 * The first start fills a {@code demo} development sandbox with {@code CDP_DEMO_PROFILES} generated people
 * (default 10,000; 0: no demo sandbox), in the background, so that everything can be tried at once.
 */
@ApplicationScoped
public class DemoSandbox {

    static final String NAME = "demo";
    private static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(DemoSandbox.class.getName());

    @Inject
    @ConfigProperty(name = "cdp.demo.profiles", defaultValue = "10000")
    int profiles;

    @Inject
    SandboxService sandboxes;

    @Inject
    BatchIngestion batches;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<DemoProfilesReady> ready;

    void fill(@Observes @Priority(Migrations.PRIORITY + 30) Startup startup) {
        if (profiles <= 0 || !sandboxes.createDemoOnce(NAME, "Demo")) {
            return;
        }
        executor.execute(() -> {
            long began = System.nanoTime();
            int refused = 0;
            for (int from = 0; from < profiles; from += CHUNK) {
                List<BulkIngestion.Line> people = new ArrayList<>();
                List<BulkIngestion.Line> events = new ArrayList<>();
                for (int n = from; n < Math.min(profiles, from + CHUNK); n++) {
                    DemoData.person(n, record -> people.add(new BulkIngestion.Line(people.size() + 1, record)),
                            event -> events.add(new BulkIngestion.Line(events.size() + 1, event)));
                }
                refused += batches.chunk(NAME, RecordReader.PROFILE_SCHEMA, null, people,
                        BulkIngestion.AfterChunk.NOTHING).size();
                refused += batches.chunk(NAME, RecordReader.EVENT_SCHEMA, null, events,
                        BulkIngestion.AfterChunk.NOTHING).size();
            }
            int total = refused;
            LOG.info(() -> String.format("Demo sandbox filled: %d profiles in %.1f s (%d records refused)", profiles,
                    (System.nanoTime() - began) / 1e9, total));
            if (total > 0) {
                LOG.log(Level.WARNING, "{0} demo records were refused", total);
            }
            ready.fire(new DemoProfilesReady(NAME));
        });
    }
}
