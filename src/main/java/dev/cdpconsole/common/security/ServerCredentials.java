package dev.cdpconsole.common.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two API credentials the server itself manages. The console's own: from {@code CDP_CONSOLE_CLIENT_ID} and
 * {@code CDP_CONSOLE_CLIENT_SECRET}, or, in the embedded default, made at the first start and kept in the data
 * folder (owner-only). The bootstrap credential for automation and first use: from
 * {@code CDP_BOOTSTRAP_CLIENT_ID} and {@code CDP_BOOTSTRAP_CLIENT_SECRET}, only when they are set.
 */
@ApplicationScoped
public class ServerCredentials {

    @Inject
    @ConfigProperty(name = "cdp.console.client.id")
    Optional<String> consoleId;

    @Inject
    @ConfigProperty(name = "cdp.console.client.secret")
    Optional<String> consoleSecret;

    @Inject
    @ConfigProperty(name = "cdp.bootstrap.client.id")
    Optional<String> bootstrapId;

    @Inject
    @ConfigProperty(name = "cdp.bootstrap.client.secret")
    Optional<String> bootstrapSecret;

    @Inject
    @ConfigProperty(name = "cdp.data.dir", defaultValue = "./data")
    String dataDir;

    private CredentialFile.Pair console;

    /** The console's credential; in the embedded default the first call makes it and writes the file. */
    public synchronized CredentialFile.Pair console() {
        if (console == null) {
            Optional<String> id = consoleId.filter(s -> !s.isBlank());
            Optional<String> secret = consoleSecret.filter(s -> !s.isBlank());
            if (id.isPresent() && secret.isPresent()) {
                console = new CredentialFile.Pair(id.get(), secret.get());
            } else {
                var file = CredentialFile.in(dataDir);
                console = CredentialFile.read(file).orElseGet(() -> {
                    CredentialFile.create(file, new CredentialFile.Pair("cdp-console-" + Secrets.random(9),
                            Secrets.random(32)));
                    return CredentialFile.read(file).orElseThrow();
                });
            }
        }
        return console;
    }

    public Optional<CredentialFile.Pair> bootstrap() {
        return bootstrapId.filter(s -> !s.isBlank()).flatMap(id -> bootstrapSecret.filter(s -> !s.isBlank())
                .map(secret -> new CredentialFile.Pair(id, secret)));
    }
}
