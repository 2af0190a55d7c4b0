package dev.cdpconsole.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.platform.sandbox.SandboxService;
import dev.cdpconsole.platform.user.ConsoleUserService;

/** What must exist from the first start, created once the schema is up to date. */
@ApplicationScoped
public class PlatformStartup {

    @Inject
    SandboxService sandboxes;

    @Inject
    ConsoleUserService users;

    void seed(@Observes @Priority(Migrations.PRIORITY + 10) Startup startup) {
        sandboxes.ensureDefault();
        users.ensureAdmin();
    }
}
