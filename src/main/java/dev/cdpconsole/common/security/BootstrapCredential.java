package dev.cdpconsole.common.security;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one API credential of the spine, for automation, first use and the console itself:
 * {@code CDP_BOOTSTRAP_CLIENT_ID} and {@code CDP_BOOTSTRAP_CLIENT_SECRET}, or a random pair made at start
 * and logged once. It holds the {@code admin} role on every sandbox.
 */
@ApplicationScoped
public class BootstrapCredential {

    private static final Logger LOG = Logger.getLogger(BootstrapCredential.class.getName());

    @Inject
    @ConfigProperty(name = "cdp.bootstrap.client.id")
    Optional<String> configuredClientId;

    @Inject
    @ConfigProperty(name = "cdp.bootstrap.client.secret")
    Optional<String> configuredSecret;

    private String clientId;
    private String secret;

    @PostConstruct
    void init() {
        clientId = configuredClientId.filter(s -> !s.isBlank()).orElseGet(() -> "cdp-" + Secrets.random(12));
        secret = configuredSecret.filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            secret = Secrets.random(32);
            LOG.warning(() -> "CDP_BOOTSTRAP_CLIENT_SECRET is not set: the bootstrap API credential for this run is "
                    + "client_id=" + clientId + " client_secret=" + secret
                    + " (shown once; set CDP_BOOTSTRAP_CLIENT_ID and CDP_BOOTSTRAP_CLIENT_SECRET to keep one)");
        }
    }

    public String clientId() {
        return clientId;
    }

    /** The secret itself: only for the console's own token requests, never to be logged again. */
    public String secret() {
        return secret;
    }

    public boolean matches(String candidateClientId, String candidateSecret) {
        boolean idMatches = Secrets.constantTimeEquals(clientId, candidateClientId);
        boolean secretMatches = Secrets.constantTimeEquals(Secrets.sha256(secret), Secrets.sha256(
                candidateSecret == null ? "" : candidateSecret));
        return idMatches & secretMatches;
    }
}
