package dev.cdpconsole.platform.credential;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import dev.cdpconsole.common.db.Migrations;
import dev.cdpconsole.common.security.CredentialFile;
import dev.cdpconsole.common.security.ServerCredentials;

/** At start: the console's own credential exists, and the bootstrap credential when its settings are given. */
@ApplicationScoped
public class SystemCredentials {

    @Inject
    ServerCredentials settings;

    @Inject
    CredentialService credentials;

    void ensure(@Observes @Priority(Migrations.PRIORITY + 5) Startup startup) {
        CredentialFile.Pair console = settings.console();
        credentials.ensureSystem(console.clientId(), console.secret(), CredentialEntity.CONSOLE, "Console");
        settings.bootstrap().ifPresent(bootstrap -> credentials.ensureSystem(bootstrap.clientId(), bootstrap.secret(),
                CredentialEntity.BOOTSTRAP, "Bootstrap"));
    }
}
