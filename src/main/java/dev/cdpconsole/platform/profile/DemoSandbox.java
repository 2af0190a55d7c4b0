package dev.cdpconsole.platform.profile;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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
    private static final Logger LOG = Logger.getLogger(DemoSandbox.class.getName());

    @Inject
    @ConfigProperty(name = "cdp.demo.profiles", defaultValue = "10000")
    int profiles;

    @Inject
    SandboxService sandboxes;

    @Inject
    ProfileIngestion ingestion;

    @Resource
    ManagedExecutorService executor;

    void fill(@Observes @Priority(Migrations.PRIORITY + 30) Startup startup) {
        if (profiles <= 0 || !sandboxes.createDemoOnce(NAME, "Demo")) {
            return;
        }
        executor.execute(() -> {
            long began = System.nanoTime();
            int[] refused = new int[1];
            for (int n = 0; n < profiles; n++) {
                DemoData.person(n, record -> ingest(record, ProfileIngestion.PROFILE_SCHEMA, refused),
                        event -> ingest(event, ProfileIngestion.EVENT_SCHEMA, refused));
            }
            LOG.info(() -> String.format("Demo sandbox filled: %d profiles in %.1f s (%d records refused)", profiles,
                    (System.nanoTime() - began) / 1e9, refused[0]));
        });
    }

    private void ingest(String record, String schema, int[] refused) {
        try {
            ingestion.ingest(NAME, record, schema);
        } catch (RuntimeException e) {
            refused[0]++;
            if (refused[0] == 1) {
                LOG.log(Level.WARNING, "A demo record was refused", e);
            }
        }
    }
}
